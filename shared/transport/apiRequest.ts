/** The one request pipeline of both action nodes: the concurrency permit, token upkeep, retries, lost-answer look-ups, then the vendor's envelope and words. */
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { isN8nError } from '../errorKinds';
import { runNode } from '../runParameter';
import { assertSecureUrl } from '../secureUrl';
import { settle } from '../settle';
import { authenticatedRequest } from './authenticatedRequest';
import { withConcurrencyPermit } from './concurrencyPermit';
import { errorBody } from './errorBody';
import { assertJsonBody, isTimeout, timeoutSeconds, timeoutWords } from './responseChecks';
import { classifyFailure, retryAllowance, withRetries } from './retry';
import { lostAnswerWords, resendable, retryPolicyFor, type RequestSafety } from './retryOptions';
import { runCredentials } from './runCredentials';
import { requestRenewingRefusedToken, type BodyTokenRefusal } from './tokenRefusal';

export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** What a user reads for an error the vendor answered with. */
export interface ErrorWords {
	message: string;
	description: string | null;
	/** The raw parts, kept in the error's context for expressions and error workflows. */
	context: IDataObject;
}

/** What differs between the vendors; everything else is the pipeline's. */
export interface VendorApi {
	/** The vendor's name, for messages. */
	vendor: string;
	/** The credential the node sends with (Enboarder's depends on its Authentication parameter). */
	credentialType: (context: ApiContext) => string;
	baseUrl: (credentials: ICredentialDataDecryptedObject) => string;
	/** How the vendor refuses an access token in an answer's body, when it does: that refusal then renews the token as a 401 does. */
	tokenRefusal?: BodyTokenRefusal;
	/** The vendor's words for an error body, or undefined when the body is not the vendor's error shape. */
	describeError: (body: IDataObject) => ErrorWords | undefined;
	/** A successful answer's body: what the caller gets (Enkash: the envelope's payload), or `refused` when the body is an error (Enkash answers some with 200). */
	unwrap: (body: IDataObject) => { payload: unknown } | { refused: true };
}

export interface ApiRequest extends RequestSafety {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** Extra headers, such as a multipart Content-Type. */
	headers?: IDataObject;
}

/**
 * What came back: the vendor's response, or the record a look-up found after the answer to a create
 * was lost. Kept apart rather than dressed as a response, so a found record is never unwrapped,
 * checked or mistaken for an HTTP answer.
 */
type Outcome = { response: IN8nHttpFullResponse } | { found: unknown };

/** Sends one request and returns the answer as the vendor's unwrapping gives it, or the record a lost-answer look-up found. */
export async function apiRequest(context: ApiContext, api: VendorApi, request: ApiRequest): Promise<unknown> {
	const outcome = await send(context, api, request);
	if ('found' in outcome) return outcome.found;
	const body = checkedBody(context, api, outcome.response, request.itemIndex);
	const unwrapped = api.unwrap(body);
	if ('payload' in unwrapped) return unwrapped.payload;
	throw refusal(context, api, body, request.itemIndex);
}

/** As `apiRequest`, the whole response (e.g. to tell 200 from 206); for requests with no look-up, whose answer is always a response. */
export async function apiFullResponse(context: ApiContext, api: VendorApi, request: Omit<ApiRequest, 'findExisting'>): Promise<IN8nHttpFullResponse> {
	const outcome = await send(context, api, request);
	if ('found' in outcome) throw new Error('apiFullResponse was given a look-up');
	checkedBody(context, api, outcome.response, request.itemIndex);
	return outcome.response;
}

async function send(context: ApiContext, api: VendorApi, request: ApiRequest): Promise<Outcome> {
	const credentialType = api.credentialType(context);
	const credentials = await runCredentials(context, credentialType);
	const seconds = timeoutSeconds(context, request.itemIndex);
	const http: IHttpRequestOptions = {
		method: request.method,
		baseURL: assertSecureUrl(runNode(context), api.baseUrl(credentials), 'Base URL'),
		url: request.path,
		headers: { Accept: 'application/json', ...request.headers },
		json: true,
		timeout: seconds * 1000,
		returnFullResponse: true,
	};
	if (request.body) http.body = request.body;
	if (request.qs) http.qs = request.qs;

	const policy = retryPolicyFor(context, request.itemIndex);
	// A look-up spends the allowance of the create it looks up for; any other request starts its own.
	const allowance = request.allowance ?? retryAllowance(policy.maxAttempts);
	const { findExisting } = request;
	const { tokenRefusal } = api;
	const sent = await settle(
		async () =>
			await withRetries<Outcome>(
				// One permit per attempt (Concurrency: Automatic), taken around the send only: a retry's wait holds none.
				// Enkash can refuse a token in a body (even with 200): that refusal then renews the token as a 401 does.
				async () =>
					await withConcurrencyPermit(context, credentialType, credentials, async () => ({
						response: (tokenRefusal
							? await requestRenewingRefusedToken(context, credentialType, http, tokenRefusal)
							: await authenticatedRequest(context, credentialType, http)) as IN8nHttpFullResponse,
					})),
				{
					policy,
					allowance,
					resendAmbiguous: request.idempotent === true,
					beforeResendAfterAmbiguous: findExisting
						? async () => {
								const found = await findExisting(allowance);
								return found === undefined ? undefined : { found };
							}
						: undefined,
				},
			),
	);
	if (sent.ok) return sent.value;
	throw failure(context, api, sent.error, request, seconds);
}

/** A failure of a request as an n8n API error (the pipeline already throws one; anything else is wrapped). */
export function asApiError(context: ApiContext, error: unknown): NodeApiError {
	return isN8nError(error, 'NodeApiError') ? error : new NodeApiError(context.getNode(), error as JsonObject);
}

function checkedBody(context: ApiContext, api: VendorApi, response: IN8nHttpFullResponse, itemIndex: number | undefined): IDataObject {
	assertJsonBody(context, api.vendor, response.body, response.headers?.['content-type'], itemIndex);
	return response.body as IDataObject;
}

/**
 * A request that failed for good, as an n8n API error worded once, here: a lost answer that was not
 * resent (saying how it was lost: a dropped connection, or no answer within the Timeout), else a
 * timeout, else what the vendor answered. A 401 keeps the token layer's words.
 */
function failure(context: ApiContext, api: VendorApi, error: unknown, request: ApiRequest, seconds: number): NodeApiError {
	const apiError = asApiError(context, error);
	const timedOut = isTimeout(error);
	const answered = errorBody(apiError);
	const said = answered && apiError.httpCode !== '401' ? api.describeError(answered) : undefined;
	let words: { message: string; description: string | null } | undefined = said;
	if (!resendable(request) && classifyFailure(error) === 'ambiguous') {
		const cause = timedOut ? `${api.vendor} did not answer within ${seconds} s` : `the connection to ${api.vendor} was lost before it answered`;
		words = lostAnswerWords(api.vendor, request.itemIndex, cause, request.lostAnswer);
	} else if (timedOut) words = timeoutWords(api.vendor, seconds);
	return worded(apiError, words, said?.context, request.itemIndex);
}

/** An error body in a successful answer (Enkash's envelope on a 200), in the vendor's words. */
function refusal(context: ApiContext, api: VendorApi, body: IDataObject, itemIndex: number | undefined): NodeApiError {
	const said = api.describeError(body);
	return worded(new NodeApiError(context.getNode(), body as JsonObject), said, said?.context, itemIndex);
}

function worded(apiError: NodeApiError, words: { message: string; description: string | null } | undefined, details: IDataObject | undefined, itemIndex: number | undefined): NodeApiError {
	if (words) {
		apiError.message = words.message;
		apiError.description = words.description;
	}
	// The vendor's raw parts stay in the context for expressions and error workflows, whatever the words.
	if (details) Object.assign(apiError.context, details);
	if (itemIndex !== undefined) apiError.context.itemIndex = itemIndex;
	return apiError;
}
