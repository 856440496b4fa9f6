import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

/**
 * The hidden fields where every token credential of this package keeps its token. `accessToken` is
 * n8n's "expirable" field: n8n runs the credential's preAuthentication when it is empty or after a
 * 401, and persists what preAuthentication returns into these fields.
 */
export const TOKEN_FIELDS: INodeProperties[] = [
	{ displayName: 'Access Token', name: 'accessToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	{ displayName: 'Refresh Token', name: 'refreshToken', type: 'hidden', typeOptions: { password: true }, default: '' },
	{ displayName: 'Token Renewal Time', name: 'tokenRenewAt', type: 'hidden', typeOptions: { password: true }, default: 0 },
];

/** Sends the stored token as `Authorization: Bearer <token>`. */
export async function bearerAuthenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken ?? '')}` } };
}
