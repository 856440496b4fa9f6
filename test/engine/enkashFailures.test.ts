/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { enkashCredentialData, enkashWorkflow, useEnkashSandbox } from './support/enkash';

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

	const refusedByEnkash: Array<[string, IDataObject, string]> = [
		['Invoice › Update of an unknown invoice', { resource: 'invoice', operation: 'update', invoiceId: { __rl: true, mode: 'id', value: 'EKINV9999999999' }, updateFields: { description: 'x' } }, 'Enkash RECORD_NOT_FOUND: Invoice EKINV9999999999 not found'],
		['Invoice › Delete Collection of an unknown invoice', { resource: 'invoice', operation: 'deleteCollection', invoiceId: 'EKINV9999999999' }, 'Enkash RECORD_NOT_FOUND: Invoices not found'],
		['Payment Reminder › Get of an unknown reminder', { resource: 'paymentReminder', operation: 'get', customerId: { __rl: true, mode: 'id', value: 'KCDEMOACTIVE0001' }, reminderId: 'RM-NONE' }, 'Enkash RECORD_NOT_FOUND: Reminder RM-NONE not found'],
		['Payment Reminder › Update of an unknown reminder', { resource: 'paymentReminder', operation: 'update', customerId: { __rl: true, mode: 'id', value: 'KCDEMOACTIVE0001' }, reminderId: 'RM-NONE', updateFields: { enabled: false } }, 'Enkash RECORD_NOT_FOUND: Reminder RM-NONE not found'],
		['Payment Reminder › Delete of an unknown reminder', { resource: 'paymentReminder', operation: 'delete', customerId: { __rl: true, mode: 'id', value: 'KCDEMOACTIVE0001' }, reminderId: 'RM-NONE' }, 'Enkash RECORD_NOT_FOUND: Reminder RM-NONE not found'],
		['Payment Reminder › Create for an unknown customer', { resource: 'paymentReminder', operation: 'create', customerId: UNKNOWN, name: 'x', channel: 'EMAIL', offsetDays: 1, reference: 'DUE_DATE', enabled: true }, 'Enkash RECORD_NOT_FOUND: Customer KCNOSUCHCUSTOMER not found'],
		['Bharat Connect › Bulk Create Invoices for an unknown customer', { resource: 'bharatConnect', operation: 'bulkCreateInvoices', source: 'items', customerId: 'KCNOSUCHCUSTOMER', baseAmount: 10, dueDate: '2026-12-31', skipExisting: false, additionalFields: {} }, 'Item 1: Enkash rejected the row: customerId: customer not found'],
	];
	for (const [name, parameters, message] of refusedByEnkash) {
		test(`${name}: Enkash’s own words`, async () => {
			const result = await run(parameters);
			assert.equal(result.status, 'error');
			assert.equal(result.nodeError('Enkash')?.message, message);
		});
	}

	test('Invoice › Create for an inactive customer: Enkash’s UNPROCESSABLE_REQUEST', async () => {
		const inactive = { __rl: true, mode: 'id', value: 'KCDEMOINACTV0001' };
		const result = await run({ resource: 'invoice', operation: 'create', customerId: inactive, baseAmount: 10, dueDate: '2026-12-31', skipExisting: false, additionalFields: {} });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError('Enkash')?.message, 'Enkash UNPROCESSABLE_REQUEST: Customer KCDEMOINACTV0001 is inactive');
	});

	test('a mistyped company client ID in the credential: one refused login, named, never retried', async () => {
		await suite.credentials.add({
			id: 'bad-company',
			name: 'Enkash, company ID mistyped',
			type: 'enkashApi',
			data: enkashCredentialData(suite.sandbox.url, { companyClientId: 'CEK12' }),
		});
		const json = enkashWorkflow('Enkash', { resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'id', value: 'EKINV1000000001' } });
		json.nodes[1].credentials = { enkashApi: { id: 'bad-company', name: 'Enkash, company ID mistyped' } };
		for (let run = 0; run < 2; run++) {
			const result = await runWorkflow(json, { credentials: suite.credentials });
			assert.equal(result.status, 'error');
			assert.equal(
				result.nodeError('Enkash')?.message,
				'Enkash refused the token request (HTTP 401: Bad credentials). Check the username, password, OAuth client and company client ID in the Enkash credential. This login will not be tried again until the credential is changed, because Enkash locks an account after 3 failed logins.',
			);
		}
		const logins = (await suite.sandbox.control.ledger()).requests.filter((r) => r.path.includes('token'));
		assert.equal(logins.length, 1, 'the second run does not try the same login again');
	});

	test('a token endpoint answering 503 for a moment: asked again after its Retry-After, and every item goes through', async () => {
		await suite.sandbox.control.setFaults([{ vendor: 'enkash', path: '/oauth/token', kind: '503', probability: 1, retryAfterSeconds: 1 }]);
		// "A moment" is the first token request: the second clears the faults before it meets them (a timer
		// clearing them could fire before a slow machine has sent the first).
		await suite.sandbox.control.addTrigger({ vendor: 'enkash', kind: 'token', path: '/oauth/token', afterRequests: 2, action: 'clear-faults' });
		const result = await runWorkflow(enkashWorkflow('Enkash', { resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'id', value: 'EKINV1000000001' } }), {
			credentials: suite.credentials,
			input: [{}, {}, {}, {}, {}],
		});
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output('Enkash').length, 5);
		const tokenRequests = (await suite.sandbox.control.ledger()).requests.filter((r) => r.kind === 'token');
		const tokenCalls = tokenRequests.map((r) => r.status);
		// (A refresh token kept from an earlier test is refused by the reset sandbox: 503, then 401, then the login.)
		assert.equal(tokenCalls[0], 503);
		// Waited for the 1 s Retry-After rather than asking again at once (the margin: a timer may fire a
		// little early against the wall clock when the process was held up just before setting it).
		assert.ok(tokenRequests[1].at - tokenRequests[0].at >= 500, `asked again ${tokenRequests[1].at - tokenRequests[0].at} ms later, before its Retry-After`);
		assert.equal(tokenCalls.at(-1), 200);
		assert.equal(tokenCalls.filter((status) => status === 200).length, 1, `one token for the five items: ${JSON.stringify(tokenCalls)}`);
	});

	test('a token endpoint that stays unavailable: three attempts, then words that do not blame the password', async () => {
		await suite.sandbox.control.setFaults([{ vendor: 'enkash', path: '/oauth/token', kind: '503', probability: 1, retryAfterSeconds: 0 }]);
		const result = await run({ resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'id', value: 'EKINV1000000001' } });
		assert.equal(result.status, 'error');
		assert.match(result.nodeError('Enkash')?.message ?? '', /^Enkash's token endpoint is busy or unavailable \(HTTP 503/);
		assert.equal((await suite.sandbox.control.ledger()).requests.filter((r) => r.kind === 'token').length, 3);
		const account = await suite.sandbox.control.enkashAccount();
		assert.deepEqual([account.locked, account.consecutiveFailures], [false, 0]);
	});

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
