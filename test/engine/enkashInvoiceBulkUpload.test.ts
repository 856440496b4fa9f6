/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { runWorkflow } from '../harness';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

const CUSTOMER = SEED_FACTS.enkash.activeCustomerId;

const fromItems = (settings: IDataObject = {}) =>
	enkashWorkflow(
		'Bulk',
		{
			resource: 'invoice',
			operation: 'bulkUpload',
			source: 'items',
			customerId: '={{ $json.customerId }}',
			baseAmount: '={{ $json.amount }}',
			dueDate: '={{ $json.dueDate }}',
			skipExisting: true,
			additionalFields: { externalId: '={{ $json.ref }}' },
		},
		settings,
	);

describe('Enkash › Invoice › Bulk Upload (engine, sandbox)', () => {
	const suite = useEnkashSandbox();
	const invoicesCreated = async () => (await suite.sandbox.control.ledger()).records.filter((r) => r.type === 'invoice');

	test('1,100 items → 3 CSV uploads (500, 500, 100), every row paired to its item; a re-run creates none', async () => {
		const input = Array.from({ length: 1100 }, (_, n) => ({ customerId: CUSTOMER, amount: 10 + n, dueDate: '2026-12-20', ref: `bulk-${n}` }));
		const first = await runWorkflow(fromItems(), { credentials: suite.credentials, input });
		assert.equal(first.status, 'success', first.error?.message);
		const items = first.output('Bulk');
		assert.equal(items.length, 1100);
		items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.equal(item.json.status, 'CREATED');
			assert.equal(item.json.externalId, `bulk-${index}`);
		});
		const uploads = (await suite.sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/invoice/bulk/create');
		assert.equal(uploads.length, 3);
		assert.equal((await invoicesCreated()).length, 1100);

		const again = await runWorkflow(fromItems(), { credentials: suite.credentials, input });
		assert.ok(again.output('Bulk').every((item) => item.json.status === 'EXISTS'));
		assert.equal((await invoicesCreated()).length, 1100, 'nothing doubled');
	});

	test('one bad row fails one item only (Continue on Fail): a bad input locally, an unknown customer at Enkash', async () => {
		const input = [
			{ customerId: CUSTOMER, amount: 10, dueDate: '2026-12-20', ref: 'ok-1' },
			{ customerId: CUSTOMER, amount: 0, dueDate: '2026-12-20', ref: 'bad-amount' },
			{ customerId: 'KCNOSUCHCUSTOMER', amount: 10, dueDate: '2026-12-20', ref: 'bad-customer' },
			{ customerId: CUSTOMER, amount: 30, dueDate: '2026-12-20', ref: 'ok-2' },
		];
		const result = await runWorkflow(fromItems({ onError: 'continueRegularOutput' }), { credentials: suite.credentials, input });
		const items = result.output('Bulk').map((i) => i.json);
		assert.equal(items[0].status, 'CREATED');
		assert.equal(items[1].error, 'Item 2: Base Amount must be at least 0.1');
		assert.match(String(items[2].error), /^Item 3: Enkash rejected the row: /);
		assert.equal(items[3].status, 'CREATED');
		assert.equal((await invoicesCreated()).length, 2);
	});

	test('Source "Input Item Fields, Matched by Name": rows from the items\' own fields, bad ones named by field, a re-run creates none', async () => {
		const byName = (settings: IDataObject = {}) =>
			enkashWorkflow('Bulk', { resource: 'invoice', operation: 'bulkUpload', source: 'json', skipExisting: true }, settings);
		const input = [
			{ customerId: CUSTOMER, baseAmount: 120.5, dueDate: '2026-12-20', externalId: 'byname-1', note: 'not an Enkash field' },
			{ customerId: CUSTOMER, baseAmount: '75', dueDate: '2026-12-21T23:30:00+05:30', externalId: 'byname-2', description: 'Consulting' },
			{ customerId: CUSTOMER, baseAmount: 0, dueDate: '2026-12-20', externalId: 'byname-3' },
			{ customerId: CUSTOMER, baseAmount: 10, dueDate: '2026-02-30', externalId: 'byname-4' },
			{ customerId: CUSTOMER, amount: 10, dueDate: '2026-12-20', externalId: 'byname-5' },
		];
		const first = await runWorkflow(byName({ onError: 'continueRegularOutput' }), { credentials: suite.credentials, input, timezone: 'Asia/Kolkata' });
		assert.equal(first.status, 'success', first.error?.message);
		const items = first.output('Bulk');
		assert.deepEqual(
			items.map((item) => [item.pairedItem, item.json.status ?? item.json.error]),
			[
				[{ item: 0 }, 'CREATED'],
				[{ item: 1 }, 'CREATED'],
				[{ item: 2 }, 'Item 3: baseAmount must be at least 0.1'],
				[{ item: 3 }, 'Item 4: dueDate must be a real calendar date (got "2026-02-30": February 2026 has 28 days)'],
				[{ item: 4 }, 'Item 5: the item has no baseAmount field (with Source "Input Item Fields, Matched by Name" each item needs customerId, baseAmount and dueDate)'],
			],
		);
		const created = await invoicesCreated();
		assert.equal(created.length, 2);
		const uploads = (await suite.sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/invoice/bulk/create');
		assert.equal(uploads.length, 1);

		const again = await runWorkflow(byName({ onError: 'continueRegularOutput' }), { credentials: suite.credentials, input: input.slice(0, 2), timezone: 'Asia/Kolkata' });
		assert.deepEqual(again.output('Bulk').map((item) => item.json.status), ['EXISTS', 'EXISTS']);
		assert.equal((await invoicesCreated()).length, 2, 'nothing doubled');
	});

	test('a CSV file from the input: one output item per row', async () => {
		const csv = `customerId,baseAmount,dueDate,externalId\r\n${CUSTOMER},100,2026-12-31,file-1\r\n${CUSTOMER},0.01,2026-12-31,file-2\r\n${CUSTOMER},300,2026-12-31,file-3\r\n`;
		const json = enkashWorkflow('Bulk', { resource: 'invoice', operation: 'bulkUpload', source: 'binary', binaryProperty: 'data' }, { onError: 'continueRegularOutput' });
		json.pinData = {
			Start: [{ json: {}, binary: { data: { data: Buffer.from(csv).toString('base64'), mimeType: 'text/csv', fileName: 'march.csv' } } }],
		};
		const result = await runWorkflow(json, { credentials: suite.credentials });
		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output('Bulk');
		assert.equal(items.length, 3);
		assert.equal(items[0].json.status, 'CREATED');
		assert.match(String(items[1].json.error), /^Item 1, row 2: Enkash rejected the row: /);
		assert.equal(items[2].json.status, 'CREATED');
		assert.ok(items.every((item) => (item.pairedItem as { item: number }).item === 0));
	});
});
