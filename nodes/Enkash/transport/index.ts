import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { enkashBaseUrl } from '../../../shared/auth/enkash';
import { assertSecureUrl } from '../../../shared/secureUrl';
import { authenticatedRequest } from '../../../shared/transport/authenticatedRequest';
import { errorBody } from '../../../shared/transport/errorBody';
import { withRetries, type RetryOptions } from '../../../shared/transport/retry';
import { describeErrorResponse, type EnkashEnvelope } from './errorResponse';

type EnkashContext = IExecuteFunctions | ILoadOptionsFunctions;


/** The company's Enkash client ID, which the API also takes as sellerId / companyId / parentCompanyId. */
export async function companyId(this: EnkashContext): Promise<string> {
	return String((await this.getCredentials('enkashApi')).companyClientId ?? '');
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
		itemIndex?: number;
		/** Whether resending after a lost answer is harmless (reads are; creates need `findExisting`). */
		idempotent?: boolean;
		/** For creates: finds the record a lost attempt may have created, so a resend never doubles it. */
		findExisting?: () => Promise<unknown>;
	} = {},
): Promise<unknown> {
	const credentials = await this.getCredentials('enkashApi');
	const request: IHttpRequestOptions = {
		method,
		baseURL: assertSecureUrl(this.getNode(), enkashBaseUrl(credentials), 'Base URL'),
		url: path,
		headers: { Accept: 'application/json', ...options.headers },
		json: true,
	};
	if (options.body) request.body = options.body;
	if (options.qs) request.qs = options.qs;

	let envelope: EnkashEnvelope;
	try {
		envelope = (await withRetries(async () => await authenticatedRequest(this, 'enkashApi', request), retryOptions(this, options))) as EnkashEnvelope;
	} catch (error) {
		throw enkashError(this, error, options.itemIndex);
	}
	if (envelope?.errorResponse) {
		// Enkash may answer 200 with an error in the envelope.
		throw enkashError(this, new NodeApiError(this.getNode(), envelope as unknown as JsonObject), options.itemIndex, envelope);
	}
	return envelope?.payload;
}

/**
 * 429 and 503 are retried with backoff honouring Retry-After, within the node's Retry options; a
 * lost answer is resent only when that cannot double a record.
 */
function retryOptions(context: EnkashContext, options: { itemIndex?: number; idempotent?: boolean; findExisting?: () => Promise<unknown> }): RetryOptions {
	const itemIndex = options.itemIndex ?? 0;
	const { findExisting } = options;
	// Lists in the editor (resource locators) have no items: they use the defaults.
	const isRun = 'getInputData' in context;
	const maxAttempts = isRun ? Number((context as IExecuteFunctions).getNodeParameter('options.retryAttempts', itemIndex, 4)) : 4;
	const maxWaitMs = (isRun ? Number((context as IExecuteFunctions).getNodeParameter('options.maxRetryWaitSeconds', itemIndex, 30)) : 30) * 1000;
	return {
		policy: { maxAttempts: Math.max(1, maxAttempts), maxWaitMs },
		resendAmbiguous: options.idempotent === true,
		// What the look-up finds stands in for the lost answer, so it is wrapped like one.
		beforeResendAfterAmbiguous: findExisting
			? async () => {
					const found = await findExisting();
					return found === undefined ? undefined : ({ payload: found } satisfies EnkashEnvelope);
				}
			: undefined,
	};
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
