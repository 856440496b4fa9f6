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

	async function enkashRequests() {
		return (await sandbox.control.ledger()).requests.filter((r) => r.vendor === 'enkash');
	}

	async function tokenRequests(): Promise<number> {
		return (await enkashRequests()).filter((r) => r.kind === 'token').length;
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

	test('token lifetime 2 s over a 10 s run → renewed before expiry, zero 401s', async () => {
		await sandbox.control.setTokenLifetime('enkash', 2);
		await sandbox.control.setLatency(100);
		const credentials = await enkashCredentials();
		const started = Date.now();
		const result = await runWorkflow(workflow(1), { credentials, input: invoiceItems(100) });
		const seconds = (Date.now() - started) / 1000;

		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output(NODE).length, 100);
		assert.ok(seconds >= 10, `the run lasted ${seconds} s`);
		const requests = await enkashRequests();
		assert.equal(requests.filter((r) => r.status === 401).length, 0, 'no request was sent with an expired token');
		const renewals = requests.filter((r) => r.kind === 'token').length;
		// One token every 1.5 s (renewed at three quarters of its 2 s life) over 10–11 s.
		assert.ok(renewals >= 5 && renewals <= 9, `${renewals} token requests`);
		console.log(`run ${seconds.toFixed(1)} s, ${renewals} token requests, 0 × 401`);
	});

	test('token revoked mid-run → exactly one renewal, every item succeeds', async () => {
		await sandbox.control.setLatency(20);
		const credentials = await enkashCredentials();
		const revoke = setTimeout(() => void sandbox.control.revokeTokens('enkash'), 500);
		const result = await runWorkflow(workflow(10), { credentials, input: invoiceItems(400) });
		clearTimeout(revoke);

		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output(NODE).length, 400);
		assert.ok(result.output(NODE).every((item) => typeof item.json.invoiceId === 'string'));
		const requests = await enkashRequests();
		assert.ok(requests.some((r) => r.status === 401), 'the revocation hit requests in flight');
		const tokenRequestsMade = requests.filter((r) => r.kind === 'token');
		assert.equal(tokenRequestsMade.length, 2, 'the first login and exactly one renewal');
	});

	test('wrong password, 100 items in parallel → exactly 1 login attempt, account not locked, a clear error on every item', async () => {
		const credentials = await enkashCredentials({ password: 'not-the-password' });
		const json = workflow(100);
		Object.assign(json.nodes.find((n) => n.name === NODE)!, { onError: 'continueRegularOutput' });
		const result = await runWorkflow(json, { credentials, input: invoiceItems(100) });

		const items = result.output(NODE);
		assert.equal(items.length, 100);
		for (const [index, item] of items.entries()) {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.match(String(item.json.error), /Enkash refused the token request \(HTTP 401/);
			assert.doesNotMatch(JSON.stringify(item.json), /not-the-password/);
		}
		assert.equal(await tokenRequests(), 1);
		assert.deepEqual(await sandbox.control.enkashAccount(), { locked: false, consecutiveFailures: 1, loginAttempts: 1 });

		// A second execution with the same wrong password does not try again.
		await runWorkflow(json, { credentials, input: invoiceItems(5) });
		assert.equal(await tokenRequests(), 1);
	});

	test('rejected refresh token → one password login; the next execution reuses the persisted token', async () => {
		const credentials = await enkashCredentials();
		assert.equal((await runWorkflow(workflow(5), { credentials, input: invoiceItems(5) })).status, 'success');
		await sandbox.control.revokeTokens('enkash', { refreshTokens: true });

		const second = await runWorkflow(workflow(5), { credentials, input: invoiceItems(20) });
		assert.equal(second.status, 'success', second.error?.message);
		const grants = (await enkashRequests()).filter((r) => r.kind === 'token').map((r) => [r.grant, r.status]);
		assert.deepEqual(grants, [
			['password', 200],
			['refresh_token', 401],
			['password', 200],
		]);

		resetTokenState(); // as if n8n restarted: only the persisted credential remains
		const before = await tokenRequests();
		const third = await runWorkflow(workflow(5), { credentials, input: invoiceItems(20) });
		assert.equal(third.status, 'success', third.error?.message);
		assert.equal((await tokenRequests()) - before, 0);
	});

	for (const casing of ['camel', 'snake'] as const) {
		test(`token responses in ${casing} case (accessToken / access_token) both work, refresh included`, async () => {
			await sandbox.control.setEnkashTokenCasing(casing);
			await sandbox.control.setTokenLifetime('enkash', 1);
			const credentials = await enkashCredentials();
			const first = await runWorkflow(workflow(2), { credentials, input: invoiceItems(4) });
			assert.equal(first.status, 'success', first.error?.message);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			const second = await runWorkflow(workflow(2), { credentials, input: invoiceItems(4) });
			assert.equal(second.status, 'success', second.error?.message);
			const grants = (await enkashRequests()).filter((r) => r.kind === 'token').map((r) => [r.grant, r.status]);
			assert.deepEqual(grants, [
				['password', 200],
				['refresh_token', 200],
			]);
		});
	}
});
