/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, vendorBaseUrls } from '../../sandbox';
import { runWorkflow } from '../harness';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

function collectionWorkflow(operation: string, settings: IDataObject = {}) {
	return enkashWorkflow('Invoices', { resource: 'invoice', operation, invoiceId: '={{ $json.invoiceId }}' }, settings);
}

describe('Enkash › Invoice › Dispatch and Delete Collection (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	async function undispatched(count: number): Promise<string[]> {
		const token = await (await fetch(`${vendorBaseUrls(suite.sandbox.url).enkash}/oauth/token`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: `Basic ${Buffer.from(`${DEMO_CREDENTIALS.enkash.oauthClientId}:${DEMO_CREDENTIALS.enkash.oauthClientSecret}`).toString('base64')}`,
			},
			body: new URLSearchParams({ username: DEMO_CREDENTIALS.enkash.username, password: DEMO_CREDENTIALS.enkash.password, grant_type: 'password', clientId: DEMO_CREDENTIALS.enkash.companyClientId }),
		})).json() as { accessToken: string };
		const page = (await (await fetch(`${vendorBaseUrls(suite.sandbox.url).enkash}/api/v0/invoice/search?limit=${count}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessToken}` },
			body: JSON.stringify({ dispatched: false }),
		})).json()) as { payload: { content: Array<{ invoiceId: string }> } };
		return page.payload.content.map((invoice) => invoice.invoiceId);
	}

	test('Dispatch: 1,200 items → 3 requests of at most 500 IDs, every item paired with its result', async () => {
		const ids = await undispatched(1200);
		assert.equal(ids.length, 1200);
		const result = await runWorkflow(collectionWorkflow('dispatch'), { credentials: suite.credentials, input: ids.map((invoiceId) => ({ invoiceId })) });
		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output('Invoices');
		assert.equal(items.length, 1200);
		items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.deepEqual(item.json, { invoiceId: ids[index], status: 'DISPATCHED' });
		});
		const calls = (await suite.sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/invoice/bulk/dispatch');
		assert.equal(calls.length, 3);
	});

	test('Dispatch with Continue on Fail: a malformed and an unknown ID fail alone', async () => {
		const [good] = await undispatched(1);
		const result = await runWorkflow(collectionWorkflow('dispatch', { onError: 'continueRegularOutput' }), {
			credentials: suite.credentials,
			input: [{ invoiceId: good }, { invoiceId: 'INV-7' }, { invoiceId: 'EKINV9999999999' }],
		});
		assert.equal(result.status, 'success');
		const items = result.output('Invoices').map((i) => i.json);
		assert.deepEqual(items[0], { invoiceId: good, status: 'DISPATCHED' });
		assert.equal(items[1].error, 'Item 2: Invoice ID must be EKINV followed by 10 digits (got "INV-7")');
		assert.equal(items[2].error, 'Item 3: Enkash answered NOT_FOUND for invoice EKINV9999999999');
	});

	test('Dispatch without Continue on Fail: the first bad item stops the node, naming it', async () => {
		const result = await runWorkflow(collectionWorkflow('dispatch'), { credentials: suite.credentials, input: [{ invoiceId: 'nope' }] });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError('Invoices')?.message, 'Item 1: Invoice ID must be EKINV followed by 10 digits (got "nope")');
		assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
	});

	test('Delete Collection: deleted, then unknown', async () => {
		const ids = await undispatched(3);
		const first = await runWorkflow(collectionWorkflow('deleteCollection'), { credentials: suite.credentials, input: ids.map((invoiceId) => ({ invoiceId })) });
		assert.deepEqual(first.output('Invoices').map((i) => i.json.status), ['DELETED', 'DELETED', 'DELETED']);
		const again = await runWorkflow(collectionWorkflow('deleteCollection'), { credentials: suite.credentials, input: ids.map((invoiceId) => ({ invoiceId })) });
		assert.equal(again.status, 'error');
		assert.match(again.nodeError('Invoices')?.message ?? '', /^Enkash RECORD_NOT_FOUND: /);
	});
});
