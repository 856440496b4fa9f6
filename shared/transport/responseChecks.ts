/** Checks on a response (timeout, JSON body) and their words. */
import { NodeApiError, type IExecuteFunctions, type ILoadOptionsFunctions, type IPollFunctions, type JsonObject } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_SECONDS } from '../descriptions/requestOptions';
import { runParameter } from '../runParameter';

type Context = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** How long one request may take, from the node's Options → Timeout (lists, triggers: the default); read once per run unless an expression sets it. */
export function timeoutSeconds(context: Context, itemIndex = 0): number {
	if (!('getInputData' in context)) return DEFAULT_TIMEOUT_SECONDS;
	return Math.max(1, Number(runParameter(context as IExecuteFunctions, 'options.timeoutSeconds', itemIndex, DEFAULT_TIMEOUT_SECONDS)));
}

/**
 * Whether the HTTP client gave up waiting (n8n's axios: "timeout of N ms exceeded", ECONNABORTED /
 * ETIMEDOUT). n8n 1.x and 2.8's NodeApiError drops the axios error (`cause`): there the code is in
 * `httpCode` and axios's own message among `messages` (n8n rewords `message`).
 */
export function isTimeout(error: unknown): boolean {
	for (let level = error as Level | undefined, depth = 0; level && depth < 5; depth++) {
		const said = [level.message, ...(Array.isArray(level.messages) ? level.messages : [])].map(String);
		const code = level.code ?? level.httpCode;
		if (code === 'ETIMEDOUT' || (code === 'ECONNABORTED' && said.some((text) => /timeout/i.test(text)))) return true;
		if (said.some((text) => /^timeout of \d+ms exceeded$/.test(text))) return true;
		level = level.cause as Level | undefined;
	}
	return false;
}

interface Level {
	code?: unknown;
	httpCode?: unknown;
	message?: unknown;
	messages?: unknown;
	cause?: unknown;
}

/** The words for a request that outlived the Timeout option. */
export function timeoutWords(vendor: string, seconds: number): { message: string; description: string } {
	return {
		message: `${vendor} did not answer within ${seconds} s`,
		description: `Raise Options → Timeout if ${vendor} is slow. A create whose answer was lost is looked up before it is sent again, so nothing is doubled.`,
	};
}

/**
 * A body that is not the API's JSON (a proxy's or a captive portal's HTML page, an empty 200, plain
 * text) becomes a clear error instead of an empty or garbled output item.
 */
export function assertJsonBody(context: Context, vendor: string, body: unknown, contentType: unknown, itemIndex?: number): void {
	if (body !== null && typeof body === 'object') return;
	const type = typeof contentType === 'string' && contentType ? contentType.split(';')[0] : 'no content type';
	const what = typeof body === 'string' && /^\s*</.test(body) ? 'an HTML page' : body === undefined || body === '' ? 'an empty body' : 'text';
	const error = new NodeApiError(context.getNode(), { message: `not JSON: ${type}` } as JsonObject, {
		message: `${vendor} answered with ${what} instead of JSON (${type})`,
		description: `Check the Base URL in the ${vendor} credential: a proxy, a sign-in page or another server may be answering instead of the ${vendor} API.`,
		itemIndex,
	});
	throw error;
}
