/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_TOKEN_LIFETIMES, DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { renewalMargin } from '../../shared/token';
import { HarnessCredentialsHelper, loadExample, resetTokenState, runWorkflow, type WorkflowJson } from '../harness';

const NODE = 'Get Invoice';

/** Waits for `condition` to hold (an event of the run under test), checking every few ms; false after 30 s. */
async function eventually(condition: () => Promise<boolean>): Promise<boolean> {
	const giveUpAt = Date.now() + 30_000;
	while (Date.now() < giveUpAt) {
		if (await condition()) return true;
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	return false;
}

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
		const tokens = requests.filter((r) => r.kind === 'token');
		const renewals = tokens.length;
		// Zero 401s over at least 10 s of 2 s tokens needs at least five of them.
		assert.ok(renewals >= 5, `${renewals} token requests`);
		// And none renewed early: each at three quarters of its 2 s life or later (the 100 ms latency
		// comes on top), never sooner. A count bound would depend on how long a busy machine takes.
		const gaps = tokens.slice(1).map((token, index) => token.at - tokens[index].at);
		assert.ok(gaps.every((gap) => gap >= 1500), `renewed too soon: ${gaps.join(', ')} ms apart`);
		console.log(`run ${seconds.toFixed(1)} s, ${renewals} token requests, 0 × 401`);
	});

	test('token revoked mid-run → exactly one renewal, every item succeeds', async () => {
		await sandbox.control.setLatency(20);
		const credentials = await enkashCredentials();
		// Revoked as the 100th of the 400 reads arrives, not after a time: on a busy machine a timer fires
		// before the run has started or after it has ended. That read, and those still in flight, meet it.
		await sandbox.control.addTrigger({ vendor: 'enkash', afterRequests: 100, action: 'revoke' });
		const result = await runWorkflow(workflow(10), { credentials, input: invoiceItems(400) });

		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output(NODE).length, 400);
		assert.ok(result.output(NODE).every((item) => typeof item.json.invoiceId === 'string'));
		const requests = await enkashRequests();
		const [revocation] = await sandbox.control.triggers();
		assert.equal(revocation.firedAtSeq.length, 1, 'the revocation happened during the run');
		const refused = requests.filter((r) => r.status === 401);
		assert.ok(refused.some((r) => r.seq === revocation.firedAtSeq[0]), 'the revocation hit requests in flight');
		assert.ok(refused.every((r) => r.auth === 'revoked'), 'every refusal was the revocation');
		const tokenRequestsMade = requests.filter((r) => r.kind === 'token');
		assert.equal(tokenRequestsMade.length, 2, 'the first login and exactly one renewal');
		assert.ok(tokenRequestsMade[1].seq > revocation.firedAtSeq[0], 'the renewal came after the revocation');
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

	test('a refused refresh token is never sent twice: an execution refused after it goes to the one password login (issue 22)', async () => {
		const credentials = await enkashCredentials();
		assert.equal((await runWorkflow(workflow(1), { credentials, input: invoiceItems(1) })).status, 'success');
		await sandbox.control.revokeTokens('enkash', { refreshTokens: true });

		// Execution A meets the revoked token, its refresh token is refused, and it claims the password
		// login. Execution B starts while A holds the claim (A waits for other processes' claims to land
		// before logging in): B too holds the revoked token, and the refresh token with it.
		const first = runWorkflow(workflow(1), { credentials, input: invoiceItems(1) });
		const claimed = await eventually(async () => String((await credentials.persisted('sandbox-enkash')).loginClaim ?? '') !== '');
		assert.ok(claimed, 'execution A claimed the password login');
		const persisted = await credentials.persisted('sandbox-enkash');
		assert.equal(persisted.refreshToken, '', 'the refused refresh token is cleared with the claim: no process reading the credential sends it again');
		const second = runWorkflow(workflow(1), { credentials, input: invoiceItems(2).slice(1) });
		const [a, b] = await Promise.all([first, second]);
		assert.equal(a.status, 'success', a.error?.message);
		assert.equal(b.status, 'success', b.error?.message);

		const grants = (await enkashRequests()).filter((r) => r.kind === 'token').map((r) => `${r.grant} ${r.status}`);
		assert.deepEqual(grants, ['password 200', 'refresh_token 401', 'password 200'], 'after a refused refresh: exactly one password login, no second refresh');
	});

	for (const casing of ['camel', 'snake'] as const) {
		test(`token responses in ${casing} case (accessToken / access_token) both work, refresh included`, async () => {
			await sandbox.control.setEnkashTokenCasing(casing);
			const credentials = await enkashCredentials();
			const lifetimeMs = DEFAULT_TOKEN_LIFETIMES.enkash * 1000;
			const renewAtFrom = (start: number, end: number) => [start + lifetimeMs - renewalMargin(lifetimeMs), end + lifetimeMs - renewalMargin(lifetimeMs)];
			const plannedRenewal = async () => Number((await credentials.persisted('sandbox-enkash')).tokenRenewAt);

			let started = Date.now();
			const first = await runWorkflow(workflow(2), { credentials, input: invoiceItems(4) });
			assert.equal(first.status, 'success', first.error?.message);
			// The lifetime was read from this casing's expires_in / expiresIn: renewal is planned from it.
			let [earliest, latest] = renewAtFrom(started, Date.now());
			let planned = await plannedRenewal();
			assert.ok(planned >= earliest && planned <= latest, `renewal planned at ${planned}, not within ${earliest}…${latest}`);

			// The token runs out now, as its lifetime would (rather than sleeping past a short lifetime, which a
			// busy machine could also pass during the first run): the refresh grant, in this casing too, takes over.
			assert.deepEqual(await sandbox.control.expireTokens('enkash'), { expired: 1 });
			started = Date.now();
			const second = await runWorkflow(workflow(2), { credentials, input: invoiceItems(4) });
			assert.equal(second.status, 'success', second.error?.message);
			const requests = await enkashRequests();
			const grants = requests.filter((r) => r.kind === 'token').map((r) => [r.grant, r.status]);
			assert.deepEqual(grants, [
				['password', 200],
				['refresh_token', 200],
			]);
			assert.ok(requests.some((r) => r.auth === 'expired'), 'the expired token was sent, refused, then renewed');
			[earliest, latest] = renewAtFrom(started, Date.now());
			planned = await plannedRenewal();
			assert.ok(planned >= earliest && planned <= latest, `the refreshed token’s lifetime was read too: ${planned}, not within ${earliest}…${latest}`);
		});
	}
});
