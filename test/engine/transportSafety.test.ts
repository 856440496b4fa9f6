/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { SEED_FACTS } from '../../sandbox';
import { runWorkflow } from '../harness';
import { enboarderWorkflow, useEnboarderSandbox } from './support/enboarder';
import { enkashCredentialData, enkashWorkflow, useEnkashSandbox } from './support/enkash';

const INVOICE = { __rl: true, mode: 'id', value: SEED_FACTS.enkash.firstInvoiceId };

describe('Transport safety: timeouts, answers that are not JSON, plain HTTP (engine, sandbox)', () => {
	describe('Enkash', () => {
		const suite = useEnkashSandbox();
		const get = (options: Record<string, number> = {}) => enkashWorkflow('Enkash', { resource: 'invoice', operation: 'get', invoiceId: INVOICE, options });

		test('a request slower than Options → Timeout fails with how long it waited, without hanging', async () => {
			await suite.sandbox.control.setFaults([{ vendor: 'enkash', path: '/api/v0/invoice/EKINV', kind: 'delay', delayMs: 4000, probability: 1 }]);
			const started = Date.now();
			const result = await runWorkflow(get({ timeoutSeconds: 1, retryAttempts: 1 }), { credentials: suite.credentials });
			assert.equal(result.status, 'error');
			assert.equal(result.nodeError('Enkash')?.message, 'Enkash did not answer within 1 s');
			assert.ok(Date.now() - started < 3500, `${Date.now() - started} ms`);
		});

		test('a read that timed out is tried again (it is safe to), and succeeds once Enkash is quick again', async () => {
			await suite.sandbox.control.setFaults([{ vendor: 'enkash', path: '/api/v0/invoice/EKINV', kind: 'delay', delayMs: 2500, probability: 0.5 }]);
			const result = await runWorkflow(get({ timeoutSeconds: 1, retryAttempts: 10 }), { credentials: suite.credentials, input: [{}, {}, {}, {}] });
			assert.equal(result.status, 'success', result.error?.message);
			assert.equal(result.output('Enkash').length, 4);
		});

		test('an HTML page instead of JSON (a proxy or sign-in page) is a clear error, not an empty item', async () => {
			await suite.sandbox.control.setFaults([{ vendor: 'enkash', path: '/api/v0/invoice/EKINV', kind: 'html', probability: 1 }]);
			const result = await runWorkflow(get(), { credentials: suite.credentials });
			assert.equal(result.status, 'error');
			const error = result.nodeError('Enkash');
			assert.equal(error?.message, 'Enkash answered with an HTML page instead of JSON (text/html)');
			assert.match(String(error?.description), /^Check the Base URL in the Enkash credential/);
		});

		test('a plain-HTTP Base URL outside loopback is refused before anything is sent', async () => {
			await suite.credentials.add({ id: 'plain-http', name: 'Plain HTTP', type: 'enkashApi', data: enkashCredentialData(suite.sandbox.url, { baseUrl: 'http://enkash.example.com' }) });
			const json = get();
			json.nodes[1].credentials = { enkashApi: { id: 'plain-http', name: 'Plain HTTP' } };
			const result = await runWorkflow(json, { credentials: suite.credentials });
			assert.equal(result.status, 'error');
			assert.match(result.nodeError('Enkash')?.message ?? '', /Base URL must use HTTPS/);
			assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
		});
	});

	describe('Enboarder', () => {
		const suite = useEnboarderSandbox();

		test('an HTML page instead of JSON, and a timeout, under OAuth2', async () => {
			const list = (options: Record<string, number> = {}) => enboarderWorkflow('Enboarder', 'oAuth2', { resource: 'report', operation: 'listForms', returnAll: true, options });
			await suite.sandbox.control.setFaults([{ vendor: 'enboarder', path: '/reports/', kind: 'html', probability: 1 }]);
			const html = await runWorkflow(list(), { credentials: suite.credentials });
			assert.equal(html.nodeError('Enboarder')?.message, 'Enboarder answered with an HTML page instead of JSON (text/html)');

			await suite.sandbox.control.setFaults([{ vendor: 'enboarder', path: '/reports/', kind: 'delay', delayMs: 4000, probability: 1 }]);
			const slow = await runWorkflow(list({ timeoutSeconds: 1, retryAttempts: 1 }), { credentials: suite.credentials });
			assert.equal(slow.nodeError('Enboarder')?.message, 'Enboarder did not answer within 1 s');
		});
	});
});
