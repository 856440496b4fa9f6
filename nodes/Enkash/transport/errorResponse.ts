/** Enkash's envelope and its errorResponse, in the words an n8n user reads. */
import type { IDataObject } from 'n8n-workflow';

import type { BodyTokenRefusal } from '../../../shared/transport/tokenRefusal';

/** One field Enkash refused, as its `apiSubErrors` list it. */
export interface EnkashSubError {
	field?: string;
	rejectedValue?: unknown;
	message?: string;
}

/** Enkash's `errorResponse`. */
export interface EnkashErrorResponse {
	apiSubErrors?: EnkashSubError[];
	errorMessage?: string;
	errorType?: string;
	requestId?: string;
	timestamp?: string;
}

/** Enkash's envelope around every answer (API-CONTRACTS.md section 3). */
export interface EnkashEnvelope {
	errorResponse?: EnkashErrorResponse | null;
	payload?: unknown;
	response_code?: number;
	response_message?: string;
}

/**
 * What an n8n user reads when Enkash refuses a request: Enkash's type and message as the error
 * message, each refused field and the request ID (for Enkash support) as the description, and the
 * raw parts in the error's context for expressions and error workflows.
 */
export function describeErrorResponse(details: EnkashErrorResponse): { message: string; description: string | null; context: IDataObject } {
	const subErrors = (details.apiSubErrors ?? []).map(
		(sub) => `${sub.field ?? 'request'}: ${sub.message ?? 'invalid'}${sub.rejectedValue !== undefined && sub.rejectedValue !== null ? ` (got ${JSON.stringify(sub.rejectedValue)})` : ''}`,
	);
	return {
		message: `Enkash ${details.errorType ?? 'error'}: ${details.errorMessage ?? 'no message'}`,
		description: [...subErrors, details.requestId ? `Enkash request ID: ${details.requestId}` : ''].filter(Boolean).join('\n') || null,
		context: {
			errorType: details.errorType,
			errorMessage: details.errorMessage,
			requestId: details.requestId,
			apiSubErrors: (details.apiSubErrors ?? []) as IDataObject[],
		},
	};
}

/**
 * Enkash refuses an expired, revoked or unknown access token with `errorType: UNAUTHORIZED` in its
 * envelope, and not always with HTTP 401 (also 200, 400, 403): that answer means "renew the token",
 * whatever its status.
 */
export const ENKASH_TOKEN_REFUSAL: BodyTokenRefusal = {
	vendor: 'Enkash',
	read(body) {
		const details = body !== null && typeof body === 'object' ? (body as EnkashEnvelope).errorResponse : undefined;
		if (!details || typeof details !== 'object' || details.errorType !== 'UNAUTHORIZED') return undefined;
		const message = typeof details.errorMessage === 'string' && details.errorMessage.trim() !== '' ? details.errorMessage.slice(0, 200) : 'no message';
		return {
			reason: `UNAUTHORIZED: ${message}`,
			reference: typeof details.requestId === 'string' && details.requestId !== '' ? `Enkash request ID: ${details.requestId}` : undefined,
		};
	},
};
