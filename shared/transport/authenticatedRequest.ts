import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { enboarderOAuth2TokenKey } from '../auth/enboarderOAuth2';
import { enkashLoginSecrets, enkashTokenKey } from '../auth/enkash';
import { partnerTokenKey } from '../auth/partner';
import { settle } from '../settle';
import { ClaimWritten, heldToken, loginCoordination, PasswordLoginNeedsClaim, TokenRequestError, tokens, withThrownCause } from '../token';
import { loginTurn } from './loginTurn';
import { runCredentials } from './runCredentials';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Token credentials, by type: how to name the token identity, so the layer can check it before sending. */
const TOKEN_KEYS: Record<string, (credentials: ICredentialDataDecryptedObject) => string> = {
	enkashApi: enkashTokenKey,
	enboarderOAuth2Api: enboarderOAuth2TokenKey,
	partnerApi: partnerTokenKey,
};

/** Credentials whose renewal may end in a password login, which other n8n processes must not send at the same time. */
const PASSWORD_LOGINS: Record<string, { vendor: string; secrets: (credentials: ICredentialDataDecryptedObject) => unknown[] }> = {
	enkashApi: { vendor: 'Enkash', secrets: enkashLoginSecrets },
};

/** How often one request may wait for a login turn: once normally; again if a token adopted from another process was refused. */
const LOGIN_TURNS = 2;

/**
 * Sends a request with a credential through n8n's `httpRequestWithAuthentication`, so n8n's own
 * machinery (preAuthentication, persistence of the renewed token, one resend after a 401) applies.
 *
 * n8n only renews a token when the stored one is empty or after a 401. For token credentials this
 * layer first looks at the freshest token this process knows: when it is due for renewal, the
 * credentials are handed to n8n with an empty token, so n8n runs preAuthentication (shared by all
 * concurrent callers) before the request instead of after a wasted 401. Static credentials (API
 * keys) are never "renewed": a 401 is final. `sent`, when given, learns which token the answer was
 * given for (see `tokenRefusal.ts`, for refusals said in the body).
 */
export async function authenticatedRequest(
	context: RequestContext,
	credentialType: string,
	request: IHttpRequestOptions,
	sent?: SentToken,
): Promise<unknown> {
	const tokenKey = TOKEN_KEYS[credentialType];
	const credentials = await runCredentials(context, credentialType);
	const details = context.getNode().credentials?.[credentialType];
	if (!tokenKey) {
		return await context.helpers.httpRequestWithAuthentication.call(context, credentialType, request, {
			preAuthenticationRetryStatusCode: [],
			// A copy: n8n assigns into the data it is given.
			credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type: credentialType, data: { ...credentials } },
		});
	}
	const key = tokenKey(credentials);
	const send = async (held: ICredentialDataDecryptedObject): Promise<unknown> => {
		const current = tokens.peek(key, heldToken(held));
		const data: ICredentialDataDecryptedObject = {
			...held,
			accessToken: current?.accessToken ?? '',
			tokenRenewAt: current?.renewAt ?? 0,
			refreshToken: current?.refreshToken ?? held.refreshToken ?? '',
		};
		try {
			return await withThrownCause(data, async () =>
				await context.helpers.httpRequestWithAuthentication.call(context, credentialType, request, {
					credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type: credentialType, data },
				}),
			);
		} finally {
			if (sent) {
				// n8n assigns what preAuthentication returns into `data`: it now holds the token last sent.
				const last = String(data.accessToken ?? '');
				sent.tokenKey = key;
				sent.accessToken = last;
				sent.renewedAfter401 = current !== undefined && last !== current.accessToken;
			}
		}
	};
	const passwordLogin = PASSWORD_LOGINS[credentialType];
	if (!passwordLogin) {
		const answered = await settle(async () => await send(credentials));
		if (answered.ok) return answered.value;
		throw withTokenReason(context, answered.error);
	}

	// A password login is sent only in this process's turn (see shared/transport/loginTurn.ts).
	return await loginCoordination.within(key, async () => {
		let held = credentials;
		for (let turns = 0; ; turns++) {
			const answered = await settle(async () => await send(held));
			if (answered.ok) return answered.value;
			if (!(causeOf(answered.error) instanceof PasswordLoginNeedsClaim) || turns === LOGIN_TURNS) throw withTokenReason(context, answered.error);
			const turn = await settle(async () => await loginTurn(context, credentialType, {
				...passwordLogin,
				key,
				writeClaim: async (fresh, claim) => {
					const written = await settle(async () =>
						await loginCoordination.writingClaim(key, claim, async () => {
							const data: ICredentialDataDecryptedObject = { ...fresh, accessToken: '' };
							return await withThrownCause(data, async () =>
								await context.helpers.httpRequestWithAuthentication.call(context, credentialType, request, {
									credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type: credentialType, data },
								}),
							);
						}),
					);
					// The credential's authenticate stops that call once the claim is persisted.
					if (!written.ok && !(causeOf(written.error) instanceof ClaimWritten)) throw withTokenReason(context, written.error);
				},
			}));
			if (!turn.ok) throw withTokenReason(context, turn.error);
			const outcome = turn.value;
			if (outcome.granted) {
				// Our turn: log in with the password straight away. The refresh token was refused or is
				// missing; what this process still knows of the old token must not be tried again first.
				tokens.forget(key);
				held = { ...credentials, accessToken: '', tokenRenewAt: 0, refreshToken: '' };
			} else held = outcome.fresh;
		}
	});
}

function causeOf(error: unknown): unknown {
	return error instanceof NodeApiError ? error.cause : error;
}

/** Which token an answer was given for, filled in by `authenticatedRequest` for token credentials. */
export interface SentToken {
	/** The token identity (see `shared/token`). */
	tokenKey?: string;
	/** The access token the answer was given for ('' when none was sent). */
	accessToken?: string;
	/** n8n already renewed the token after a 401 and sent the request again: the answer is to that resend. */
	renewedAfter401?: boolean;
}

/**
 * n8n words every failure to obtain a token as "Authorization failed - please check your
 * credentials". When our token request says why (wrong password, locked account, unreachable
 * endpoint), that is the message the user needs.
 */
function withTokenReason(context: RequestContext, error: unknown): NodeApiError {
	const apiError = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
	if (apiError.cause instanceof TokenRequestError) {
		apiError.message = apiError.cause.message;
		apiError.description = 'The token could not be obtained, so the request was not sent.';
	}
	return apiError;
}
