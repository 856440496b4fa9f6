import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { normalizeUrl, secureUrlProblem } from '../secureUrl';
import { settle } from '../settle';
import { fingerprint, heldToken, logins, requestToken, TokenRequestError, tokenFields, tokens, type TokenFields } from '../token';

/** Enkash's published hosts (API-CONTRACTS.md section 3). */
export const ENKASH_ENVIRONMENTS = {
	live: 'https://api.enkash.in',
	uat: 'https://ekpayout-uat.enkash.in',
} as const;

export function enkashBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'live');
	if (environment === 'custom') return normalizeUrl(credentials.baseUrl);
	return ENKASH_ENVIRONMENTS[environment as keyof typeof ENKASH_ENVIRONMENTS] ?? ENKASH_ENVIRONMENTS.live;
}

/** Tokens are shared by everything that uses the same login; any change to it is a new identity. */
export function enkashTokenKey(credentials: ICredentialDataDecryptedObject): string {
	return fingerprint(
		'enkash',
		enkashBaseUrl(credentials),
		credentials.oauthClientId,
		credentials.oauthClientSecret,
		credentials.username,
		credentials.password,
		credentials.companyClientId,
	);
}

/**
 * The Enkash credential's preAuthentication. n8n calls it when the stored token is empty (first
 * use, or our request layer asking for an early renewal) or after a 401, when the credentials still
 * hold the token the server rejected. Order: a token another caller already renewed; else the
 * refresh grant; else one password login, never repeated once the server has rejected it.
 */
export async function enkashPreAuthentication(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<TokenFields> {
	const base = enkashBaseUrl(credentials);
	const problem = secureUrlProblem(base, 'Base URL');
	if (problem) throw new TokenRequestError(`${problem.message}. ${problem.description}`, 0, true);

	const key = enkashTokenKey(credentials);
	const held = heldToken(credentials);
	const url = `${base}/oauth/token`;
	const basic = { user: String(credentials.oauthClientId ?? ''), password: String(credentials.oauthClientSecret ?? '') };

	const token = await tokens.acquire(key, {
		held,
		rejected: held.accessToken || undefined,
		fetch: async (previous) => {
			if (previous?.refreshToken) {
				const refreshToken = previous.refreshToken;
				const refreshed = await settle(
					async () => await requestToken(helpers, { vendor: 'Enkash', url, basic, form: { grant_type: 'refresh_token', refresh_token: refreshToken } }),
				);
				if (refreshed.ok) return { ...refreshed.value, refreshToken: refreshed.value.refreshToken ?? previous.refreshToken };
				// A refused refresh token falls back to one password login; a transport failure does not.
				if (!isRejection(refreshed.error)) throw refreshed.error;
			}
			logins.assertNotRejected(key);
			const login = await settle(async () =>
				await requestToken(helpers, {
					vendor: 'Enkash',
					url,
					basic,
					form: {
						username: String(credentials.username ?? ''),
						password: String(credentials.password ?? ''),
						grant_type: 'password',
						clientId: String(credentials.companyClientId ?? ''),
					},
				}),
			);
			if (login.ok) return login.value;
			if (!isRejection(login.error)) throw login.error;
			const refusal = new TokenRequestError(
				`${login.error.message}. Check the username, password, OAuth client and company client ID in the Enkash credential. ` +
					'This login will not be tried again until the credential is changed, because Enkash locks an account after 3 failed logins.',
				login.error.httpStatus,
				true,
			);
			logins.remember(key, refusal);
			throw refusal;
		},
	});
	return tokenFields(token);
}

function isRejection(error: unknown): error is TokenRequestError {
	return error instanceof TokenRequestError && error.rejected;
}

