/** Sends a request with a credential through n8n, handing token credentials over with the freshest token, or none when it is due. */
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { isKind, isN8nError } from '../errorKinds';
import { settle } from '../settle';
import { hasPasswordLogin, heldToken, sendInLoginTurns, TokenRequestError, tokens, tokenScheme, withThrownCause, withToken } from '../token';
import { runCredentials } from './runCredentials';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * Sends a request with a credential through n8n's `httpRequestWithAuthentication`, so n8n's own
 * machinery (preAuthentication, persistence of the renewed token, one resend after a 401) applies.
 *
 * n8n only renews a token when the stored one is empty or after a 401. For token credentials (those
 * with a scheme in `shared/token/schemes/`) this layer first looks at the freshest token this process
 * knows: when it is due for renewal, the credentials are handed to n8n with an empty token, so n8n
 * runs preAuthentication (shared by all concurrent callers) before the request instead of after a
 * wasted 401. Static credentials (API keys) are never "renewed": a 401 is final. `sent`, when given,
 * learns which token the answer was given for (see `tokenRefusal.ts`, for refusals said in the body).
 */
export async function authenticatedRequest(
	context: RequestContext,
	credentialType: string,
	request: IHttpRequestOptions,
	sent?: SentToken,
): Promise<unknown> {
	const scheme = tokenScheme(credentialType);
	const credentials = await runCredentials(context, credentialType);
	const details = context.getNode().credentials?.[credentialType];
	if (!scheme) {
		return await context.helpers.httpRequestWithAuthentication.call(context, credentialType, request, {
			preAuthenticationRetryStatusCode: [],
			// A copy: n8n assigns into the data it is given.
			credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type: credentialType, data: { ...credentials } },
		});
	}
	const key = scheme.identity(credentials);
	const send = async (held: ICredentialDataDecryptedObject): Promise<unknown> => {
		const current = tokens.peek(key, heldToken(held));
		const data = withToken(held, current);
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
	// A password login is sent only in this process's turn (see shared/token/loginTurn.ts).
	const answered = await settle(async () =>
		hasPasswordLogin(scheme) ? await sendInLoginTurns(context, scheme, key, credentials, request, send) : await send(credentials),
	);
	if (answered.ok) return answered.value;
	throw withTokenReason(context, answered.error);
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
	const apiError = isN8nError(error, 'NodeApiError') ? error : new NodeApiError(context.getNode(), error as JsonObject);
	if (isKind(apiError.cause, TokenRequestError)) {
		apiError.message = apiError.cause.message;
		apiError.description = 'The token could not be obtained, so the request was not sent.';
	}
	return apiError;
}
