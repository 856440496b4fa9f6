/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, SandboxClient, SEED_FACTS, startSandbox, vendorBaseUrls } from '../../sandbox';
import type { Sandbox, SandboxControlApi, VendorBaseUrls } from '../../sandbox';
import { OpenRequestCounter } from '../../sandbox/faults';
import {
	apiKeyHeader,
	assertEnkashError,
	call,
	enboarderToken,
	enkashClientHeader,
	enkashLogin,
	enkashToken,
	partnerToken,
	patTokens,
	sleep,
	urlsOf,
	useSandbox,
} from './support';

const launch = { nhnm: 'Drop Test', nheml: 'drop@example.com', externalid: 'DROP-1' };

describe('Sandbox control', () => {
	let sandbox: Sandbox;
	let urls: VendorBaseUrls;

	useSandbox((started, startedUrls) => {
		sandbox = started;
		urls = startedUrls;
	});

	const reports = () => call(`${urls.enboarder}/reports/workflows`, { headers: apiKeyHeader });
	const launchV1 = () => fetch(`${urls.enboarder}/restapi/v1/startwf/basic`, {
		method: 'POST',
		headers: { ...apiKeyHeader, 'Content-Type': 'application/json' },
		body: JSON.stringify(launch),
	});

	describe('rate limit', () => {
		test('beyond the limit: 429 with Retry-After, in each vendor shape', async () => {
			await sandbox.control.setRateLimit({ limit: 2, windowMs: 60_000, retryAfterSeconds: 7 });
			assert.equal((await reports()).status, 200);
			assert.equal((await reports()).status, 200);
			const limited = await reports();
			assert.equal(limited.status, 429);
			assert.equal(limited.headers.get('retry-after'), '7');
			assert.deepEqual(limited.body, { message: 'Too Many Requests' });
			const enkash = await enkashLogin(urls);
			assertEnkashError(enkash, 429, 'CLIENT_REQUEST_ERROR');
			assert.equal(enkash.headers.get('retry-after'), '7');
			const partner = await call(`${urls.partner}/api/bookings/x`);
			assert.deepEqual([partner.status, partner.body], [429, { message: 'Too Many Requests' }]);
			const stats = await sandbox.control.stats();
			assert.equal(stats.enboarder.status429, 1);
			assert.equal(stats.totals.status429, 3);
			assert.equal(stats.totals.faultsInjected, 0);
			await sandbox.control.setRateLimit(null);
			assert.equal((await reports()).status, 200);
		});

		test('a vendor limit leaves other vendors alone; the window resets', async () => {
			// The window is a clock by nature: one second is ample for the next local request to land in it.
			await sandbox.control.setRateLimit({ vendor: 'enboarder', limit: 1, windowMs: 1000 });
			assert.equal((await reports()).status, 200);
			const limited = await reports();
			assert.equal(limited.status, 429);
			assert.match(limited.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
			assert.equal((await call(`${urls.pat}/api/me`, { headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.pat.personalAccessToken}` } })).status, 200);
			await sleep(1050);
			assert.equal((await reports()).status, 200);
		});
	});

	describe('concurrency limit (what is open at once)', () => {
		test('a request arriving while `limit` are open is refused at once: 429 with Retry-After, in the vendor shape; other vendors untouched', async () => {
			await sandbox.control.setConcurrencyLimit({ vendor: 'enboarder', limit: 0, retryAfterSeconds: 0 });
			const limited = await reports();
			assert.deepEqual([limited.status, limited.headers.get('retry-after'), limited.body], [429, '0', { message: 'Too Many Requests' }]);
			assert.equal((await call(`${urls.pat}/api/me`, { headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.pat.personalAccessToken}` } })).status, 200);
			await sandbox.control.setConcurrencyLimit({ limit: 0 });
			const enkash = await enkashLogin(urls);
			assertEnkashError(enkash, 429, 'CLIENT_REQUEST_ERROR');
			assert.equal(enkash.headers.get('retry-after'), '1', 'Retry-After 1 unless set');
			assert.equal((await sandbox.control.stats()).totals.status429, 2);
			await sandbox.control.setConcurrencyLimit(null);
			assert.equal((await reports()).status, 200);
			await assert.rejects(sandbox.control.setConcurrencyLimit({ limit: 1.5 }), /whole limit/);
			await assert.rejects(sandbox.control.setConcurrencyLimit({ limit: 1, vendor: 'nope' as never }), /vendor is unknown/);
		});

		test('counts what is open and the most ever open at once, per vendor and in all; reset clears the peak', async () => {
			for (let index = 0; index < 3; index++) assert.equal((await reports()).status, 200);
			const counted = await sandbox.control.openRequests();
			assert.deepEqual([counted.enboarder, counted.enkash, counted.totals], [{ open: 0, peak: 1 }, { open: 0, peak: 0 }, { open: 0, peak: 1 }], 'one after another: never two at once');
			await sandbox.control.reset();
			assert.deepEqual((await sandbox.control.openRequests()).totals, { open: 0, peak: 0 });
		});

		test('the counter: `limit` open, the next refused (counted in the peak as it arrived), one ending lets the next in', () => {
			const counter = new OpenRequestCounter();
			counter.setLimit({ vendor: 'enkash', limit: 2, retryAfterSeconds: 3 });
			assert.deepEqual([counter.arrive('enkash'), counter.arrive('enkash'), counter.arrive('enkash')], [undefined, undefined, 3]);
			assert.equal(counter.arrive('enboarder'), undefined, 'another vendor is not limited');
			assert.deepEqual([counter.snapshot().enkash, counter.snapshot().totals], [{ open: 2, peak: 3 }, { open: 3, peak: 3 }]);
			counter.leave('enkash');
			assert.equal(counter.arrive('enkash'), undefined);
			counter.setLimit({ limit: 3 });
			assert.equal(counter.arrive('pat'), 1, 'a limit without a vendor counts every vendor (3 open): refused, Retry-After 1');
			counter.reset();
			assert.deepEqual(counter.snapshot().totals, { open: 3, peak: 3 }, 'requests still open keep counting; the peak restarts from them');
		});
	});

	describe('faults', () => {
		test("'429' and '503' send Retry-After (default 1); '500' too, each in the vendor's shape", async () => {
			await sandbox.control.setFaults([
				{ vendor: 'enkash', method: 'POST', path: '/oauth/token', kind: '429', probability: 1, retryAfterSeconds: 4 },
				{ vendor: 'partner', kind: '500', probability: 1 },
				{ vendor: 'pat', kind: '503', probability: 1 },
				{ vendor: 'enboarder', path: '/reports', kind: '503', probability: 1 },
			]);
			const enkash = await enkashLogin(urls);
			assertEnkashError(enkash, 429, 'CLIENT_REQUEST_ERROR');
			assert.equal(enkash.headers.get('retry-after'), '4');
			const partner = await call(`${urls.partner}/api/bookings/x`);
			assert.equal(partner.status, 500);
			assert.equal(typeof partner.body.message, 'string');
			const pat = await call(`${urls.pat}/api/me`);
			assert.equal(pat.status, 503);
			assert.equal(pat.headers.get('retry-after'), '1');
			assert.equal((await reports()).status, 503);
			assert.equal((await sandbox.control.enkashAccount()).loginAttempts, 0, 'a faulted request never reaches the route');
			const { requests } = await sandbox.control.ledger();
			assert.deepEqual(requests.map((r) => [r.vendor, r.status, r.fault]), [
				['enkash', 429, '429'],
				['partner', 500, '500'],
				['pat', 503, '503'],
				['enboarder', 503, '503'],
			]);
			assert.equal((await sandbox.control.stats()).totals.faultsInjected, 4);
			await sandbox.control.clearFaults();
			assert.equal((await reports()).status, 200);
		});

		test('rules match by method, path prefix and /regexp/', async () => {
			await sandbox.control.setFaults([{ vendor: 'enboarder', path: '/^\\/reports\\/forms/', kind: '500' }, { method: 'DELETE', kind: '500' }]);
			assert.equal((await reports()).status, 200);
			assert.equal((await call(`${urls.enboarder}/reports/forms`, { headers: apiKeyHeader })).status, 500);
			assert.equal((await call(`${urls.enboarder}/restapi/v1/profile/300`, { method: 'DELETE', headers: apiKeyHeader })).status, 500);
			assert.equal((await call(`${urls.enboarder}/restapi/v1/profile/300`, { headers: apiKeyHeader })).status, 200);
		});

		test("'drop' closes the connection before anything happens", async () => {
			await sandbox.control.setFaults([{ vendor: 'enboarder', path: '/restapi/v1/startwf', kind: 'drop', probability: 1 }]);
			await assert.rejects(launchV1(), TypeError);
			const ledger = await sandbox.control.ledger();
			assert.deepEqual(ledger.requests.map((r) => [r.status, r.fault]), [[0, 'drop']]);
			assert.equal(ledger.records.length, 0, 'nothing was created');
		});

		test("'drop-after' creates the record, then closes the connection without an answer", async () => {
			await sandbox.control.setFaults([{ vendor: 'enboarder', path: '/restapi/v1/startwf', kind: 'drop-after', probability: 1 }]);
			await assert.rejects(launchV1(), TypeError);
			const ledger = await sandbox.control.ledger();
			assert.deepEqual(ledger.requests.map((r) => [r.status, r.fault, r.auth]), [[0, 'drop-after', 'ok']]);
			assert.deepEqual(ledger.records.map((r) => [r.type, r.externalId]), [['enboarderWorkflow', 'DROP-1']]);
			await sandbox.control.clearFaults();
			assert.equal((await launchV1()).status, 200);
			assert.equal((await sandbox.control.ledger()).records.filter((r) => r.externalId === 'DROP-1').length, 2);
		});

		test("'delay' waits delayMs, then answers normally", async () => {
			await sandbox.control.setFaults([{ vendor: 'enboarder', kind: 'delay', delayMs: 300, probability: 1 }]);
			const delayed = await reports();
			assert.equal(delayed.status, 200);
			assert.ok(delayed.ms >= 290, `took ${delayed.ms} ms`);
			assert.equal((await sandbox.control.ledger()).requests[0].fault, 'delay');
		});

		test('probability is decided by the seeded PRNG: same seed, same faults', async () => {
			const statuses = async (target: Sandbox): Promise<number[]> => {
				await target.control.setFaults([{ kind: '500', probability: 0.5 }]);
				const out: number[] = [];
				for (let i = 0; i < 60; i++) out.push((await call(`${vendorBaseUrls(target.url).enboarder}/reports/forms`, { headers: apiKeyHeader })).status);
				return out;
			};
			const twin = await startSandbox({ port: 0 });
			try {
				const a = await statuses(sandbox);
				const b = await statuses(twin);
				assert.deepEqual(a, b);
				const faults = a.filter((status) => status === 500).length;
				assert.ok(faults > 10 && faults < 50, `${faults} of 60 faulted`);
			} finally {
				await twin.close();
			}
			await sandbox.control.setFaults([{ kind: '500', probability: 0 }]);
			for (let i = 0; i < 10; i++) assert.equal((await reports()).status, 200);
		});

		test('malformed rules are refused', async () => {
			await assert.rejects(sandbox.control.setFaults([{ kind: 'explode' } as never]));
			await assert.rejects(sandbox.control.setFaults([{ kind: '500', probability: 2 }]));
		});
	});

	describe('triggers', () => {
		const contacts = (token: string) => call(`${urls.enkash}/api/v0/customer/${SEED_FACTS.enkash.activeCustomerId}/contacts`, { headers: { Authorization: `Bearer ${token}` } });
		const enkashRefresh = (refreshToken: string) =>
			call(`${urls.enkash}/oauth/token`, { headers: { Authorization: enkashClientHeader }, form: { grant_type: 'refresh_token', refresh_token: refreshToken } });
		const enboarderReports = (token: string) => call(`${urls.enboarder}/reports/workflows`, { headers: { Authorization: token } });

		test("'revoke' fires as the Nth API request arrives: that request and the later ones are refused, the earlier ones were not", async () => {
			const token = await enkashToken(urls);
			const added = await sandbox.control.addTrigger({ vendor: 'enkash', afterRequests: 3, action: 'revoke' });
			assert.deepEqual(added, { id: 1, vendor: 'enkash', afterRequests: 3, action: 'revoke', seen: 0, firedAtSeq: [] });
			const statuses: number[] = [];
			for (let i = 0; i < 2; i++) statuses.push((await contacts(token)).status);
			await enkashLogin(urls); // a token request is not an API request: it does not count
			for (let i = 0; i < 3; i++) statuses.push((await contacts(token)).status);
			assert.deepEqual(statuses, [200, 200, 401, 401, 401]);
			const { requests } = await sandbox.control.ledger();
			const third = requests.filter((r) => r.kind === 'api')[2];
			assert.equal(third.auth, 'revoked');
			const [trigger] = await sandbox.control.triggers();
			assert.deepEqual([trigger.seen, trigger.firedAtSeq], [3, [third.seq]], 'a one-shot trigger counts no more once it fired');
		});

		test('under concurrent requests, the one that fires and every later arrival see the effect', async () => {
			const token = await enkashToken(urls);
			await sandbox.control.addTrigger({ vendor: 'enkash', afterRequests: 10, action: 'revoke' });
			await Promise.all(Array.from({ length: 25 }, () => contacts(token)));
			const [trigger] = await sandbox.control.triggers();
			assert.equal(trigger.firedAtSeq.length, 1);
			const api = (await sandbox.control.ledger()).requests.filter((r) => r.kind === 'api');
			assert.equal(api[9].seq, trigger.firedAtSeq[0], 'it fired on the 10th arrival');
			assert.deepEqual(api.slice(9).map((r) => r.status), Array(16).fill(401));
		});

		test("kind, method and path choose what counts; 'clear-faults' lets the Nth token request through", async () => {
			await sandbox.control.setFaults([{ vendor: 'enkash', path: '/oauth/token', kind: '503', probability: 1 }]);
			await sandbox.control.addTrigger({ vendor: 'enkash', kind: 'token', method: 'POST', path: '/oauth/token', afterRequests: 2, action: 'clear-faults' });
			const other = await sandbox.control.addTrigger({ vendor: 'enkash', path: '/api/v0/invoice', afterRequests: 1, action: 'revoke' });
			assert.equal((await enkashLogin(urls)).status, 503);
			assert.equal((await contacts('any')).status, 401, 'an API request on another path');
			assert.equal((await call(`${urls.partner}/api/bookings/x`)).status, 401, 'another vendor');
			assert.equal((await enkashLogin(urls)).status, 200, 'the second token request clears the faults before it meets them');
			const triggers = await sandbox.control.triggers();
			assert.deepEqual(triggers.map((t) => [t.seen, t.firedAtSeq.length]), [[2, 1], [0, 0]]);
			assert.equal(triggers[1].id, other.id);
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.fault, undefined);
		});

		test("once: false fires on every Nth request; 'expire' answers as an expired token", async () => {
			await sandbox.control.addTrigger({ vendor: 'enboarder', afterRequests: 2, action: 'expire', once: false });
			const statuses: number[] = [];
			for (let round = 0; round < 3; round++) {
				const token = await enboarderToken(urls);
				statuses.push((await enboarderReports(token)).status, (await enboarderReports(token)).status);
			}
			assert.deepEqual(statuses, [200, 401, 200, 401, 200, 401]);
			const { requests } = await sandbox.control.ledger();
			assert.deepEqual(requests.filter((r) => r.status === 401).map((r) => r.auth), ['expired', 'expired', 'expired']);
			const [trigger] = await sandbox.control.triggers();
			assert.deepEqual([trigger.seen, trigger.firedAtSeq], [6, requests.filter((r) => r.status === 401).map((r) => r.seq)]);
		});

		test("'revoke' leaves the refresh token working; 'revoke-with-refresh' does not", async () => {
			const login = await enkashLogin(urls);
			await sandbox.control.addTrigger({ vendor: 'enkash', afterRequests: 1, action: 'revoke' });
			assert.equal((await contacts(login.body.accessToken)).status, 401);
			const refreshed = await enkashRefresh(login.body.refreshToken);
			assert.equal(refreshed.status, 200);
			assert.equal((await contacts(refreshed.body.accessToken)).status, 200, 'the one-shot trigger does not fire again');
			await sandbox.control.addTrigger({ vendor: 'enkash', afterRequests: 1, action: 'revoke-with-refresh' });
			assert.equal((await contacts(refreshed.body.accessToken)).status, 401);
			assertEnkashError(await enkashRefresh(refreshed.body.refreshToken), 401, 'UNAUTHORIZED');
		});

		test('expireTokens ends live access tokens of one vendor now; refresh tokens and other vendors keep working', async () => {
			const login = await enkashLogin(urls);
			const enboarder = await enboarderToken(urls);
			await sandbox.control.revokeTokens('enkash');
			const fresh = await enkashLogin(urls);
			assert.deepEqual(await sandbox.control.expireTokens('enkash'), { expired: 1 }, 'only the live one: the revoked token stays revoked');
			assert.equal((await contacts(fresh.body.accessToken)).status, 401);
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'expired');
			assert.equal((await contacts(login.body.accessToken)).status, 401);
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'revoked');
			assert.equal((await enboarderReports(enboarder)).status, 200);
			assert.equal((await enkashRefresh(fresh.body.refreshToken)).status, 200);
			assert.deepEqual(await sandbox.control.expireTokens(), { expired: 2 }, 'every vendor: the refreshed Enkash token and the Enboarder one');
			await assert.rejects(sandbox.control.expireTokens('nobody' as never), /Unknown vendor/);
		});

		test('malformed triggers are refused; clearTriggers and reset remove them', async () => {
			const valid = { vendor: 'enkash', afterRequests: 1, action: 'revoke' } as const;
			for (const wrong of [
				{ ...valid, vendor: 'nobody' },
				{ ...valid, afterRequests: 0 },
				{ ...valid, afterRequests: 1.5 },
				{ ...valid, action: 'explode' },
				{ ...valid, kind: 'other' },
				{ ...valid, once: 'yes' },
				{ ...valid, path: 5 },
			]) {
				await assert.rejects(sandbox.control.addTrigger(wrong as never), Error, JSON.stringify(wrong));
			}
			await sandbox.control.addTrigger(valid);
			await sandbox.control.clearTriggers();
			assert.deepEqual(await sandbox.control.triggers(), []);
			await sandbox.control.addTrigger(valid);
			await sandbox.control.reset();
			assert.deepEqual(await sandbox.control.triggers(), []);
			const token = await enkashToken(urls);
			assert.equal((await contacts(token)).status, 200, 'a removed trigger never fires');
		});
	});

	test('latency delays every vendor request, not control requests', async () => {
		await sandbox.control.setLatency(200);
		const slow = await reports();
		assert.equal(slow.status, 200);
		assert.ok(slow.ms >= 190, `took ${slow.ms} ms`);
		const started = Date.now();
		await sandbox.control.stats();
		await call(`${sandbox.url}/__control/health`);
		assert.ok(Date.now() - started < 190);
		await sandbox.control.setLatency(0);
		assert.ok((await reports()).ms < 190);
	});

	describe('ledger and stats', () => {
		test('counts token requests per vendor and never stores secrets', async () => {
			const enboarder = await enboarderToken(urls);
			const partner = await partnerToken(urls);
			const enkash = await enkashToken(urls);
			const pat = await patTokens(urls);
			await call(`${urls.enboarder}/reports/forms`, { headers: { Authorization: enboarder } });
			await call(`${urls.enkash}/api/v0/customer/KCDEMOACTIVE0001/contacts`, { headers: { Authorization: `Bearer ${enkash}` } });
			await call(`${urls.pat}/api/me`, { headers: { Authorization: `Bearer ${DEMO_CREDENTIALS.pat.personalAccessToken}` } });
			await reports();
			const stats = await sandbox.control.stats();
			for (const vendor of ['enboarder', 'partner', 'enkash', 'pat'] as const) assert.equal(stats[vendor].tokenRequests, 1, vendor);
			assert.equal(stats.totals.tokenRequests, 4);
			assert.equal(stats.totals.requests, 9, 'authorize + 4 tokens + 4 API calls');
			const text = JSON.stringify(await sandbox.control.ledger());
			const secrets = [enboarder, partner, enkash, pat.access_token, pat.refresh_token, DEMO_CREDENTIALS.enkash.password, DEMO_CREDENTIALS.enboarder.apiKey, DEMO_CREDENTIALS.enboarder.clientSecret, DEMO_CREDENTIALS.partner.clientSecret, DEMO_CREDENTIALS.pat.personalAccessToken, DEMO_CREDENTIALS.pat.oauthClientSecret];
			for (const secret of secrets) assert.ok(!text.includes(secret), 'a secret leaked into the ledger');
			const entry = (await sandbox.control.ledger()).requests[0];
			assert.deepEqual(Object.keys(entry).sort(), ['at', 'auth', 'endedAt', 'grant', 'kind', 'method', 'path', 'seq', 'status', 'vendor']);
		});

		test('ledger(sinceSeq) returns only later entries; stats count 401, 403 and records', async () => {
			await reports();
			const { requests } = await sandbox.control.ledger();
			const since = requests[0].seq;
			await call(`${urls.enboarder}/reports/workflows`);
			const token = await enboarderToken(urls, { clientId: DEMO_CREDENTIALS.enboarder.limitedClientId, clientSecret: DEMO_CREDENTIALS.enboarder.limitedClientSecret });
			await call(`${urls.enboarder}/restapi/v2/profile/1`, { headers: { Authorization: token } });
			await launchV1();
			const later = await sandbox.control.ledger(since);
			assert.deepEqual(later.requests.map((r) => r.status), [401, 200, 403, 200]);
			assert.ok(later.requests.every((r) => r.seq > since));
			assert.equal(later.records.length, 1);
			assert.equal((await sandbox.control.ledger(later.records[0].seq)).records.length, 0);
			const stats = await sandbox.control.stats();
			assert.deepEqual(
				[stats.enboarder.requests, stats.enboarder.status401, stats.enboarder.status403, stats.enboarder.recordsCreated],
				[5, 1, 1, 1],
			);
		});
	});

	test('reset restores seed data and defaults', async () => {
		await call(`${urls.enboarder}/restapi/v1/profile/300`, { method: 'DELETE', headers: apiKeyHeader });
		await sandbox.control.setTokenLifetime('enkash', 1.5);
		await sandbox.control.setEnkashTokenCasing('snake');
		await sandbox.control.setLatency(50);
		for (let i = 0; i < 3; i++) await enkashLogin(urls, 'wrong');
		assert.equal((await sandbox.control.enkashAccount()).locked, true);
		await sandbox.control.reset();
		assert.equal((await call(`${urls.enboarder}/restapi/v1/profile/300`, { headers: apiKeyHeader })).status, 200);
		const login = await enkashLogin(urls);
		assert.equal(login.status, 200);
		assert.equal(login.body.expiresIn, 300);
		assert.deepEqual(await sandbox.control.enkashAccount(), { locked: false, consecutiveFailures: 0, loginAttempts: 1 });
		assert.equal((await sandbox.control.ledger()).requests.length, 2);
	});

	test('expires_in reports a fractional lifetime rounded up', async () => {
		await sandbox.control.setTokenLifetime('enkash', 1.5);
		assert.equal((await enkashLogin(urls)).body.expiresIn, 2);
		await assert.rejects(sandbox.control.setTokenLifetime('enkash', 0));
		await assert.rejects(sandbox.control.setTokenLifetime('nobody' as never, 10));
	});

	test('the same seed gives the same data; another seed different data', async () => {
		const firstCustomers = async (seed: number): Promise<string[]> => {
			const other = await startSandbox({ port: 0, seed });
			try {
				const otherUrls = urlsOf(other.url);
				const token = await enkashToken(otherUrls);
				const page = await call(`${otherUrls.enkash}/api/v0/customer/search?limit=5`, { headers: { Authorization: `Bearer ${token}` }, json: {} });
				return page.body.payload.content.map((customer: { customerId: string }) => customer.customerId);
			} finally {
				await other.close();
			}
		};
		const a = await firstCustomers(7);
		assert.deepEqual(await firstCustomers(7), a);
		assert.notDeepEqual(await firstCustomers(8), a);
	});

	test('requests outside every vendor prefix are 404 and not in the ledger', async () => {
		assert.equal((await call(`${sandbox.url}/nothing`)).status, 404);
		assert.equal((await call(`${sandbox.url}/__control/nothing`)).status, 404);
		assert.equal((await sandbox.control.ledger()).requests.length, 0);
	});
});

describe('SandboxClient against the CLI in another process', () => {
	let child: ReturnType<typeof spawn>;
	let output = '';
	let url: string;
	let client: SandboxClient;

	before(async () => {
		child = spawn(process.execPath, [join(__dirname, '..', '..', 'sandbox', 'cli.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		for (let waited = 0; !/Press Ctrl\+C/.test(output); waited += 50) {
			if (waited > 10_000 || child.exitCode !== null) throw new Error(`the CLI did not start:\n${output}`);
			await sleep(50);
		}
		url = /listening on (http:\/\/\S+)/.exec(output)![1];
		client = new SandboxClient(url);
	});
	after(() => {
		if (child.exitCode === null) child.kill('SIGKILL');
	});

	test('prints the base URL, every vendor URL and the demo credentials', () => {
		for (const value of Object.values(vendorBaseUrls(url))) assert.ok(output.includes(value), value);
		for (const credentials of Object.values(DEMO_CREDENTIALS)) {
			for (const value of Object.values(credentials)) if (typeof value === 'string') assert.ok(output.includes(value), value);
		}
	});

	test('offers the same methods as the in-process control', async () => {
		const inProcess = Object.getOwnPropertyNames(Object.getPrototypeOf((await startSandbox({ port: 0 }).then(async (s) => (await s.close(), s))).control));
		const methods: Array<keyof SandboxControlApi> = inProcess.filter((name) => name !== 'constructor') as Array<keyof SandboxControlApi>;
		for (const method of methods) assert.equal(typeof client[method], 'function', method);
		assert.equal(methods.length, 22);
	});

	test('drives the sandbox over HTTP', async () => {
		const urls = urlsOf(url);
		assert.equal((await client.health()).status, 'ok');
		await client.reset();
		await client.setTokenLifetime('enkash', 1);
		assert.equal((await enkashLogin(urls)).body.expiresIn, 1);
		await client.setEnkashTokenCasing('snake');
		assert.equal(typeof (await enkashLogin(urls)).body.access_token, 'string');
		for (let i = 0; i < 3; i++) await enkashLogin(urls, 'wrong');
		assert.deepEqual(await client.enkashAccount(), { locked: true, consecutiveFailures: 3, loginAttempts: 5 });
		await client.unlockEnkash();
		assert.equal((await client.enkashAccount()).locked, false);
		assert.deepEqual(await client.revokeTokens('enkash', { refreshTokens: true }), { revoked: 4 });

		await client.setFaults([{ vendor: 'partner', kind: '503', retryAfterSeconds: 2 }]);
		const faulted = await call(`${urls.partner}/api/bookings/x`);
		assert.deepEqual([faulted.status, faulted.headers.get('retry-after')], [503, '2']);
		await client.clearFaults();
		await client.setRateLimit({ vendor: 'partner', limit: 0, windowMs: 60_000, retryAfterSeconds: 3 });
		assert.equal((await call(`${urls.partner}/api/bookings/x`)).status, 429);
		await client.setRateLimit(null);
		await client.setConcurrencyLimit({ vendor: 'partner', limit: 0, retryAfterSeconds: 2 });
		const atOnce = await call(`${urls.partner}/api/bookings/x`);
		assert.deepEqual([atOnce.status, atOnce.headers.get('retry-after')], [429, '2']);
		await client.setConcurrencyLimit(null);
		assert.equal((await client.openRequests()).partner.open, 0);
		await client.setLatency(100);
		assert.ok((await reportsAt(urls)).ms >= 90);
		await client.setLatency(0);
		const trigger = await client.addTrigger({ vendor: 'enboarder', afterRequests: 1, action: 'revoke', path: '/reports/' });
		assert.equal((await reportsAt(urls)).status, 200, 'an API key is not a token: a revocation leaves it working');
		assert.deepEqual((await client.triggers()).map((t) => [t.id, t.seen, t.firedAtSeq.length]), [[trigger.id, 1, 1]]);
		await client.clearTriggers();
		assert.deepEqual(await client.triggers(), []);
		await assert.rejects(client.addTrigger({ vendor: 'enboarder', afterRequests: 0, action: 'revoke' }), /afterRequests/);
		assert.deepEqual(await client.expireTokens('enkash'), { expired: 0 }, 'every Enkash token was revoked above');

		const started = Date.now();
		const seeded = await client.seedEnkashInvoices(50_000);
		assert.ok(Date.now() - started < 5000, `seeding took ${Date.now() - started} ms`);
		assert.deepEqual(seeded, { added: 50_000, total: 55_000, firstInvoiceId: 'EKINV1000005001', lastInvoiceId: 'EKINV1000055000' });
		await client.seedEnboarderReportRows('wf-onboarding', 10);
		assert.equal((await call(`${urls.enboarder}/reports/workflows/wf-onboarding/data`, { headers: apiKeyHeader })).body.count, 10);

		const ledger = await client.ledger();
		assert.equal(ledger.requests.length, 11);
		assert.equal((await client.ledger(ledger.requests.at(-1)!.seq)).requests.length, 0);
		const stats = await client.stats();
		assert.equal(stats.enkash.tokenRequests, 5);
		assert.equal(stats.partner.status429, 2, 'the rate limit and the concurrency limit');
		const unknownToken = async () => (await call(`${urls.enkash}/api/v0/customer/search`, { headers: { Authorization: 'Bearer nope' }, json: {} })).body;
		await client.setEnkashExpiryInBody();
		assert.deepEqual([(await unknownToken()).response_code, (await unknownToken()).errorResponse.errorType], [200, 'UNAUTHORIZED']);
		await client.setEnkashExpiryInBody(403);
		assert.equal((await unknownToken()).response_code, 403);
		await client.setEnkashExpiryInBody(null);
		assert.equal((await unknownToken()).response_code, 401);
		await assert.rejects(client.setEnkashExpiryInBody(42), /status must be/);
		await assert.rejects(client.setTokenLifetime('nobody' as never, 5), /Unknown vendor/);
		await assert.rejects(client.seedEnboarderReportRows('nope', 5), /Unknown Enboarder report/);
	});

	test('stops cleanly on SIGTERM', async () => {
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		child.kill('SIGTERM');
		assert.equal(await exited, 0);
	});
});

function reportsAt(urls: VendorBaseUrls) {
	return call(`${urls.enboarder}/reports/workflows`, { headers: apiKeyHeader });
}
