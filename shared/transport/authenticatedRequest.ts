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
import { enkashTokenKey } from '../auth/enkash';
import { partnerTokenKey } from '../auth/partner';
import { heldToken, TokenRequestError, tokens } from '../token';
import { runCredentials } from './runCredentials';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Token credentials, by type: how to name the token identity, so the layer can check it before sending. */
const TOKEN_KEYS: Record<string, (credentials: ICredentialDataDecryptedObject) => string> = {
	enkashApi: enkashTokenKey,
	enboarderOAuth2Api: enboarderOAuth2TokenKey,
	partnerApi: partnerTokenKey,
};

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
	const current = tokens.peek(tokenKey(credentials), heldToken(credentials));
	const data: ICredentialDataDecryptedObject = {
		...credentials,
		accessToken: current?.accessToken ?? '',
		tokenRenewAt: current?.renewAt ?? 0,
		refreshToken: current?.refreshToken ?? credentials.refreshToken ?? '',
	};
	try {
		return await context.helpers.httpRequestWithAuthentication.call(context, credentialType, request, {
			credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type: credentialType, data },
		});
	} catch (error) {
		throw withTokenReason(context, error);
	} finally {
		if (sent) {
			// n8n assigns what preAuthentication returns into `data`: it now holds the token last sent.
			const last = String(data.accessToken ?? '');
			sent.tokenKey = tokenKey(credentials);
			sent.accessToken = last;
			sent.renewedAfter401 = current !== undefined && last !== current.accessToken;
		}
	}
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
