/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { loadExample, runWorkflow, type WorkflowJson } from '../harness';
import { useEnkashSandbox } from './support/enkash';

const NODE = 'Create Invoice';
const CUSTOMER = SEED_FACTS.enkash.activeCustomerId;

describe('Enkash › Invoice › Create (engine, sandbox)', () => {
	const suite = useEnkashSandbox();
	const credentials = async () => suite.credentials;

	function workflow(options: Record<string, number> = {}, nodeSettings: IDataObject = {}): WorkflowJson {
		const json = loadExample('enkash-create-invoice.json');
		const node = json.nodes.find((n) => n.name === NODE)!;
		node.parameters.options = options;
		Object.assign(node, nodeSettings);
		return json;
	}

	async function invoicesCreated() {
		return (await suite.sandbox.control.ledger()).records.filter((r) => r.vendor === 'enkash' && r.type === 'invoice');
	}

	test('creates an invoice with the due date as YYYY-MM-DD in the workflow time zone', async () => {
		const result = await runWorkflow(workflow(), {
			credentials: await credentials(),
			timezone: 'Asia/Kolkata',
			input: [{ customerId: CUSTOMER, amount: 2500.5, dueDate: '2026-12-31T20:00:00Z', orderId: 'order-1' }],
		});
		assert.equal(result.status, 'success', result.error?.message);
		const [invoice] = result.output(NODE);
		assert.match(String(invoice.json.invoiceId), /^EKINV\d{10}$/);
		assert.equal(invoice.json.dueDate, '2027-01-01', '20:00 UTC on 31 Dec is already 1 Jan in Kolkata');
		assert.equal(invoice.json.baseAmount, 2500.5);
		assert.equal(invoice.json.externalId, 'order-1');
		assert.deepEqual(invoice.pairedItem, { item: 0 });
	});

	test('running the same workflow twice creates each invoice once', async () => {
		const input = [1, 2, 3].map((n) => ({ customerId: CUSTOMER, amount: 100 * n, dueDate: '2026-12-15', orderId: `rerun-${n}` }));
		const first = await runWorkflow(workflow(), { credentials: await credentials(), input });
		const second = await runWorkflow(workflow(), { credentials: await credentials(), input });
		assert.equal(second.status, 'success', second.error?.message);
		assert.deepEqual(
			second.output(NODE).map((i) => i.json.invoiceId),
			first.output(NODE).map((i) => i.json.invoiceId),
			'the second run returns the invoices the first one created',
		);
		assert.equal((await invoicesCreated()).length, 3);
	});

	test('the same External ID twice in one run, 10 items at once: one invoice, both items return it', async () => {
		const input = [1, 2, 3, 4, 5].flatMap((n) => [1, 2].map(() => ({ customerId: CUSTOMER, amount: 10 * n, dueDate: '2026-12-15', orderId: `dup-${n}` })));
		const result = await runWorkflow(workflow({ concurrency: 10 }), { credentials: await credentials(), input });
		assert.equal(result.status, 'success', result.error?.message);
		const ids = result.output(NODE).map((i) => i.json.invoiceId);
		for (let n = 0; n < 10; n += 2) assert.equal(ids[n], ids[n + 1]);
		assert.equal((await invoicesCreated()).length, 5);
	});

	test('a customer Enkash does not know: Enkash’s RECORD_NOT_FOUND, named', async () => {
		const result = await runWorkflow(workflow(), {
			credentials: await credentials(),
			input: [{ customerId: 'KCNOSUCHCUSTOMER', amount: 10, dueDate: '2026-12-15', orderId: 'x-1' }],
		});
		assert.equal(result.status, 'error');
		assert.match(result.nodeError(NODE)?.message ?? '', /^Enkash RECORD_NOT_FOUND: /);
	});

	const badInputs: Array<[string, IDataObject, string]> = [
		['amount below 0.1', { amount: 0.05 }, 'Item 1: Base Amount must be at least 0.1'],
		['customer ID in lower case', { customerId: 'kcdemoactive0001' }, 'Item 1: Customer must be KC followed by 14 capital letters or digits'],
		['impossible date', { dueDate: '2026-02-30' }, 'Item 1: Due Date must be a real calendar date (got "2026-02-30": February 2026 has 28 days)'],
		['words for a date', { dueDate: 'next tuesday' }, 'Item 1: Due Date must be a date such as 2026-12-01 (got "next tuesday")'],
	];
	for (const [name, override, message] of badInputs) {
		test(`bad input (${name}) is refused before any request: "${message}"`, async () => {
			const result = await runWorkflow(workflow(), {
				credentials: await credentials(),
				input: [{ customerId: CUSTOMER, amount: 10, dueDate: '2026-12-15', orderId: 'bad-1', ...override }],
			});
			assert.equal(result.status, 'error');
			assert.equal(result.nodeError(NODE)?.message, message);
			assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
		});
	}

	test('Continue on Fail: the bad item becomes an error item, the others are created', async () => {
		const result = await runWorkflow(workflow({}, { onError: 'continueRegularOutput' }), {
			credentials: await credentials(),
			input: [
				{ customerId: CUSTOMER, amount: 10, dueDate: '2026-12-15', orderId: 'cof-1' },
				{ customerId: CUSTOMER, amount: 0, dueDate: '2026-12-15', orderId: 'cof-2' },
				{ customerId: CUSTOMER, amount: 30, dueDate: '2026-12-15', orderId: 'cof-3' },
			],
		});
		assert.equal(result.status, 'success');
		const items = result.output(NODE);
		assert.deepEqual(items.map((i) => i.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		assert.equal(items[1].json.error, 'Item 2: Base Amount must be at least 0.1');
		assert.equal((await invoicesCreated()).length, 2);
	});

	test('Source "Input Item Fields, Matched by Name": each item\'s own fields, bad ones named by field, the mapped fields ignored, a re-run creates none', async () => {
		const byName = () => {
			const json = workflow({}, { onError: 'continueRegularOutput' });
			const node = json.nodes.find((n) => n.name === NODE)!;
			// The example's expressions stay in the parameters: with this Source they are not read.
			node.parameters.fieldSource = 'json';
			return json;
		};
		const input = [
			{ customerId: CUSTOMER, baseAmount: 120.5, dueDate: '2026-12-31T20:00:00Z', externalId: 'own-1', amount: 1, orderId: 'mapped-1' },
			{ customerId: CUSTOMER, baseAmount: '75', dueDate: '2026-12-21', externalId: 'own-2', description: 'Consulting', gstExclusive: true },
			{ customerId: CUSTOMER, baseAmount: 10, dueDate: '2026-12-20', externalId: 'own-3', emailAddress: 'not-an-address' },
			{ customerId: CUSTOMER, dueDate: '2026-12-20', externalId: 'own-4', amount: 10 },
			{ customerId: CUSTOMER, baseAmount: 40, dueDate: '2026-12-22' },
		];
		const first = await runWorkflow(byName(), { credentials: await credentials(), input, timezone: 'Asia/Kolkata' });
		assert.equal(first.status, 'success', first.error?.message);
		const items = first.output(NODE);
		assert.deepEqual(items.map((i) => i.pairedItem), [0, 1, 2, 3, 4].map((item) => ({ item })));
		assert.deepEqual(
			items.map((i) => [i.json.externalId ?? null, i.json.dueDate ?? null, i.json.baseAmount ?? null, i.json.error ?? null]),
			[
				['own-1', '2027-01-01', 120.5, null],
				['own-2', '2026-12-21', 75, null],
				[null, null, null, 'Item 3: emailAddress must be an e-mail address such as name@example.com'],
				[null, null, null, 'Item 4: the item has no baseAmount field (with Source "Input Item Fields, Matched by Name" each item needs customerId, baseAmount and dueDate)'],
				[null, '2026-12-22', 40, null],
			],
		);
		assert.equal(items[1].json.description, 'Consulting');
		assert.equal((await invoicesCreated()).length, 3);

		const again = await runWorkflow(byName(), { credentials: await credentials(), input: input.slice(0, 2), timezone: 'Asia/Kolkata' });
		assert.deepEqual(
			again.output(NODE).map((i) => i.json.invoiceId),
			items.slice(0, 2).map((i) => i.json.invoiceId),
			'the re-run returns the invoices the first run created',
		);
		assert.equal((await invoicesCreated()).length, 3, 'nothing doubled');
	});

	test('an unknown Source is refused, naming the item', async () => {
		const json = workflow();
		json.nodes.find((n) => n.name === NODE)!.parameters.fieldSource = 'csv';
		const result = await runWorkflow(json, { credentials: await credentials(), input: [{ customerId: CUSTOMER, amount: 10, dueDate: '2026-12-15', orderId: 'src-1' }] });
		assert.equal(result.status, 'error');
		assert.equal(result.error?.message, 'Item 1: Source must be one of the listed choices (got "csv")');
		assert.equal((await invoicesCreated()).length, 0);
	});

	test('10,000 creates with 5 % 429/503 and 1 % dropped connections → exactly 10,000 invoices, none doubled, all paired', async () => {
		await suite.sandbox.control.setFaults([
			{ vendor: 'enkash', path: '/api/v0/invoice', kind: '429', probability: 0.025, retryAfterSeconds: 0 },
			{ vendor: 'enkash', path: '/api/v0/invoice', kind: '503', probability: 0.025, retryAfterSeconds: 0 },
			{ vendor: 'enkash', method: 'POST', path: '/api/v0/invoice', kind: 'drop', probability: 0.005 },
			{ vendor: 'enkash', method: 'POST', path: '/api/v0/invoice', kind: 'drop-after', probability: 0.005 },
		]);
		const input = Array.from({ length: 10_000 }, (_, n) => ({ customerId: CUSTOMER, amount: 1 + (n % 500), dueDate: '2026-12-15', orderId: `bulk-${n}` }));
		const started = Date.now();
		const result = await runWorkflow(workflow({ concurrency: 20, retryAttempts: 8 }), { credentials: await credentials(), input });
		const seconds = (Date.now() - started) / 1000;

		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output(NODE);
		assert.equal(items.length, 10_000);
		items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.equal(item.json.externalId, `bulk-${index}`);
		});
		const created = await invoicesCreated();
		assert.equal(created.length, 10_000);
		assert.equal(new Set(created.map((r) => r.externalId)).size, 10_000, 'no externalId twice');
		const stats = await suite.sandbox.control.stats();
		console.log(`10,000 creates in ${seconds.toFixed(1)} s; ${stats.enkash.requests} requests, ${stats.enkash.faultsInjected} faults injected`);
		assert.ok(stats.enkash.faultsInjected > 500, 'faults were really injected');
	});

	test('Update: changes only the chosen fields; a bad amount is named; an unknown invoice is Enkash RECORD_NOT_FOUND', async () => {
		const created = await runWorkflow(workflow(), { credentials: await credentials(), input: [{ customerId: CUSTOMER, amount: 10, dueDate: '2026-12-15', orderId: 'upd-1' }] });
		const invoice = created.output(NODE)[0].json;
		const update = (invoiceId: unknown, updateFields: IDataObject): WorkflowJson => {
			const json = workflow();
			json.nodes.find((n) => n.name === NODE)!.parameters = { resource: 'invoice', operation: 'update', invoiceId: invoiceId as string, updateFields } as never;
			return json;
		};
		const changed = await runWorkflow(update(invoice.invoiceId, { dueDate: '2027-01-31', description: 'Renegotiated' }), { credentials: await credentials() });
		assert.equal(changed.status, 'success', changed.error?.message);
		assert.equal(changed.output(NODE)[0].json.dueDate, '2027-01-31');
		assert.equal(changed.output(NODE)[0].json.description, 'Renegotiated');
		assert.equal(changed.output(NODE)[0].json.baseAmount, 10, 'unchanged');

		const bad = await runWorkflow(update(invoice.invoiceId, { baseAmount: 0.01 }), { credentials: await credentials() });
		assert.equal(bad.nodeError(NODE)?.message, 'Item 1: Base Amount must be at least 0.1');
		const unknown = await runWorkflow(update('EKINV9999999999', { description: 'x' }), { credentials: await credentials() });
		assert.match(unknown.nodeError(NODE)?.message ?? '', /^Enkash RECORD_NOT_FOUND: /);
	});
});
