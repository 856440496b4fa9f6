import type { IHttpRequestHelper } from 'n8n-workflow';

import { secureUrlProblem } from '../secureUrl';
import { fingerprint, requestToken, TokenRequestError, tokenFields, tokens, type TokenFields, type TokenSet } from '../token';

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
