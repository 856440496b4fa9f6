/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { loadExample, runWorkflow, type WorkflowJson } from '../harness';
import { useEnkashSandbox } from './support/enkash';

const NODE = 'Search Invoices';

describe('Enkash › Invoice › Search (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	function search(parameters: IDataObject): WorkflowJson {
		const workflow = loadExample('enkash-search-invoices.json');
		Object.assign(workflow.nodes.find((n) => n.name === NODE)!.parameters, { filters: {}, searchOptions: {}, ...parameters });
		return workflow;
	}

	test('Return All over 50,000 invoices returns each exactly once, in order', async () => {
		const seeded = await suite.sandbox.control.seedEnkashInvoices(45_000);
		assert.equal(seeded.total, 50_000);
		const result = await runWorkflow(search({ returnAll: true, searchOptions: { orderBy: 'invoiceId', pageSize: 5000 } }), { credentials: suite.credentials });

		assert.equal(result.status, 'success', result.error?.message);
		const ids = result.output(NODE).map((item) => String(item.json.invoiceId));
		assert.equal(ids.length, 50_000);
		assert.equal(new Set(ids).size, 50_000, 'no invoice twice');
		assert.deepEqual(ids, [...ids].sort(), 'in invoice ID order');
		const pages = (await suite.sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/invoice/search' && r.status === 200);
		assert.equal(pages.length, 10, '10 pages of 5,000');
	});

	test('Limit 1,234 returns 1,234 and asks for no more', async () => {
		const result = await runWorkflow(search({ returnAll: false, limit: 1234, searchOptions: { pageSize: 500 } }), { credentials: suite.credentials });
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output(NODE).length, 1234);
		// (A token persisted by the previous test was revoked by the sandbox reset: one 401 and a renewal come first.)
		const pages = (await suite.sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/invoice/search' && r.status === 200);
		assert.equal(pages.length, 3, '500 + 500 + 234');
	});

	test('filters: due-date range and not dispatched', async () => {
		const result = await runWorkflow(
			search({ returnAll: true, filters: { dueDateFrom: '2026-01-01', dueDateTo: '2026-12-31', dispatched: 'no' }, searchOptions: { orderBy: 'dueDate' } }),
			{ credentials: suite.credentials },
		);
		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output(NODE).map((i) => i.json);
		assert.ok(items.length > 0, 'the filters match some seeded invoices');
		for (const invoice of items) {
			assert.ok(String(invoice.dueDate) >= '2026-01-01' && String(invoice.dueDate) <= '2026-12-31', String(invoice.dueDate));
			assert.equal(invoice.dispatched, false);
		}
	});

	test('filter: payment statuses (the invoices still owed)', async () => {
		const result = await runWorkflow(search({ returnAll: true, filters: { paymentStatuses: ['UNPAID', 'PARTIALLY_PAID'] }, searchOptions: { pageSize: 5000 } }), {
			credentials: suite.credentials,
		});
		assert.equal(result.status, 'success', result.error?.message);
		const statuses = result.output(NODE).map((i) => String(i.json.paymentStatus));
		assert.ok(statuses.length > 0 && statuses.length < 5000, `${statuses.length} owed of 5,000`);
		assert.deepEqual([...new Set(statuses)].sort(), ['PARTIALLY_PAID', 'UNPAID']);
	});

	test('a bad date in a filter names the item and the field, and nothing reaches the server', async () => {
		const result = await runWorkflow(search({ returnAll: true, filters: { dueDateFrom: 'next tuesday' } }), { credentials: suite.credentials });
		assert.equal(result.status, 'error');
		assert.match(result.nodeError(NODE)?.message ?? '', /^Item 1: Due Date From must be a date/);
		assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
	});
});
