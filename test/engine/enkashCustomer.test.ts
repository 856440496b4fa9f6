/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { packageTypes, runWorkflow } from '../harness';
import { hostData } from '../harness/runWorkflow';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

const ACTIVE = SEED_FACTS.enkash.activeCustomerId;
const INACTIVE = SEED_FACTS.enkash.inactiveCustomerId;

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Enkash › Customer and Customer Contact (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	async function run(parameters: IDataObject, settings: IDataObject = {}) {
		return await runWorkflow(enkashWorkflow('Enkash', parameters, settings), { credentials: suite.credentials });
	}

	test('Get: the customer by ID', async () => {
		const result = await run({ resource: 'customer', operation: 'get', customerId: byId(ACTIVE) });
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output('Enkash')[0].json.customerId, ACTIVE);
	});

	test('Get: an unknown customer is a clear 404', async () => {
		const result = await run({ resource: 'customer', operation: 'get', customerId: byId('KCNOSUCHCUSTOMER') });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError('Enkash')?.message, 'Item 1: Enkash has no customer KCNOSUCHCUSTOMER');
	});

	test('a malformed customer ID is refused before any request', async () => {
		// (n8n itself refuses a malformed ID typed in "By ID" mode; a value from an expression reaches our check.)
		const result = await run({ resource: 'customer', operation: 'activate', customerId: { __rl: true, mode: 'list', value: 'customer-7' } });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError('Enkash')?.message, 'Item 1: Customer must be an Enkash customer ID: KC followed by 14 capital letters or digits (got "customer-7")');
		assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
	});

	test('Deactivate then Activate', async () => {
		const off = await run({ resource: 'customer', operation: 'deactivate', customerId: byId(ACTIVE) });
		assert.equal(off.status, 'success', off.error?.message);
		assert.equal(off.output('Enkash')[0].json.active, false);
		const on = await run({ resource: 'customer', operation: 'activate', customerId: byId(INACTIVE) });
		assert.equal(on.output('Enkash')[0].json.active, true);
	});

	test('Activate an unknown customer: Enkash RECORD_NOT_FOUND', async () => {
		const result = await run({ resource: 'customer', operation: 'activate', customerId: byId('KCNOSUCHCUSTOMER') });
		assert.equal(result.status, 'error');
		assert.match(result.nodeError('Enkash')?.message ?? '', /^Enkash RECORD_NOT_FOUND: /);
	});

	test('Delete: gone afterwards', async () => {
		const deleted = await run({ resource: 'customer', operation: 'delete', customerId: byId(INACTIVE) });
		assert.equal(deleted.status, 'success', deleted.error?.message);
		const again = await run({ resource: 'customer', operation: 'get', customerId: byId(INACTIVE) });
		assert.equal(again.status, 'error');
	});

	test('Search: Return All over the 2,000 seeded customers, Limit, and a name filter', async () => {
		const all = await run({ resource: 'customer', operation: 'search', returnAll: true, customerFilters: {} });
		assert.equal(all.output('Enkash').length, SEED_FACTS.enkash.customerCount);
		const some = await run({ resource: 'customer', operation: 'search', returnAll: false, limit: 7, customerFilters: { active: 'no' } });
		assert.equal(some.output('Enkash').length, 7);
		assert.ok(some.output('Enkash').every((i) => i.json.active === false));
	});

	test('Customer Contact › Get: key contacts', async () => {
		const result = await run({ resource: 'customerContact', operation: 'get', customerId: byId(ACTIVE) });
		assert.equal(result.status, 'success', result.error?.message);
		assert.ok(Array.isArray(result.output('Enkash')[0].json.customerKeyContacts));
	});

	test('the Customer list in the editor searches by name and pages (as n8n loads it)', async () => {
		const { nodeTypes } = packageTypes();
		const enkash = nodeTypes.getByNameAndVersion('n8n-nodes-token-connectors.enkash');
		const field = enkash.description.properties.find((p) => p.name === 'customerId' && p.type === 'resourceLocator');
		assert.deepEqual(field?.modes?.map((m) => m.name), ['list', 'id']);

		const json = enkashWorkflow('Enkash', { resource: 'customer', operation: 'get' });
		const workflow = new Workflow({ nodes: json.nodes, connections: json.connections, active: false, nodeTypes });
		const node = workflow.getNode('Enkash')!;
		const context = new LoadOptionsContext(workflow, node, hostData(suite.credentials, undefined, 'list', 'list'), 'parameters.customerId');
		const search = enkash.methods!.listSearch!.searchCustomers;
		const first = await search.call(context, undefined, undefined);
		assert.equal(first.results.length, 100);
		assert.equal(first.paginationToken, '100');
		const second = await search.call(context, undefined, first.paginationToken as string);
		assert.notDeepEqual(second.results[0], first.results[0]);
		const got = await run({ resource: 'customer', operation: 'get', customerId: byId(ACTIVE) });
		const legalName = String(got.output('Enkash')[0].json.legalName);
		const named = await search.call(context, legalName.slice(2, 12).toUpperCase(), undefined);
		assert.ok(named.results.some((r) => r.value === ACTIVE && r.name === `${legalName} (${ACTIVE})`), JSON.stringify(named.results.slice(0, 3)));
		assert.ok(named.results.length < 100, 'the name filter narrows the list');
	});

	const contact = { contact: [{ name: 'Asha Rao', email: 'asha@example.com', mobile: '9876543210', designation: 'Accounts' }] };

	test('Create: with key contacts; a second run with the same reference returns the same customer', async () => {
		const params = { resource: 'customer', operation: 'create', legalName: 'Acme Textiles Pvt Ltd', keyContacts: contact, skipExisting: true, additionalFields: { uniqueRefNo: 'ACME-1', pinCode: '560001', state: 'Karnataka' } };
		const first = await run(params);
		assert.equal(first.status, 'success', first.error?.message);
		const customer = first.output('Enkash')[0].json;
		assert.match(String(customer.customerId), /^KC[A-Z0-9]{14}$/);
		assert.equal((customer.customerKeyContacts as IDataObject[])[0].email, 'asha@example.com');
		const second = await run(params);
		assert.equal(second.output('Enkash')[0].json.customerId, customer.customerId);
		assert.equal((await suite.sandbox.control.ledger()).records.filter((r) => r.type === 'customer').length, 1);
	});

	const badCustomers: Array<[string, IDataObject, string]> = [
		['no contact', { keyContacts: {} }, 'Item 1: Key Contacts need at least one contact'],
		['a contact with neither e-mail nor mobile', { keyContacts: { contact: [{ name: 'X' }] } }, 'Item 1: Key Contacts need an e-mail address or a mobile number'],
		['a bad mobile', { keyContacts: { contact: [{ name: 'X', mobile: '12345' }] } }, 'Item 1: Key Contacts need a 10-digit Indian mobile number'],
		['a bad PIN', { additionalFields: { pinCode: '5600' } }, 'Item 1: PIN Code must be six digits'],
		['a bad IFSC', { additionalFields: { ifsc: 'HDFC1234' } }, 'Item 1: IFSC must be an IFSC code such as HDFC0001234'],
		['a bad PAN', { additionalFields: { panOrGstin: 'ABC' } }, 'Item 1: PAN or GSTIN must be a PAN (ABCDE1234F) or a GSTIN'],
	];
	for (const [name, override, message] of badCustomers) {
		test(`Create refuses ${name} before any request`, async () => {
			const result = await run({ resource: 'customer', operation: 'create', legalName: 'Acme', keyContacts: contact, additionalFields: {}, ...override });
			assert.equal(result.status, 'error');
			assert.equal(result.nodeError('Enkash')?.message, message);
			assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
		});
	}

	test('Update: only the given fields change; nothing to change is named', async () => {
		const updated = await run({ resource: 'customer', operation: 'update', customerId: byId(ACTIVE), updateFields: { state: 'Goa' }, keyContacts: {} });
		assert.equal(updated.status, 'success', updated.error?.message);
		assert.equal(updated.output('Enkash')[0].json.state, 'Goa');
		assert.ok((updated.output('Enkash')[0].json.customerKeyContacts as unknown[]).length > 0, 'contacts kept');
		const nothing = await run({ resource: 'customer', operation: 'update', customerId: byId(ACTIVE), updateFields: {}, keyContacts: {} });
		assert.equal(nothing.nodeError('Enkash')?.message, 'Item 1: choose at least one field to update');
	});
});
