/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { runWorkflow } from '../harness';
import { enboarderWorkflow, useEnboarderSandbox } from './support/enboarder';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

/**
 * Lost answers through the real engine: a create and the look-ups between its sends share one
 * allowance (Retry Attempts), so their retries add up instead of multiplying; and a lost answer that
 * is not resent is worded once, keeping how it was lost.
 */
describe('Lost answers (engine, sandbox)', () => {
	describe('Enkash › Invoice › Create: one allowance bounds every request of a create', () => {
		const suite = useEnkashSandbox();
		const NODE = 'Create Invoice';
		const ATTEMPTS = 3;
		/** The create itself, not its search (a path prefix would match both). */
		const CREATE = '/^\\/api\\/v0\\/invoice$/';

		const create = (externalId: string) =>
			enkashWorkflow(NODE, {
				resource: 'invoice',
				operation: 'create',
				customerId: { __rl: true, mode: 'id', value: SEED_FACTS.enkash.activeCustomerId },
				baseAmount: 100,
				dueDate: '2026-12-15',
				// Off, so every request counted below belongs to the create and its lost-answer look-ups.
				skipExisting: false,
				additionalFields: { externalId },
				options: { retryAttempts: ATTEMPTS, maxRetryWaitSeconds: 1 },
			});
		let since = 0;
		/** The API requests since `warmUp`, which leaves a token the reset sandbox accepts (a refused one would add a renewal to count). */
		const apiCalls = async () =>
			(await suite.sandbox.control.ledger()).requests
				.filter((r) => r.kind === 'api' && r.seq > since)
				.map((r) => `${r.method} ${r.path} ${r.status}${r.fault ? ` ${r.fault}` : ''}`);
		beforeEach(async () => {
			const warmUp = await runWorkflow(enkashWorkflow('Get', { resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'id', value: SEED_FACTS.enkash.firstInvoiceId } }), {
				credentials: suite.credentials,
			});
			assert.equal(warmUp.status, 'success', warmUp.error?.message);
			since = Math.max(0, ...(await suite.sandbox.control.ledger()).requests.map((r) => r.seq));
		});
		const invoices = async () => (await suite.sandbox.control.ledger()).records.filter((r) => r.vendor === 'enkash' && r.type === 'invoice');

		test(`every answer lost, every look-up answers: ${ATTEMPTS} sends and a look-up between each two, 2 × ${ATTEMPTS} − 1 requests`, async () => {
			await suite.sandbox.control.setFaults([{ vendor: 'enkash', method: 'POST', path: CREATE, kind: 'drop' }]);
			const result = await runWorkflow(create('bound-1'), { credentials: suite.credentials });
			assert.equal(result.status, 'error');
			const send = 'POST /api/v0/invoice 0 drop';
			const lookUp = 'POST /api/v0/invoice/search 200';
			assert.deepEqual(await apiCalls(), [send, lookUp, send, lookUp, send]);
			assert.equal((await apiCalls()).length, 2 * ATTEMPTS - 1);
			assert.equal((await invoices()).length, 0);
		});

		test(`look-ups that fail spend the create's allowance: ${ATTEMPTS} requests in all, not ${ATTEMPTS} per look-up`, async () => {
			await suite.sandbox.control.setFaults([
				{ vendor: 'enkash', method: 'POST', path: CREATE, kind: 'drop' },
				{ vendor: 'enkash', method: 'POST', path: '/api/v0/invoice/search', kind: '503', retryAfterSeconds: 0 },
			]);
			const result = await runWorkflow(create('bound-2'), { credentials: suite.credentials });
			assert.equal(result.status, 'error');
			// One send, then its look-up tried until the allowance is spent; the create is not sent again blind.
			assert.deepEqual(await apiCalls(), ['POST /api/v0/invoice 0 drop', 'POST /api/v0/invoice/search 503 503', 'POST /api/v0/invoice/search 503 503']);
			assert.equal((await invoices()).length, 0);
		});

		test('the answer lost after Enkash created the invoice: the look-up’s record is the output, as Enkash stored it', async () => {
			await suite.sandbox.control.setFaults([{ vendor: 'enkash', method: 'POST', path: CREATE, kind: 'drop-after' }]);
			const result = await runWorkflow(create('bound-3'), { credentials: suite.credentials });
			assert.equal(result.status, 'success', result.error?.message);
			const [record] = await invoices();
			const [item] = result.output(NODE);
			assert.equal(item.json.invoiceId, record.id);
			assert.equal(item.json.externalId, 'bound-3');
			assert.equal(item.json.statusCode, undefined, 'no HTTP response wrapped around it');
			assert.deepEqual(await apiCalls(), ['POST /api/v0/invoice 0 drop-after', 'POST /api/v0/invoice/search 200']);
		});
	});

	describe('Enboarder › Workflow › Launch: a timed-out launch is worded once', () => {
		const suite = useEnboarderSandbox();
		const NODE = 'Launch';

		test('no External ID, no answer within Timeout: "did not answer within 1 s", and not sent again', async () => {
			await suite.sandbox.control.setFaults([{ vendor: 'enboarder', method: 'POST', path: '/restapi/v1/startwf/basic', kind: 'delay', delayMs: 4000 }]);
			const launch: IDataObject = {
				resource: 'workflow',
				operation: 'launch',
				newHireName: 'Hire T',
				newHireEmail: 'hire.t@example.com',
				newHireChannel: 'eml',
				startDate: '2026-12-01',
				workflowExternalId: '',
				options: { timeoutSeconds: 1 },
			};
			const result = await runWorkflow(enboarderWorkflow(NODE, 'apiKey', launch), { credentials: suite.credentials });
			assert.equal(result.status, 'error');
			assert.equal(
				result.nodeError(NODE)?.message,
				'Item 1: Enboarder did not answer within 1 s, so this launch may have gone through; it was not sent again, to avoid launching the workflow twice. Check Enboarder before running this item again.',
			);
			assert.equal(result.nodeError(NODE)?.description, 'Give each launch an External ID: the node then looks the workflow up itself after a lost answer.');
			const launches = async () => (await suite.sandbox.control.ledger()).requests.filter((r) => r.path === '/restapi/v1/startwf/basic');
			assert.equal((await launches()).length, 1, 'sent once');
		});
	});
});
