/** The body a server answered an error with, from the error n8n wraps it in. */
import type { IDataObject, NodeApiError } from 'n8n-workflow';

/** The body the server answered with, from the HTTP client's error n8n wraps in a NodeApiError. */
export function errorBody(error: NodeApiError): IDataObject | undefined {
	const cause = error.cause as { response?: { data?: unknown }; body?: unknown } | undefined;
	const data = cause?.response?.data ?? cause?.body;
	return data && typeof data === 'object' ? (data as IDataObject) : undefined;
}
