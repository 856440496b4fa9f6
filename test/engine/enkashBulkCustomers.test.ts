/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { SEED_FACTS } from '../../sandbox';
import { runWorkflow } from '../harness';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

describe('Enkash › Customer Bulk Create / Bulk Update and Bharat Connect Bulk Create Invoices (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	test('Bulk Create from items: contacts travel as JSON in the CSV; a bad item fails alone', async () => {
		const json = enkashWorkflow(
			'Bulk',
			{
				resource: 'customer',
				operation: 'bulkCreate',
				source: 'items',
				legalName: '={{ $json.name }}',
				keyContacts: { contact: [{ name: '={{ $json.contact }}', email: '={{ $json.email }}' }] },
				additionalFields: { state: 'Goa' },
			},
			{ onError: 'continueRegularOutput' },
		);
		const result = await runWorkflow(json, {
			credentials: suite.credentials,
			input: [
				{ name: 'Alpha Traders', contact: 'Ann', email: 'ann@alpha.example' },
				{ name: 'Beta Mills', contact: 'Bob', email: 'not-an-email' },
				{ name: 'Gamma Foods', contact: 'Gus', email: 'gus@gamma.example' },
			],
		});
		const items = result.output('Bulk').map((i) => i.json);
		assert.match(String(items[0].customerId), /^KC[A-Z0-9]{14}$/);
		assert.equal(items[0].status, 'CREATED');
		assert.equal(items[1].error, 'Item 2: Key Contacts need a valid e-mail address');
		assert.equal(items[2].status, 'CREATED');
		const created = (await suite.sandbox.control.ledger()).records.filter((r) => r.type === 'customer');
		assert.equal(created.length, 2);
	});

	test('Bulk Update from items: the named customers change; an unknown one fails alone', async () => {
		const json = enkashWorkflow(
			'Bulk',
			{ resource: 'customer', operation: 'bulkUpdate', source: 'items', customerId: { __rl: true, mode: 'list', value: '={{ $json.id }}' }, updateFields: { state: '={{ $json.state }}' }, keyContacts: {} },
			{ onError: 'continueRegularOutput' },
		);
		const result = await runWorkflow(json, {
			credentials: suite.credentials,
			input: [
				{ id: SEED_FACTS.enkash.activeCustomerId, state: 'Kerala' },
				{ id: 'KCNOSUCHCUSTOMER', state: 'Kerala' },
			],
		});
		const items = result.output('Bulk').map((i) => i.json);
		assert.deepEqual(items[0], { customerId: SEED_FACTS.enkash.activeCustomerId, status: 'UPDATED' });
		assert.match(String(items[1].error), /^Item 2: Enkash rejected the row: customerId: Customer KCNOSUCHCUSTOMER not found/);
		const got = await runWorkflow(enkashWorkflow('Get', { resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: SEED_FACTS.enkash.activeCustomerId } }), {
			credentials: suite.credentials,
		});
		assert.equal(got.output('Get')[0].json.state, 'Kerala');
	});

	test('Bharat Connect Bulk Create Invoices: the invoice bulk upload, under its Bharat Connect name', async () => {
		const json = enkashWorkflow('Bulk', {
			resource: 'bharatConnect',
			operation: 'bulkCreateInvoices',
			source: 'items',
			customerId: SEED_FACTS.enkash.activeCustomerId,
			baseAmount: '={{ $json.amount }}',
			dueDate: '2026-12-31',
			skipExisting: true,
			additionalFields: { externalId: '={{ $json.ref }}' },
		});
		const result = await runWorkflow(json, { credentials: suite.credentials, input: [{ amount: 10, ref: 'bc-1' }, { amount: 20, ref: 'bc-2' }] });
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(
			result.output('Bulk').map((i) => [i.json.externalId, i.json.status]),
			[
				['bc-1', 'CREATED'],
				['bc-2', 'CREATED'],
			],
		);
		assert.equal((await suite.sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/invoice/bulk/create').length, 1);
	});
});
