/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { packageTypes, runWorkflow } from '../harness';
import { hostData } from '../harness/runWorkflow';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

const FIRST = SEED_FACTS.enkash.firstInvoiceId;
const rl = (mode: 'id' | 'list', value: string) => ({ __rl: true, mode, value });

describe('Enkash › Invoice › Get and the Invoice list (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	async function run(parameters: IDataObject) {
		return await runWorkflow(enkashWorkflow('Enkash', parameters), { credentials: suite.credentials });
	}

	test('Get: the invoice chosen by ID, or from the list', async () => {
		for (const mode of ['id', 'list'] as const) {
			const result = await run({ resource: 'invoice', operation: 'get', invoiceId: rl(mode, FIRST) });
			assert.equal(result.status, 'success', result.error?.message);
			const invoice = result.output('Enkash')[0].json;
			assert.equal(invoice.invoiceId, FIRST);
			assert.match(String(invoice.dueDate), /^\d{4}-\d{2}-\d{2}$/);
			assert.deepEqual(result.output('Enkash')[0].pairedItem, { item: 0 });
		}
	});

	test('Get: an invoice Enkash does not know is Enkash’s RECORD_NOT_FOUND with its request ID', async () => {
		const result = await run({ resource: 'invoice', operation: 'get', invoiceId: rl('id', 'EKINV9999999999') });
		assert.equal(result.status, 'error');
		const error = result.nodeError('Enkash');
		assert.equal(error?.message, 'Enkash RECORD_NOT_FOUND: Invoice EKINV9999999999 not found');
		assert.match(String(error?.description), /^Enkash request ID: [0-9a-f]{16}$/);
	});

	test('the Invoice list in the editor: newest first, filtered by customer name, paged (as n8n loads it)', async () => {
		const { nodeTypes } = packageTypes();
		const enkash = nodeTypes.getByNameAndVersion('n8n-nodes-token-connectors.enkash');
		for (const operation of ['get', 'update']) {
			const field = enkash.description.properties.find(
				(p) => p.name === 'invoiceId' && p.type === 'resourceLocator' && p.displayOptions?.show?.operation?.includes(operation),
			);
			assert.deepEqual(field?.modes?.map((m) => m.name), ['list', 'id'], `Invoice ${operation} offers a list and an ID`);
		}

		const json = enkashWorkflow('Enkash', { resource: 'invoice', operation: 'get' });
		const workflow = new Workflow({ nodes: json.nodes, connections: json.connections, active: false, nodeTypes });
		const context = new LoadOptionsContext(workflow, workflow.getNode('Enkash')!, hostData(suite.credentials, undefined, 'list', 'list'), 'parameters.invoiceId');
		const search = enkash.methods!.listSearch!.searchInvoices;
		const first = await search.call(context, undefined, undefined);
		assert.equal(first.results.length, 100);
		assert.equal(first.paginationToken, '100');
		for (const result of first.results) assert.match(String(result.value), /^EKINV\d{10}$/);
		const second = await search.call(context, undefined, first.paginationToken as string);
		assert.equal(new Set([...first.results, ...second.results].map((r) => r.value)).size, 200, 'the second page continues the first');

		const got = (await run({ resource: 'invoice', operation: 'get', invoiceId: rl('id', FIRST) })).output('Enkash')[0].json;
		const customer = await run({ resource: 'customer', operation: 'get', customerId: rl('id', String(got.customerId)) });
		const legalName = String(customer.output('Enkash')[0].json.legalName);
		const named = await search.call(context, legalName, undefined);
		assert.ok(named.results.length > 0);
		for (const result of named.results) assert.ok(String(result.name).includes(legalName), String(result.name));
		assert.match(String(named.results[0].name), /^EKINV\d{10} · .+ · ₹[\d.]+ · due \d{4}-\d{2}-\d{2}$/);
	});
});
