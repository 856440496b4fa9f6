/** A token refusal said in an answer's body (not with a 401) gets what n8n gives a 401: one shared renewal, one resend. */
import {
	NodeApiError,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { isN8nError } from '../errorKinds';
import { settle, type Settled } from '../settle';
import { tokens } from '../token';
import { authenticatedRequest, type SentToken } from './authenticatedRequest';
import { errorBody } from './errorBody';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** What the vendor said when it refused the token, in its own words (never a secret). */
export interface TokenRefusal {
	/** e.g. `UNAUTHORIZED: Access token expired`. */
	reason?: string;
	/** What the vendor's support needs to find the answer, e.g. `Enkash request ID 3f2a…`. */
	reference?: string;
}

/** How a vendor refuses an access token in the body of its answer. */
export interface BodyTokenRefusal {
	vendor: string;
	/** The refusal when this answer's body refuses the access token; undefined for every other body. */
	read(body: unknown): TokenRefusal | undefined;
}

interface Refused {
	refusal: TokenRefusal;
	/** The HTTP status the refusal came with. */
	status: number;
}

/**
 * Sends a request through `authenticatedRequest`; when the answer's body refuses the access token
 * (whatever its HTTP status; a 401 n8n has already renewed and resent), treats it exactly like n8n
 * treats a 401:
 *
 * - the token that was sent is rejected in the token cache, so it is never handed out again;
 * - the request is sent once more: the token layer hands n8n the credential with an empty token, so
 *   n8n runs preAuthentication (one renewal shared by every item refused with that same token; items
 *   refused with a token already replaced get the replacement) and persists the new token;
 * - a refusal of the resend (the renewed token) is final, with a message saying so.
 *
 * A refused request was not carried out, so resending it cannot double anything. A body that can be
 * read only once (a stream) is not resent, as n8n does after a 401; the next request uses a new token.
 */
export async function requestRenewingRefusedToken(
	context: RequestContext,
	credentialType: string,
	request: IHttpRequestOptions,
	signal: BodyTokenRefusal,
): Promise<unknown> {
	const first = await send(context, credentialType, request);
	const refused = refusalIn(first.outcome, request, signal);
	const { tokenKey, accessToken } = first.sent;
	// Not a token credential (an API key): there is nothing to renew, the answer stands.
	if (!refused || !tokenKey || !accessToken) return answer(first.outcome);

	// n8n's own 401 renewal already produced this token, or another item of this run saw it refused
	// right after renewing: renewing again within this run cannot help (see TokenManager).
	if (first.sent.renewedAfter401 === true || tokens.wasRefusedAfterRenewal(context, tokenKey, accessToken)) {
		tokens.refusedAfterRenewal(context, tokenKey, accessToken);
		throw renewedTokenRefused(context, signal, refused);
	}

	tokens.reject(tokenKey, accessToken);
	if (singleUseBody(request)) throw notResent(context, signal, refused);

	const second = await send(context, credentialType, request);
	const refusedAgain = refusalIn(second.outcome, request, signal);
	if (!refusedAgain) return answer(second.outcome);
	if (second.sent.accessToken) tokens.refusedAfterRenewal(context, tokenKey, second.sent.accessToken);
	throw renewedTokenRefused(context, signal, refusedAgain);
}

async function send(
	context: RequestContext,
	credentialType: string,
	request: IHttpRequestOptions,
): Promise<{ outcome: Settled<unknown>; sent: SentToken }> {
	const sent: SentToken = {};
	const outcome = await settle(async () => await authenticatedRequest(context, credentialType, request, sent));
	return { outcome, sent };
}

function answer(outcome: Settled<unknown>): unknown {
	if (outcome.ok) return outcome.value;
	throw outcome.error;
}

function refusalIn(outcome: Settled<unknown>, request: IHttpRequestOptions, signal: BodyTokenRefusal): Refused | undefined {
	if (outcome.ok) {
		const full = request.returnFullResponse === true ? (outcome.value as { statusCode?: number; body?: unknown } | undefined) : undefined;
		const refusal = signal.read(full ? full.body : outcome.value);
		return refusal ? { refusal, status: full?.statusCode ?? 200 } : undefined;
	}
	const error = outcome.error;
	if (!isN8nError(error, 'NodeApiError')) return undefined;
	const status = (error.cause as { response?: { status?: number } } | undefined)?.response?.status ?? Number(error.httpCode);
	// After a 401 n8n has already renewed the token and sent the request again: that answer is final.
	if (status === 401) return undefined;
	const body = errorBody(error);
	const refusal = body ? signal.read(body) : undefined;
	return refusal ? { refusal, status } : undefined;
}

/**
 * A body n8n could not send twice either (its check after a 401): a stream, or a FormData object
 * (the `form-data` package's or the global one). Recognised by shape: community nodes may not import
 * `node:stream`.
 */
function singleUseBody(request: IHttpRequestOptions): boolean {
	const body = request.body as { pipe?: unknown; getBoundary?: unknown } | undefined;
	if (body === null || typeof body !== 'object') return false;
	return typeof body.pipe === 'function' || typeof body.getBoundary === 'function' || Object.prototype.toString.call(body) === '[object FormData]';
}

function said(refused: Refused): string {
	return refused.refusal.reason ? ` (${refused.refusal.reason})` : '';
}

function reference(refused: Refused): string {
	return refused.refusal.reference ? ` ${refused.refusal.reference}.` : '';
}

/** The refusal as an error that the retry layer treats as final and the vendor layer does not reword. */
function refusalError(context: RequestContext, refused: Refused, message: string, description: string): NodeApiError {
	const error = new NodeApiError(context.getNode(), { message, httpStatus: refused.status } as JsonObject, { message, description, httpCode: '401' });
	// n8n replaces a message that merely contains an error code (EPERM, EACCES…) with its own words.
	error.message = message;
	return error;
}

function renewedTokenRefused(context: RequestContext, signal: BodyTokenRefusal, refused: Refused): NodeApiError {
	const { vendor } = signal;
	return refusalError(
		context,
		refused,
		`${vendor} refused the renewed access token${said(refused)}`,
		`${vendor} answered that the access token was not valid, so a new token was obtained and the request sent once more; ` +
			`${vendor} refused the new token too, so renewing again would not help. The request was not carried out. ` +
			`Check that the user and company in the ${vendor} credential may use this operation, or ask ${vendor} support.${reference(refused)}`,
	);
}

function notResent(context: RequestContext, signal: BodyTokenRefusal, refused: Refused): NodeApiError {
	const { vendor } = signal;
	return refusalError(
		context,
		refused,
		`${vendor} refused the access token${said(refused)}; this request was not sent again because its body can be sent only once`,
		`The request was not carried out. The next request gets a new token, so running this item again is safe.${reference(refused)}`,
	);
}
