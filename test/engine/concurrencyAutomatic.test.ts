/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * Concurrency: Automatic against the sandbox's concurrency limit (a vendor that refuses, 429, a
 * request arriving while N of its requests are open). Every count comes from the sandbox (its
 * ledger and its count of what was open at once), never from a clock: the sandbox sees a request
 * end before the client does, so what it counts open is never more than what the client had open.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeParameters } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { loadExample, runWorkflow, type WorkflowJson } from '../harness';
import { useEnkashSandbox } from './support/enkash';

const NODE = 'Create Invoice';
const CUSTOMER = SEED_FACTS.enkash.activeCustomerId;

describe('Concurrency: Automatic (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	/** The invoice-create example (fields mapped by expressions, a look-up before each create) at a node version, with Options. */
	function workflow(typeVersion: number, options: INodeParameters = {}): WorkflowJson {
		const json = loadExample('enkash-create-invoice.json');
		const node = json.nodes.find((n) => n.name === NODE)!;
		node.typeVersion = typeVersion;
		node.parameters.options = options;
		return json;
	}

	const invoices = (count: number, prefix: string) =>
		Array.from({ length: count }, (_, n) => ({ customerId: CUSTOMER, amount: 10 + n, dueDate: '2026-12-15', orderId: `${prefix}-${n + 1}` }));

	async function created(prefix: string) {
		const records = (await suite.sandbox.control.ledger()).records.filter((r) => r.type === 'invoice' && r.externalId?.startsWith(`${prefix}-`));
		return { count: records.length, distinct: new Set(records.map((r) => r.externalId)).size };
	}

	async function counted() {
		const stats = await suite.sandbox.control.stats();
		const open = await suite.sandbox.control.openRequests();
		return { requests: stats.enkash.requests, refused: stats.enkash.status429, peak: open.enkash.peak };
	}

	test('version 1.1 without a setting is Automatic: 300 creates against a vendor refusing more than 8 open at once → every item succeeds, each invoice once, few 429s', async () => {
		await suite.sandbox.control.setConcurrencyLimit({ vendor: 'enkash', limit: 8, retryAfterSeconds: 0 });
		// The vendor takes 20 ms per request, so requests overlap (with none, each is answered before the next arrives).
		await suite.sandbox.control.setLatency(20);
		const result = await runWorkflow(workflow(1.1), { credentials: suite.credentials, input: invoices(300, 'auto') });
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output(NODE).length, 300);
		assert.deepEqual(await created('auto'), { count: 300, distinct: 300 }, 'no invoice doubled, none missing');
		const { requests, refused, peak } = await counted();
		// A 429 needs more than 8 open, i.e. the limit above 8. Each 429 of requests sent under the current
		// limit cuts it to 0.7× (to at most 6.3 from 9) and it climbs back by one per window of at least 8
		// answers: at least ~20 answers per 429, counted in answers, not time. Latency can only cut it sooner.
		assert.ok(refused <= (requests - refused) / 15, `${refused} of ${requests} requests refused`);
		assert.ok(peak <= 50, `at most Max Concurrency (50) open at once (the sandbox saw ${peak})`);
		console.log(`automatic, vendor limit 8: ${requests} requests, ${refused} refused (429), at most ${peak} open at once`);
	});

	test('two executions at once on one credential share one limit: Max Concurrency 3 each, a vendor refusing a 4th open request → not one 429', async () => {
		// Each execution runs 3 items at once; were the limit per execution, 6 requests could be open.
		await suite.sandbox.control.setConcurrencyLimit({ vendor: 'enkash', limit: 3, retryAfterSeconds: 0 });
		await suite.sandbox.control.setLatency(5);
		const options: INodeParameters = { concurrencyMode: 'automatic', maxConcurrency: 3 };
		const [first, second] = await Promise.all([
			runWorkflow(workflow(1.1, options), { credentials: suite.credentials, input: invoices(60, 'first') }),
			runWorkflow(workflow(1.1, options), { credentials: suite.credentials, input: invoices(60, 'second') }),
		]);
		assert.equal(first.status, 'success', first.error?.message);
		assert.equal(second.status, 'success', second.error?.message);
		assert.deepEqual([await created('first'), await created('second')], [{ count: 60, distinct: 60 }, { count: 60, distinct: 60 }]);
		const { refused, peak } = await counted();
		assert.equal(refused, 0, 'their requests together never exceeded 3 open');
		console.log(`two executions, Max Concurrency 3 each: at most ${peak} open at once`);
		assert.ok(peak <= 3, `at most 3 open at once (the sandbox saw ${peak})`);
	});

	test('a fixed Concurrency 3 (a number set, version 1.1) never has more than 3 open: a vendor refusing a 4th sends no 429', async () => {
		await suite.sandbox.control.setConcurrencyLimit({ vendor: 'enkash', limit: 3, retryAfterSeconds: 0 });
		await suite.sandbox.control.setLatency(5);
		const result = await runWorkflow(workflow(1.1, { concurrency: 3 }), { credentials: suite.credentials, input: invoices(60, 'fixed') });
		assert.equal(result.status, 'success', result.error?.message);
		const { refused, peak } = await counted();
		assert.deepEqual([refused, peak <= 3], [0, true], `the sandbox saw ${peak} open at once`);
	});

	test('a version 1 workflow without a setting runs Fixed at 5: never more than 5 open, a vendor refusing a 6th sends no 429', async () => {
		await suite.sandbox.control.setConcurrencyLimit({ vendor: 'enkash', limit: 5, retryAfterSeconds: 0 });
		await suite.sandbox.control.setLatency(5);
		const result = await runWorkflow(workflow(1), { credentials: suite.credentials, input: invoices(60, 'v1') });
		assert.equal(result.status, 'success', result.error?.message);
		const { refused, peak } = await counted();
		assert.deepEqual([refused, peak <= 5], [0, true], `the sandbox saw ${peak} open at once`);
	});
});
