import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { HarnessCredentialsHelper, resetTokenState, runWorkflow, type WorkflowJson } from '../harness';

function collectionWorkflow(operation: string, settings: IDataObject = {}): WorkflowJson {
	return {
		name: 'Enkash invoice collection',
		nodes: [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'e',
				name: 'Invoices',
				type: 'n8n-nodes-token-connectors.enkash',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'invoice', operation, invoiceId: '={{ $json.invoiceId }}' } as INodeParameters,
				credentials: { enkashApi: { id: 'sandbox-enkash', name: 'Enkash sandbox' } },
				...settings,
			},
		],
		connections: { Start: { main: [[{ node: 'Invoices', type: 'main', index: 0 }]] } },
	};
}

describe('Enkash › Invoice › Dispatch and Delete Collection (engine, sandbox)', () => {
	let sandbox: Sandbox;
	let credentials: HarnessCredentialsHelper;

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		const d = DEMO_CREDENTIALS.enkash;
		credentials = new HarnessCredentialsHelper();
		await credentials.add({
			id: 'sandbox-enkash',
			type: 'enkashApi',
			data: {
				environment: 'custom',
				baseUrl: vendorBaseUrls(sandbox.url).enkash,
				oauthClientId: d.oauthClientId,
				oauthClientSecret: d.oauthClientSecret,
				username: d.username,
				password: d.password,
				companyClientId: d.companyClientId,
			},
		});
	});
	after(async () => await sandbox.close());
	beforeEach(async () => {
		await sandbox.control.reset();
		resetTokenState();
	});

	async function undispatched(count: number): Promise<string[]> {
		const token = await (await fetch(`${vendorBaseUrls(sandbox.url).enkash}/oauth/token`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: `Basic ${Buffer.from(`${DEMO_CREDENTIALS.enkash.oauthClientId}:${DEMO_CREDENTIALS.enkash.oauthClientSecret}`).toString('base64')}`,
			},
			body: new URLSearchParams({ username: DEMO_CREDENTIALS.enkash.username, password: DEMO_CREDENTIALS.enkash.password, grant_type: 'password', clientId: DEMO_CREDENTIALS.enkash.companyClientId }),
		})).json() as { accessToken: string };
		const page = (await (await fetch(`${vendorBaseUrls(sandbox.url).enkash}/api/v0/invoice/search?limit=${count}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessToken}` },
			body: JSON.stringify({ dispatched: false }),
		})).json()) as { payload: { content: Array<{ invoiceId: string }> } };
		return page.payload.content.map((invoice) => invoice.invoiceId);
	}

	test('Dispatch: 1,200 items → 3 requests of at most 500 IDs, every item paired with its result', async () => {
		const ids = await undispatched(1200);
		assert.equal(ids.length, 1200);
		const result = await runWorkflow(collectionWorkflow('dispatch'), { credentials, input: ids.map((invoiceId) => ({ invoiceId })) });
		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output('Invoices');
		assert.equal(items.length, 1200);
		items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.deepEqual(item.json, { invoiceId: ids[index], status: 'DISPATCHED' });
		});
		const calls = (await sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/invoice/bulk/dispatch');
		assert.equal(calls.length, 3);
	});

	test('Dispatch with Continue on Fail: a malformed and an unknown ID fail alone', async () => {
		const [good] = await undispatched(1);
		const result = await runWorkflow(collectionWorkflow('dispatch', { onError: 'continueRegularOutput' }), {
			credentials,
			input: [{ invoiceId: good }, { invoiceId: 'INV-7' }, { invoiceId: 'EKINV9999999999' }],
		});
		assert.equal(result.status, 'success');
		const items = result.output('Invoices').map((i) => i.json);
		assert.deepEqual(items[0], { invoiceId: good, status: 'DISPATCHED' });
		assert.equal(items[1].error, 'Item 2: Invoice ID must be EKINV followed by 10 digits (got "INV-7")');
		assert.equal(items[2].error, 'Item 3: Enkash answered NOT_FOUND for invoice EKINV9999999999');
	});

	test('Dispatch without Continue on Fail: the first bad item stops the node, naming it', async () => {
		const result = await runWorkflow(collectionWorkflow('dispatch'), { credentials, input: [{ invoiceId: 'nope' }] });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError('Invoices')?.message, 'Item 1: Invoice ID must be EKINV followed by 10 digits (got "nope")');
		assert.equal((await sandbox.control.ledger()).requests.length, 0);
	});

	test('Delete Collection: deleted, then unknown', async () => {
		const ids = await undispatched(3);
		const first = await runWorkflow(collectionWorkflow('deleteCollection'), { credentials, input: ids.map((invoiceId) => ({ invoiceId })) });
		assert.deepEqual(first.output('Invoices').map((i) => i.json.status), ['DELETED', 'DELETED', 'DELETED']);
		const again = await runWorkflow(collectionWorkflow('deleteCollection'), { credentials, input: ids.map((invoiceId) => ({ invoiceId })) });
		assert.equal(again.status, 'error');
		assert.match(again.nodeError('Invoices')?.message ?? '', /^Enkash RECORD_NOT_FOUND: /);
	});
});
