/** The body a server answered an error with, from the error n8n wraps it in. */
import type { IDataObject, NodeApiError } from 'n8n-workflow';

/**
 * The body the server answered with, from the HTTP client's error n8n wraps in a NodeApiError, or
 * else from the error's `context.data`: n8n 1.x and 2.8's NodeApiError drops the wrapped Error
 * (`cause`), and keeps only a body that was a JSON object there (and the status in `httpCode`).
 */
export function errorBody(error: NodeApiError): IDataObject | undefined {
	const cause = error.cause as { response?: { data?: unknown }; body?: unknown } | undefined;
	const data = cause?.response?.data ?? cause?.body ?? (error.context as { data?: unknown } | undefined)?.data;
	return isBody(data) ? data : undefined;
}

function isBody(data: unknown): data is IDataObject {
	return data !== null && typeof data === 'object' && !Array.isArray(data);
}
