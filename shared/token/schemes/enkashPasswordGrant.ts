/** Enkash's token scheme: OAuth2 password grant renewed with its refresh token, a refused login never sent again. */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { enkashBaseUrl } from '../../auth/enkash';
import { brand, isKind } from '../../errorKinds';
import { secureUrlProblem } from '../../secureUrl';
import { settle } from '../../settle';
import { bearerAuthenticate, TOKEN_FIELDS } from '../credentialFields';
import { fingerprint } from '../fingerprint';
import { heldToken, tokenFields } from '../heldToken';
import { ClaimWritten, LOGIN_CLAIM_FIELD, PasswordLoginNeedsClaim } from '../loginClaim';
import { LOGIN_REFUSAL_FIELD, refusalFor, refusalRecord, storedRefusal } from '../loginRefusal';
import { defineTokenScheme, refusedByServer, type TokenScheme } from '../scheme';
import { loginCoordination, logins, tokens } from '../state';
import { requestToken, TokenRequestError } from '../tokenRequest';

const VENDOR = 'Enkash';

/** A refused refresh token falls back to one password login; a refused password login is remembered and never sent again. */
const readRefusal = refusedByServer;

/** Everything an Enkash login sends: a change to any of it is a new login (and a new token identity). */
export function enkashLoginSecrets(credentials: ICredentialDataDecryptedObject): unknown[] {
	return [
		enkashBaseUrl(credentials),
		credentials.oauthClientId,
		credentials.oauthClientSecret,
		credentials.username,
		credentials.password,
		credentials.companyClientId,
	];
}

/** Tokens are shared by everything that uses the same login; any change to it is a new identity. */
export function enkashTokenKey(credentials: ICredentialDataDecryptedObject): string {
	return fingerprint('enkash', ...enkashLoginSecrets(credentials));
}

/** A login Enkash refused, carried out of the shared token fetch so each caller can persist it. */
class LoginRefused extends Error {
	static readonly kind: string = 'LoginRefused';

	constructor(
		readonly refusal: TokenRequestError,
		/** What the credential keeps (`loginRefusal`): a salted MAC of the refused secrets, no secret. */
		readonly record: string,
	) {
		super(refusal.message);
		brand(this, LoginRefused.kind);
	}
}

/**
 * The Enkash credential's preAuthentication. n8n calls it when the stored token is empty (first
 * use, or our request layer asking for an early renewal) or after a 401, when the credentials still
 * hold the token the server rejected. Order: a login refused before with these very secrets fails at
 * once, without a request; else a token another caller already renewed; else the refresh grant; else
 * one password login.
 *
 * A refused login is returned, not thrown, as `loginRefusal` beside an empty token, so that n8n
 * persists it into the credential like a token: every process reading the credential afterwards —
 * queue-mode workers, the main instance, n8n after a restart — sees it and sends nothing. The
 * credential's `authenticate` then turns it into the error (see `enkashAuthenticate`).
 */
async function enkashPreAuthentication(helpers: IHttpRequestHelper['helpers'], credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
	const base = enkashBaseUrl(credentials);
	const problem = secureUrlProblem(base, 'Base URL');
	if (problem) throw new TokenRequestError(`${problem.message}. ${problem.description}`, 0, true);

	const secrets = enkashLoginSecrets(credentials);
	const remembered = refusalFor(credentials.loginRefusal, secrets);
	if (remembered) throw remembered;

	const key = enkashTokenKey(credentials);
	// Our request layer asked for nothing but its login claim to be persisted (see loginClaim.ts).
	// A claim is written only when a password login is due: the refresh token is missing or was
	// refused. It is cleared with it, so no process reading the credential sends it again.
	const claim = loginCoordination.claimToWrite(key);
	if (claim) return { accessToken: '', refreshToken: '', tokenRenewAt: 0, loginClaim: claim };
	const held = heldToken(credentials);
	const url = `${base}/oauth/token`;
	const basic = { user: String(credentials.oauthClientId ?? ''), password: String(credentials.oauthClientSecret ?? '') };

	const acquired = await settle(async () => await tokens.acquire(key, {
		held,
		rejected: held.accessToken || undefined,
		fetch: async (previous) => {
			if (previous?.refreshToken) {
				const refreshToken = previous.refreshToken;
				const refreshed = await settle(
					async () => await requestToken(helpers, { vendor: VENDOR, url, basic, form: { grant_type: 'refresh_token', refresh_token: refreshToken } }),
				);
				if (refreshed.ok) return { ...refreshed.value, refreshToken: refreshed.value.refreshToken ?? previous.refreshToken };
				// A refused refresh token falls back to one password login; a transport failure does not.
				if (!readRefusal(refreshed.error)) throw refreshed.error;
				// Never sent again, by any caller of this process: after a refused refresh comes exactly one password login.
				tokens.refuseRefreshToken(key, refreshToken);
			}
			// Within this process: callers that read the credential before the refusal was persisted.
			logins.assertNotRejected(key);
			// Across processes: only the process holding the login claim sends the password.
			if (!loginCoordination.mayLogIn(key)) throw new PasswordLoginNeedsClaim(VENDOR);
			const login = await settle(async () =>
				await requestToken(helpers, {
					vendor: VENDOR,
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
			loginCoordination.release(key);
			if (login.ok) return login.value;
			const refused = readRefusal(login.error);
			if (!refused) throw login.error;
			const refusal = new TokenRequestError(
				`${refused.message}. Check the username, password, OAuth client and company client ID in the Enkash credential. ` +
					'This login will not be tried again until the credential is changed, because Enkash locks an account after 3 failed logins.',
				refused.httpStatus,
				true,
			);
			logins.remember(key, refusal);
			throw new LoginRefused(refusal, refusalRecord(secrets, refusal));
		},
	}));
	// Either outcome ends a login claim, whoever held it: the others find the outcome in the credential.
	if (acquired.ok) return { ...tokenFields(acquired.value), loginRefusal: '', loginClaim: '' };
	if (isKind(acquired.error, LoginRefused)) {
		return { accessToken: '', refreshToken: '', tokenRenewAt: 0, loginRefusal: acquired.error.record, loginClaim: '' };
	}
	throw acquired.error;
}

/**
 * Sends the token as `Authorization: Bearer`. n8n calls this right after preAuthentication; when that
 * persisted a refused login (an empty token beside `loginRefusal`), nothing may be sent: the refusal
 * is the item's error. When it persisted only a login claim, that call's job is done (`ClaimWritten`).
 */
async function enkashAuthenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (loginCoordination.isBeingWritten(credentials.loginClaim)) throw new ClaimWritten();
	if (!credentials.accessToken) {
		const refusal = storedRefusal(credentials.loginRefusal);
		if (refusal) throw refusal;
	}
	return await bearerAuthenticate(credentials, requestOptions);
}

export const enkashPasswordGrant: TokenScheme = defineTokenScheme({
	credentialType: 'enkashApi',
	vendor: VENDOR,
	persists: [...TOKEN_FIELDS, LOGIN_REFUSAL_FIELD, LOGIN_CLAIM_FIELD],
	identity: enkashTokenKey,
	obtain: enkashPreAuthentication,
	refusal: readRefusal,
	apply: enkashAuthenticate,
	passwordLogin: { secrets: enkashLoginSecrets },
});
