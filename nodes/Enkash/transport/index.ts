import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { enkashBaseUrl } from '../../../shared/auth/enkash';
import { assertSecureUrl } from '../../../shared/secureUrl';
import { errorBody } from '../../../shared/transport/errorBody';
import { assertJsonBody, isTimeout, rewordTimeout, timeoutSeconds } from '../../../shared/transport/responseChecks';
import { classifyFailure, withRetries } from '../../../shared/transport/retry';
import { runCredentials } from '../../../shared/transport/runCredentials';
import { resendable, retryOptionsFor, rewordLostAnswer, type RequestSafety } from '../../../shared/transport/retryOptions';
import { requestRenewingRefusedToken } from '../../../shared/transport/tokenRefusal';
import { describeErrorResponse, ENKASH_TOKEN_REFUSAL, type EnkashEnvelope } from './errorResponse';

export type EnkashContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;


/** The company's Enkash client ID, which the API also takes as sellerId / companyId / parentCompanyId. */
export async function companyId(this: EnkashContext): Promise<string> {
	return String((await runCredentials(this, 'enkashApi')).companyClientId ?? '');
}

/** The one place the Enkash node talks HTTP: sends the request and returns the envelope's payload. */
export async function enkashApiRequest(
	this: EnkashContext,
	method: IHttpRequestMethods,
	path: string,
	options: {
		body?: IDataObject;
		qs?: IDataObject;
		/** Extra headers, such as a multipart Content-Type. */
		headers?: IDataObject;
	} & RequestSafety = {},
): Promise<unknown> {
	const credentials = await runCredentials(this, 'enkashApi');
	const seconds = timeoutSeconds(this, options.itemIndex);
	const request: IHttpRequestOptions = {
		method,
		baseURL: assertSecureUrl(this.getNode(), enkashBaseUrl(credentials), 'Base URL'),
		url: path,
		headers: { Accept: 'application/json', ...options.headers },
		json: true,
		timeout: seconds * 1000,
		returnFullResponse: true,
	};
	if (options.body) request.body = options.body;
	if (options.qs) request.qs = options.qs;

	let response: IN8nHttpFullResponse;
	try {
		response = (await withRetries(
			// An UNAUTHORIZED envelope (even on HTTP 200) renews the token and resends, as a 401 does.
			async () => await requestRenewingRefusedToken(this, 'enkashApi', request, ENKASH_TOKEN_REFUSAL),
			retryOptionsFor(this, options, (found) => ({ statusCode: 200, headers: {}, body: { payload: found } }) satisfies IN8nHttpFullResponse),
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const apiError = enkashError(this, error, options.itemIndex);
		if (isTimeout(error)) rewordTimeout(apiError, 'Enkash', seconds);
		if (!resendable(options) && classifyFailure(error) === 'ambiguous') {
			rewordLostAnswer(apiError, 'Enkash', options.itemIndex, isTimeout(error) ? `Enkash did not answer within ${seconds} s` : undefined);
		}
		throw apiError;
	}
	assertJsonBody(this, 'Enkash', response.body, response.headers?.['content-type'], options.itemIndex);
	const envelope = response.body as EnkashEnvelope;
	if (envelope.errorResponse) {
		// Enkash may answer 200 with an error in the envelope.
		throw enkashError(this, new NodeApiError(this.getNode(), envelope as unknown as JsonObject), options.itemIndex, envelope);
	}
	return envelope.payload;
}

/** Turns Enkash's `errorResponse` into an n8n API error that says what Enkash said. */
function enkashError(context: EnkashContext, error: unknown, itemIndex?: number, body?: EnkashEnvelope): NodeApiError {
	const apiError = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
	const envelope = body ?? (errorBody(apiError) as EnkashEnvelope | undefined);
	const details = envelope?.errorResponse;
	if (details && apiError.httpCode !== '401') {
		const { message, description, context: errorContext } = describeErrorResponse(details);
		apiError.message = message;
		apiError.description = description;
		Object.assign(apiError.context, errorContext);
	}
	if (itemIndex !== undefined) apiError.context.itemIndex = itemIndex;
	return apiError;
}
