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

import { enboarderApiBaseUrl } from '../../../shared/auth/enboarderRegions';
import { assertSecureUrl } from '../../../shared/secureUrl';
import { authenticatedRequest } from '../../../shared/transport/authenticatedRequest';
import { errorBody } from '../../../shared/transport/errorBody';
import { assertJsonBody, isTimeout, rewordTimeout, timeoutSeconds } from '../../../shared/transport/responseChecks';
import { classifyFailure, withRetries } from '../../../shared/transport/retry';
import { runCredentials } from '../../../shared/transport/runCredentials';
import { resendable, retryOptionsFor, rewordLostAnswer, type RequestSafety } from '../../../shared/transport/retryOptions';

type EnboarderContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** The credential the node's Authentication parameter chose. */
export function enboarderCredentialType(context: EnboarderContext): 'enboarderApi' | 'enboarderOAuth2Api' {
	return context.getNodeParameter('authentication', 0, 'apiKey') === 'oAuth2' ? 'enboarderOAuth2Api' : 'enboarderApi';
}

/**
 * A REST API path for the chosen authentication: `/restapi/v1/…` with an API key, `/restapi/v2/…`
 * with OAuth2 (API-CONTRACTS.md section 1; the shapes are the same). Reports live under `/reports`
 * for both.
 */
export function restPath(context: EnboarderContext, path: string): string {
	return `/restapi/${enboarderCredentialType(context) === 'enboarderOAuth2Api' ? 'v2' : 'v1'}${path}`;
}

export interface EnboarderRequestOptions extends RequestSafety {
	body?: IDataObject;
	qs?: IDataObject;
	headers?: IDataObject;
}

/** The one place the Enboarder node talks HTTP: retries, token upkeep and Enboarder's error words. */
export async function enboarderApiRequest(
	this: EnboarderContext,
	method: IHttpRequestMethods,
	path: string,
	options: EnboarderRequestOptions = {},
): Promise<IDataObject> {
	return (await enboarderFullRequest.call(this, method, path, options)).body as IDataObject;
}

/** As `enboarderApiRequest`, with the HTTP status (Profile → List Workflows tells 200 from 206). */
export async function enboarderFullRequest(
	this: EnboarderContext,
	method: IHttpRequestMethods,
	path: string,
	options: EnboarderRequestOptions = {},
): Promise<IN8nHttpFullResponse> {
	const credentialType = enboarderCredentialType(this);
	const credentials = await runCredentials(this, credentialType);
	const seconds = timeoutSeconds(this, options.itemIndex);
	const request: IHttpRequestOptions = {
		method,
		baseURL: assertSecureUrl(this.getNode(), enboarderApiBaseUrl(String(credentials.region), credentials.baseUrl), 'Base URL'),
		url: path,
		headers: { Accept: 'application/json', ...options.headers },
		json: true,
		returnFullResponse: true,
		timeout: seconds * 1000,
	};
	if (options.body) request.body = options.body;
	if (options.qs) request.qs = options.qs;
	let response: IN8nHttpFullResponse;
	try {
		response = (await withRetries(
			async () => await authenticatedRequest(this, credentialType, request),
			retryOptionsFor(this, options, (found) => ({ statusCode: 200, headers: {}, body: found as IDataObject }) satisfies IN8nHttpFullResponse),
		)) as IN8nHttpFullResponse;
	} catch (error) {
		const apiError = enboarderError(this, error, options.itemIndex);
		if (isTimeout(error)) rewordTimeout(apiError, 'Enboarder', seconds);
		if (!resendable(options) && classifyFailure(error) === 'ambiguous') {
			rewordLostAnswer(apiError, 'Enboarder', options.itemIndex, isTimeout(error) ? `Enboarder did not answer within ${seconds} s` : undefined);
		}
		throw apiError;
	}
	assertJsonBody(this, 'Enboarder', response.body, response.headers?.['content-type'], options.itemIndex);
	return response;
}

/**
 * Enboarder answers errors as `{message}` (workflows, reports) or `{errorcode, message, errors,
 * warnings}` (profiles): those words become the n8n error the user reads.
 */
function enboarderError(context: EnboarderContext, error: unknown, itemIndex?: number): NodeApiError {
	const apiError = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
	const body = errorBody(apiError);
	if (body && typeof body.message === 'string' && apiError.httpCode !== '401') {
		const { message, description, context: details } = describeEnboarderError(body);
		apiError.message = message;
		apiError.description = description;
		Object.assign(apiError.context, details);
	}
	if (itemIndex !== undefined) apiError.context.itemIndex = itemIndex;
	return apiError;
}

/** What an n8n user reads for an Enboarder error body. */
export function describeEnboarderError(body: IDataObject): { message: string; description: string | null; context: IDataObject } {
	const code = typeof body.errorcode === 'string' && body.errorcode ? ` (${body.errorcode})` : '';
	const list = (value: unknown): string[] => (Array.isArray(value) ? value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))) : []);
	const errors = list(body.errors);
	const warnings = list(body.warnings);
	const description = [errors.length ? `Details: ${errors.join('; ')}` : '', warnings.length ? `Warnings: ${warnings.join('; ')}` : ''].filter(Boolean).join('\n');
	return {
		message: `Enboarder rejected the request${code}: ${String(body.message)}`,
		description: description || null,
		context: { errorcode: body.errorcode ?? null, errorMessage: body.message, errors, warnings },
	};
}
