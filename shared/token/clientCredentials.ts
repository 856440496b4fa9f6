/** The OAuth2 client-credentials grant as a token scheme: a token is never refreshed, a new one is requested. */
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { secureUrlProblem } from '../secureUrl';
import { withStoredToken, TOKEN_FIELDS } from './credentialFields';
import { fingerprint } from './fingerprint';
import { heldToken, tokenFields, type TokenFields } from './heldToken';
import { defineTokenScheme, refusedByServer, type TokenScheme } from './scheme';
import { tokens } from './state';
import { requestToken, TokenRequestError } from './tokenRequest';
import type { TokenSet } from './tokenSet';

export interface ClientCredentialsGrant {
	/** The vendor's name, for messages. */
	vendor: string;
	tokenUrl: string;
	clientId: string;
	clientSecret: string;
	/** Space-separated scopes, sent only when not empty. */
	scope?: string;
	/**
	 * How the client authenticates: Cognito-style (form body, client id/secret as HTTP Basic — Enboarder)
	 * or everything in a JSON body (the Partner API, seed 001).
	 */
	style: 'form-basic' | 'json-body';
}

/** The token identity of a client-credentials grant: any change to it is a new identity. */
export function clientCredentialsKey(grant: ClientCredentialsGrant): string {
	return fingerprint('client_credentials', grant.style, grant.tokenUrl, grant.clientId, grant.clientSecret, grant.scope ?? '');
}

/**
 * preAuthentication for client-credentials credentials. Such tokens cannot be refreshed (seed 001:
 * "request a new one"), so renewal is a new grant; `held` is the token stored in the credential,
 * which after a 401 is the one the server rejected.
 */
export async function clientCredentialsPreAuthentication(
	helpers: IHttpRequestHelper['helpers'],
	grant: ClientCredentialsGrant,
	held: Partial<TokenSet>,
): Promise<TokenFields> {
	const problem = secureUrlProblem(grant.tokenUrl, 'Token URL');
	if (problem) throw new TokenRequestError(`${problem.message}. ${problem.description}`, 0, true);

	const token = await tokens.acquire(clientCredentialsKey(grant), {
		held,
		rejected: held.accessToken || undefined,
		fetch: async () =>
			grant.style === 'form-basic'
				? await requestToken(helpers, {
						vendor: grant.vendor,
						url: grant.tokenUrl,
						basic: { user: grant.clientId, password: grant.clientSecret },
						form: { grant_type: 'client_credentials', ...(grant.scope ? { scope: grant.scope } : {}) },
					})
				: await requestToken(helpers, {
						vendor: grant.vendor,
						url: grant.tokenUrl,
						json: { grant_type: 'client_credentials', client_id: grant.clientId, client_secret: grant.clientSecret },
					}),
	});
	// No refresh token: these grants are renewed by asking again.
	return tokenFields({ ...token, refreshToken: undefined });
}

export interface ClientCredentialsScheme {
	credentialType: string;
	vendor: string;
	/** The grant a credential's fields describe; throws, before anything is sent, when they describe none. */
	grant(credentials: ICredentialDataDecryptedObject): ClientCredentialsGrant;
	/** The Authorization header's value for a token (`Bearer <token>`, or the bare token). */
	header(token: string): string;
}

/** A token scheme for a client-credentials credential: the token kept in `TOKEN_FIELDS`, renewed by a new grant. */
export function clientCredentialsScheme(scheme: ClientCredentialsScheme): TokenScheme {
	return defineTokenScheme({
		credentialType: scheme.credentialType,
		vendor: scheme.vendor,
		persists: TOKEN_FIELDS,
		identity: (credentials) => clientCredentialsKey(scheme.grant(credentials)),
		obtain: async (helpers, credentials) => await clientCredentialsPreAuthentication(helpers, scheme.grant(credentials), heldToken(credentials)),
		// A refused grant is reported as it is; the next request asks again (no lockout to fear).
		refusal: refusedByServer,
		// Renewed first when due, like every token credential (credentialFields.ts).
		apply: async (credentials, requestOptions) => withStoredToken(credentials, requestOptions, scheme.header),
	});
}
