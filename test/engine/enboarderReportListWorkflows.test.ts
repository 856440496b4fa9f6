/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { HarnessCredentialsHelper, loadExample, resetTokenState, runWorkflow, testCredential, type WorkflowJson } from '../harness';

const NODE = 'List Report Workflows';
const CREDENTIAL_ID = 'sandbox-enboarder';

describe('Enboarder › Report › List Workflows (engine, sandbox)', () => {
	let sandbox: Sandbox;
	let enboarderUrl: string;

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		enboarderUrl = vendorBaseUrls(sandbox.url).enboarder;
	});
	after(async () => await sandbox.close());
	beforeEach(async () => await sandbox.control.reset());

	async function credentials(data: IDataObject): Promise<HarnessCredentialsHelper> {
		const helper = new HarnessCredentialsHelper();
		await helper.add({
			id: CREDENTIAL_ID,
			name: 'Enboarder sandbox (API key)',
			type: 'enboarderApi',
			data: { region: 'custom', baseUrl: enboarderUrl, apiKey: DEMO_CREDENTIALS.enboarder.apiKey, ...data },
		});
		return helper;
	}

	function example(parameters: IDataObject = {}, nodeSettings: IDataObject = {}): WorkflowJson {
		const workflow = loadExample('enboarder-list-report-workflows.json');
		const node = workflow.nodes.find((n) => n.name === NODE)!;
		Object.assign(node.parameters, parameters);
		Object.assign(node, nodeSettings);
		return workflow;
	}

	async function reportsFromSandbox(): Promise<IDataObject[]> {
		const response = await fetch(`${enboarderUrl}/reports/workflows`, {
			headers: { apikey: DEMO_CREDENTIALS.enboarder.apiKey },
		});
		assert.equal(response.status, 200);
		return ((await response.json()) as { items: IDataObject[] }).items;
	}

	test('returns every workflow report the API lists, paired to the trigger item', async () => {
		const result = await runWorkflow(example(), { credentials: await credentials({}) });

		assert.equal(result.status, 'success', result.error?.message);
		const expected = await reportsFromSandbox();
		assert.ok(expected.length > 1, 'the sandbox seeds several workflow reports');
		const items = result.output(NODE);
		assert.deepEqual(
			items.map((item) => item.json),
			expected,
		);
		for (const item of items) assert.deepEqual(item.pairedItem, { item: 0 });

		const calls = (await sandbox.control.ledger()).requests.filter((r) => r.path.endsWith('/reports/workflows'));
		assert.equal(calls.length, 2, 'one call from the node, one from this test');
		assert.ok(calls.every((r) => r.status === 200 && r.auth === 'ok'));
	});

	test('Limit returns only that many reports', async () => {
		const result = await runWorkflow(example({ returnAll: false, limit: 2 }), { credentials: await credentials({}) });
		assert.equal(result.status, 'success', result.error?.message);
		const expected = await reportsFromSandbox();
		assert.deepEqual(
			result.output(NODE).map((item) => item.json),
			expected.slice(0, 2),
		);
	});

	test('runs once per input item and pairs each output with its item', async () => {
		const result = await runWorkflow(example({ returnAll: false, limit: 1 }), {
			credentials: await credentials({}),
			input: [{ n: 1 }, { n: 2 }, { n: 3 }],
		});
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(
			result.output(NODE).map((item) => item.pairedItem),
			[{ item: 0 }, { item: 1 }, { item: 2 }],
		);
	});

	test('a wrong API key fails the run with an authorization error', async () => {
		const result = await runWorkflow(example(), { credentials: await credentials({ apiKey: 'not-the-key' }) });

		assert.equal(result.status, 'error');
		const error = result.nodeError(NODE);
		assert.ok(error, 'the node reports an error');
		assert.match(error.message, /Authorization failed/);
		assert.equal((error as { httpCode?: string }).httpCode, '401');
		assert.doesNotMatch(JSON.stringify(error), /not-the-key/, 'the key never appears in the error');

		const calls = (await sandbox.control.ledger()).requests;
		assert.deepEqual(
			calls.map((r) => [r.path, r.status, r.auth]),
			[['/reports/workflows', 401, 'invalid']],
		);
	});

	test('with Continue on Fail a wrong key becomes an error item', async () => {
		const result = await runWorkflow(example({}, { onError: 'continueRegularOutput' }), {
			credentials: await credentials({ apiKey: 'not-the-key' }),
			input: [{ n: 1 }, { n: 2 }],
		});
		assert.equal(result.status, 'success');
		const items = result.output(NODE);
		assert.equal(items.length, 2);
		for (const [index, item] of items.entries()) {
			assert.match(String(item.json.error), /Authorization failed/);
			assert.deepEqual(item.pairedItem, { item: index });
		}
	});

	test('a plain-HTTP base URL outside loopback is refused before any request', async () => {
		const result = await runWorkflow(example(), { credentials: await credentials({ baseUrl: 'http://enboarder.example.com' }) });
		assert.equal(result.status, 'error');
		assert.match(result.nodeError(NODE)?.message ?? '', /Base URL must use HTTPS/);
		assert.equal((await sandbox.control.ledger()).requests.length, 0);
	});
});

describe('Enboarder API key credential › Test button (sandbox)', () => {
	let sandbox: Sandbox;
	before(async () => (sandbox = await startSandbox({ port: 0 })));
	after(async () => await sandbox.close());

	async function test_(apiKey: string) {
		const helper = new HarnessCredentialsHelper();
		await helper.add({
			id: 'enboarder-test',
			type: 'enboarderApi',
			data: { region: 'custom', baseUrl: vendorBaseUrls(sandbox.url).enboarder, apiKey },
		});
		return await testCredential(helper, { id: 'enboarder-test', type: 'enboarderApi' });
	}

	test('passes with the sandbox key', async () => {
		assert.deepEqual(await test_(DEMO_CREDENTIALS.enboarder.apiKey), { status: 'OK', message: 'Connection successful!' });
	});

	test('fails clearly with a wrong key', async () => {
		const result = await test_('wrong-key');
		assert.equal(result.status, 'Error');
		assert.match(result.message, /Unauthorized|401/);
	});
});

describe('Enboarder › Report › List Workflows with OAuth2 client credentials (engine, sandbox)', () => {
	let sandbox: Sandbox;
	let urls: ReturnType<typeof vendorBaseUrls>;

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		urls = vendorBaseUrls(sandbox.url);
	});
	after(async () => await sandbox.close());
	beforeEach(async () => {
		await sandbox.control.reset();
		resetTokenState();
	});

	async function oauth2Credentials(clientSecret: string = DEMO_CREDENTIALS.enboarder.clientSecret): Promise<HarnessCredentialsHelper> {
		const helper = new HarnessCredentialsHelper();
		await helper.add({
			id: 'sandbox-enboarder-oauth2',
			type: 'enboarderOAuth2Api',
			data: { region: 'custom', baseUrl: urls.enboarder, tokenUrl: urls.enboarderTokenUrl, clientId: DEMO_CREDENTIALS.enboarder.clientId, clientSecret },
		});
		return helper;
	}

	function oauth2Workflow(): WorkflowJson {
		const workflow = loadExample('enboarder-list-report-workflows.json');
		const node = workflow.nodes.find((n) => n.name === NODE)!;
		node.parameters.authentication = 'oAuth2';
		node.credentials = { enboarderOAuth2Api: { id: 'sandbox-enboarder-oauth2', name: 'Enboarder sandbox (OAuth2)' } };
		return workflow;
	}

	test('lists the reports with a token sent as "Authorization: <token>" (no Bearer), fetched once', async () => {
		const credentials = await oauth2Credentials();
		const result = await runWorkflow(oauth2Workflow(), { credentials, input: [{}, {}, {}] });
		assert.equal(result.status, 'success', result.error?.message);
		assert.ok(result.output(NODE).length >= 3);
		const requests = (await sandbox.control.ledger()).requests;
		assert.deepEqual(
			requests.map((r) => [r.kind, r.status]),
			[
				['token', 200],
				['api', 200],
				['api', 200],
				['api', 200],
			],
		);
	});

	test('a token living 2 s is renewed before it expires during a 6 s run: zero 401s', async () => {
		await sandbox.control.setTokenLifetime('enboarder', 2);
		await sandbox.control.setLatency(100);
		const credentials = await oauth2Credentials();
		const input = Array.from({ length: 60 }, () => ({}));
		const json = oauth2Workflow();
		json.nodes.find((n) => n.name === NODE)!.parameters.options = { concurrency: 1 };
		const result = await runWorkflow(json, { credentials, input });
		assert.equal(result.status, 'success', result.error?.message);
		const requests = (await sandbox.control.ledger()).requests;
		assert.equal(requests.filter((r) => r.status === 401).length, 0);
		const tokens = requests.filter((r) => r.kind === 'token');
		// At least three 2 s tokens cover 6 s without a 401; none renewed before three quarters of its
		// life. (A bound on the count would depend on how long a busy machine takes for the run.)
		assert.ok(tokens.length >= 3, `${tokens.length} token requests`);
		const gaps = tokens.slice(1).map((token, index) => token.at - tokens[index].at);
		assert.ok(gaps.every((gap) => gap >= 1500), `renewed too soon: ${gaps.join(', ')} ms apart`);
	});

	test('a wrong client secret fails clearly, naming the token refusal', async () => {
		const result = await runWorkflow(oauth2Workflow(), { credentials: await oauth2Credentials('wrong-secret-value') });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError(NODE)?.message, 'Enboarder refused the token request (HTTP 401: Client authentication failed)');
	});
});
