import { randomBytes } from 'node:crypto';

import { json } from '../http';
import type { Reply } from '../http';
import { formatEnkashDateTime } from './enkash-store';

/** Enkash wraps every answer, success or failure, in one envelope (doc). */

export type EnkashErrorType =
	| 'CLIENT_REQUEST_ABORT'
	| 'CLIENT_REQUEST_ERROR'
	| 'INVALID_ACCESS'
	| 'RECORD_NOT_FOUND'
	| 'SYSTEM_ERROR'
	| 'UNAUTHORIZED'
	| 'UNKNOWN_ERROR'
	| 'UNPROCESSABLE_REQUEST'
	| 'VALIDATION_ERROR';

export interface ApiSubError {
	field: string;
	rejectedValue: unknown;
	message: string;
}

export function enkashOk(payload: unknown): Reply {
	return json(200, { errorResponse: null, payload, response_code: 200, response_message: 'SUCCESS' });
}

export function enkashErrorBody(status: number, errorType: EnkashErrorType, errorMessage: string, apiSubErrors: ApiSubError[] = []): unknown {
	return {
		errorResponse: {
			apiSubErrors,
			errorMessage,
			errorType,
			requestId: randomBytes(8).toString('hex'),
			timestamp: formatEnkashDateTime(Date.now()),
		},
		payload: null,
		response_code: status,
		response_message: 'FAILURE',
	};
}

export function enkashError(
	status: number,
	errorType: EnkashErrorType,
	errorMessage: string,
	apiSubErrors: ApiSubError[] = [],
	headers?: Record<string, string>,
): Reply {
	return json(status, enkashErrorBody(status, errorType, errorMessage, apiSubErrors), headers);
}

export function validationError(errors: ApiSubError[]): Reply {
	const first = errors[0];
	const message = errors.length === 1 ? `${first.field}: ${first.message}` : `Validation failed for ${errors.length} fields`;
	return enkashError(400, 'VALIDATION_ERROR', message, errors);
}

export function notFound(what: string): Reply {
	return enkashError(404, 'RECORD_NOT_FOUND', `${what} not found`);
}

/** Collects field errors the way Spring's validation does: every problem, not just the first. */
export class FieldChecks {
	readonly errors: ApiSubError[] = [];

	fail(field: string, rejectedValue: unknown, message: string): void {
		this.errors.push({ field, rejectedValue: rejectedValue === undefined ? null : rejectedValue, message });
	}

	/** Records a failure unless `ok`; returns `ok`. */
	check(ok: boolean, field: string, rejectedValue: unknown, message: string): boolean {
		if (!ok) this.fail(field, rejectedValue, message);
		return ok;
	}

	get ok(): boolean {
		return this.errors.length === 0;
	}

	reply(): Reply {
		return validationError(this.errors);
	}

	/** One line for a bulk-upload result row. */
	summary(): string {
		return this.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
	}
}
