/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { describeErrorResponse } from '../../nodes/Enkash/transport/errorResponse';

describe('Enkash errorResponse → what the n8n user reads', () => {
	test('type and message, then each refused field with its value, then the request ID', () => {
		const described = describeErrorResponse({
			errorType: 'VALIDATION_ERROR',
			errorMessage: 'Validation failed',
			requestId: '3f2a9c0d11e4b7a8',
			apiSubErrors: [
				{ field: 'customerIds[0]', rejectedValue: 'KC1', message: 'must match "^KC[A-Z0-9]{14}$"' },
				{ field: 'dueDateFrom', rejectedValue: null, message: 'must not be null' },
				{ rejectedValue: 7 },
			],
		});
		assert.equal(described.message, 'Enkash VALIDATION_ERROR: Validation failed');
		assert.equal(
			described.description,
			['customerIds[0]: must match "^KC[A-Z0-9]{14}$" (got "KC1")', 'dueDateFrom: must not be null', 'request: invalid (got 7)', 'Enkash request ID: 3f2a9c0d11e4b7a8'].join('\n'),
		);
		assert.equal(described.context.errorType, 'VALIDATION_ERROR');
		assert.equal(described.context.errorMessage, 'Validation failed');
		assert.equal(described.context.requestId, '3f2a9c0d11e4b7a8');
		assert.equal((described.context.apiSubErrors as unknown[]).length, 3);
	});

	test('no sub-errors and no request ID: no description', () => {
		const described = describeErrorResponse({ errorType: 'SYSTEM_ERROR', errorMessage: 'Service unavailable' });
		assert.equal(described.message, 'Enkash SYSTEM_ERROR: Service unavailable');
		assert.equal(described.description, null);
		assert.deepEqual(described.context.apiSubErrors, []);
	});

	test('an errorResponse without type or message still reads as a sentence', () => {
		assert.equal(describeErrorResponse({}).message, 'Enkash error: no message');
	});
});
