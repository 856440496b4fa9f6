import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

const UNKNOWN = { __rl: true, mode: 'id', value: 'KCNOSUCHCUSTOMER' };

/** The failure each operation reports, word for word, when Enkash refuses or is unavailable. */
describe('Enkash: exact failures from the server (engine, sandbox)', () => {
	const suite = useEnkashSandbox();
	const run = async (parameters: IDataObject) => await runWorkflow(enkashWorkflow('Enkash', parameters), { credentials: suite.credentials });

	const unknownCustomer: Array<[string, IDataObject]> = [
		['Customer › Deactivate', { resource: 'customer', operation: 'deactivate', customerId: UNKNOWN }],
		['Customer › Delete', { resource: 'customer', operation: 'delete', customerId: UNKNOWN }],
		['Customer Contact › Get', { resource: 'customerContact', operation: 'get', customerId: UNKNOWN }],
		['Payment Reminder › Get Many', { resource: 'paymentReminder', operation: 'getMany', customerId: UNKNOWN, returnAll: true }],
	];
	for (const [name, parameters] of unknownCustomer) {
		test(`${name} on an unknown customer`, async () => {
			const result = await run(parameters);
			assert.equal(result.status, 'error');
			const error = result.nodeError('Enkash') as { message: string; httpCode?: string; context?: IDataObject } | undefined;
			assert.equal(error?.message, 'Enkash RECORD_NOT_FOUND: Customer KCNOSUCHCUSTOMER not found');
			assert.equal(error?.httpCode, '404');
			assert.equal(error?.context?.errorType, 'RECORD_NOT_FOUND');
			assert.match(String(error?.context?.requestId), /\S/);
		});
	}

	test('Customer › Search while Enkash stays unavailable: retried as configured, then Enkash’s words', async () => {
		await suite.sandbox.control.setFaults([{ vendor: 'enkash', path: '/api/v0/customer/search', kind: '503', probability: 1, retryAfterSeconds: 0 }]);
		const result = await run({ resource: 'customer', operation: 'search', returnAll: true, customerFilters: {}, options: { retryAttempts: 3 } });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError('Enkash')?.message, 'Enkash SYSTEM_ERROR: Service unavailable');
		const calls = (await suite.sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/customer/search');
		assert.equal(calls.length, 3, 'three attempts in all');
	});

	test('a Retry-After longer than Max Retry Wait fails at once instead of hanging', async () => {
		await suite.sandbox.control.setFaults([{ vendor: 'enkash', path: '/api/v0/invoice/EKINV', kind: '429', probability: 1, retryAfterSeconds: 120 }]);
		const started = Date.now();
		const result = await run({ resource: 'invoice', operation: 'get', invoiceId: 'EKINV1000000001', options: { maxRetryWaitSeconds: 5 } });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError('Enkash')?.message, 'Enkash CLIENT_REQUEST_ERROR: Too many requests');
		assert.ok(Date.now() - started < 5000, 'no two-minute wait');
	});
});
