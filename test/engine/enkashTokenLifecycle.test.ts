import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { HarnessCredentialsHelper, loadExample, resetTokenState, runWorkflow, type WorkflowJson } from '../harness';

const NODE = 'Get Invoice';

describe('Enkash token lifecycle (engine, sandbox)', () => {
	let sandbox: Sandbox;
	let enkashUrl: string;

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		enkashUrl = vendorBaseUrls(sandbox.url).enkash;
	});
	after(async () => await sandbox.close());
	beforeEach(async () => {
		await sandbox.control.reset();
		resetTokenState(); // each test starts as a fresh n8n process would
	});

	async function enkashCredentials(overrides: IDataObject = {}): Promise<HarnessCredentialsHelper> {
		const helper = new HarnessCredentialsHelper();
		const d = DEMO_CREDENTIALS.enkash;
		await helper.add({
			id: 'sandbox-enkash',
			name: 'Enkash sandbox',
			type: 'enkashApi',
			data: {
				environment: 'custom',
				baseUrl: enkashUrl,
				oauthClientId: d.oauthClientId,
				oauthClientSecret: d.oauthClientSecret,
				username: d.username,
				password: d.password,
				companyClientId: d.companyClientId,
				...overrides,
			},
		});
		return helper;
	}

	function workflow(concurrency: number): WorkflowJson {
		const json = loadExample('enkash-get-invoice.json');
		json.nodes.find((n) => n.name === NODE)!.parameters.options = { concurrency };
		return json;
	}

	function invoiceItems(count: number): IDataObject[] {
		return Array.from({ length: count }, (_, i) => ({ invoiceId: `EKINV${String(1000000001 + (i % 5000)).padStart(10, '0')}` }));
	}

	async function tokenRequests(): Promise<number> {
		return (await sandbox.control.ledger()).requests.filter((r) => r.vendor === 'enkash' && r.kind === 'token').length;
	}

	test('1,000 items at concurrency 10 → exactly 1 token request', async () => {
		const credentials = await enkashCredentials();
		const result = await runWorkflow(workflow(10), { credentials, input: invoiceItems(1000) });

		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output(NODE);
		assert.equal(items.length, 1000);
		items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.equal(item.json.invoiceId, invoiceItems(1000)[index].invoiceId);
		});
		assert.equal(await tokenRequests(), 1);
		const persisted = await credentials.persisted('sandbox-enkash');
		assert.equal(typeof persisted.accessToken, 'string');
		assert.notEqual(persisted.accessToken, '', 'the token is persisted in the credential');
	});
});
