/** How a token credential declares, and sends, the token it keeps. */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { brand } from '../errorKinds';
import { heldToken } from './heldToken';
import { isUsable } from './tokenSet';

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

/**
 * Raised, before anything is sent, instead of attaching a token that is due for renewal. It reads
 * as a 401 to n8n (`response.status`), which then does what it does after a 401: runs the
 * credential's preAuthentication — renewing the token and persisting the new one — and
 * authenticates the request again. It carries no token.
 */
export class TokenDueError extends Error {
	static readonly kind: string = 'TokenDueError';

	readonly response = { status: 401, statusText: 'Token due for renewal' };

	constructor() {
		super('The stored access token is due for renewal');
		this.name = 'TokenDueError';
		brand(this, TokenDueError.kind);
	}
}

/**
 * Sets the Authorization header from the stored token, unless that token is due for renewal.
 *
 * n8n itself renews a token only when the stored one is empty or after a 401, and n8n's HTTP
 * Request node sends whatever is stored — a token past its renewal time (or one persisted by an
 * older version without one) would go out and be refused. Refusing to attach it makes n8n renew it
 * first, so the request goes out once, with a fresh token. This package's own nodes hand n8n a due
 * token as empty instead (shared/transport), so for them this only catches a token that became due
 * in the last instant.
 */
export function withStoredToken(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	header: (token: string) => string,
	now = Date.now(),
): IHttpRequestOptions {
	const held = heldToken(credentials);
	if (!isUsable(held, now)) throw new TokenDueError();
	return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: header(held.accessToken) } };
}

/** Sends the stored token as `Authorization: Bearer <token>`. */
export async function bearerAuthenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	return withStoredToken(credentials, requestOptions, (token) => `Bearer ${token}`);
}
