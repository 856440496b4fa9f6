/**
 * The package in each n8n release we claim (scripts/n8n-app.mjs COMPAT_RELEASES): the last 1.x and
 * the last 2.x on Node 20, and the pinned newest 2.x on Node 24, each a real install with the Node
 * it needs. Per release, in one user folder: the package installs as a community package, the
 * Enkash create-invoice and Enboarder list examples run headless, n8n's own credential Test passes
 * through its REST API, and the token figures (token requests and 401s, counted from the sandbox's
 * ledger) are asserted and printed side by side, since they are what differs first when n8n
 * changes how it calls a credential. Then what a user gets when the vendor says more than a status
 * (issue 15): Enkash's words for an error in its body, a token refusal in the body, 429s with a
 * Retry-After, and the words for a refused OAuth2 token request; older releases lose the HTTP
 * client's error (and with it the response's headers) inside n8n's NodeApiError.
 *
 * Releases: N8N_COMPAT=all (default), oldest, newest, or a comma-separated list of versions. The
 * first run installs each release (about 5 minutes each) into `.n8n-compat/<version>/`.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import type { RequestEntry } from '../../sandbox/types';
import { repoRoot } from '../harness/packageTypes';
import { enkashCredentialData } from '../harness/sandboxCredentials';
import { assertRan, log, n8nAppScript, prepareN8n, type Credential, type PreparedN8n } from '../e2e/support';

/**
 * The releases, oldest first. A copy of scripts/n8n-app.mjs COMPAT_RELEASES, because the tests are
 * declared synchronously and CommonJS cannot load that ES module without awaiting; the last test
 * checks the two agree.
 */
const RELEASES: Release[] = [
	{ n8n: '1.123.81', node: '20.20.2', knowsNoResendOption: false, keepsResponseHeaders: false },
	{ n8n: '2.8.4', node: '20.20.2', knowsNoResendOption: false, keepsResponseHeaders: false },
	{ n8n: '2.41.1', node: '24.21.0', knowsNoResendOption: true, keepsResponseHeaders: true },
];

interface Release {
	n8n: string;
	node: string;
	/**
	 * Whether n8n-core's httpRequestWithAuthentication takes `preAuthenticationRetryStatusCode`
	 * (read in each release's n8n-core: 1.123.81 and 2.8.4 resend after every 401, 2.41 only on the
	 * codes given, default 401).
	 */
	knowsNoResendOption: boolean;
	/**
	 * Whether a request's NodeApiError still holds the HTTP client's error (`cause`), and with it the
	 * response's headers (Retry-After). n8n-workflow 1.123 and 2.8 drop an Error cause
	 * (ExecutionBaseError re-declares `cause` as a class field); only the status (`httpCode`) and a
	 * JSON object body (`context.data`) remain.
	 */
	keepsResponseHeaders: boolean;
}

function selectedReleases(): Release[] {
	const wanted = (process.env.N8N_COMPAT ?? 'all').trim();
	if (wanted === 'all' || wanted === '') return RELEASES;
	if (wanted === 'oldest') return RELEASES.slice(0, 1);
	if (wanted === 'newest') return RELEASES.slice(-1);
	const versions = wanted.split(',').map((version) => version.trim());
	const unknown = versions.filter((version) => !RELEASES.some((release) => release.n8n === version));
	if (unknown.length > 0) throw new Error(`N8N_COMPAT names unknown releases: ${unknown.join(', ')} (known: ${RELEASES.map((r) => r.n8n).join(', ')})`);
	return RELEASES.filter((release) => versions.includes(release.n8n));
}

/** What one step cost at the vendor, from the sandbox's ledger. */
interface Count {
	tokenRequests: number;
	unauthorized: number;
	requests: number;
}

/** What a user got when the vendor said more than a status (issue 15). */
interface Said {
	/** The item's error (Continue on Fail) for Enkash's RECORD_NOT_FOUND with HTTP 404. */
	enkashWords?: string;
	/** Enkash refused the token in a 400's body: token requests, refused requests, accepted requests. */
	refusedInBody?: { tokenRequests: number; refused: number; accepted: number };
	/** 429 with Retry-After: the 429s, and the seconds between each and the resend (from the ledger). */
	rateLimited?: { tooMany: number; waits: number[] };
	/** The run's error for Enboarder OAuth2 with a wrong client secret. */
	oauth2WrongSecret?: string;
}

interface Figures extends Said {
	fresh?: Count;
	expired?: Count;
	wrongKey?: Count;
	credentialTest?: Count;
	setupSeconds?: number;
	testSeconds?: number;
}

/**
 * The numbers every release must show. They are the same everywhere but one: a wrong static API
 * key. We tell n8n not to resend after a 401 on it (`preAuthenticationRetryStatusCode: []`), an
 * option older n8n does not know; those resend every refused request once after trying to renew
 * the credential (there is nothing to renew), so the vendor sees the wrong key twice. The user
 * gets the same error either way.
 */
function expected(release: Release): Required<Omit<Figures, 'setupSeconds' | 'testSeconds' | keyof Said>> {
	const resendsStaticKey = !release.knowsNoResendOption;
	return {
		// A fresh credential: one password login, then the token is reused.
		fresh: { tokenRequests: 1, unauthorized: 0, requests: 0 },
		// The vendor ended the saved token early: one 401, one renewal (refresh grant), one resend.
		expired: { tokenRequests: 1, unauthorized: 1, requests: 0 },
		wrongKey: { tokenRequests: 0, unauthorized: resendsStaticKey ? 2 : 1, requests: resendsStaticKey ? 2 : 1 },
		// The Test of a fresh Enkash credential: one login, then the test request.
		credentialTest: { tokenRequests: 1, unauthorized: 0, requests: 0 },
	};
}

const figures = new Map<string, Figures>();
const ROOT = repoRoot();
const example = (file: string) => JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as { nodes: Array<{ name: string; credentials?: Record<string, { id: string; name: string }> }> };
const OWNER = { email: 'owner@example.com', firstName: 'Compat', lastName: 'Owner', password: 'Compat-Owner-1' };

async function mark(sandbox: Sandbox): Promise<number> {
	const { requests, records } = await sandbox.control.ledger();
	return Math.max(0, ...requests.map((entry) => entry.seq), ...records.map((entry) => entry.seq));
}

/** Counts what the sandbox received since `since`: token requests, 401s, and requests to `path` (when given). */
async function countSince(sandbox: Sandbox, since: number, vendor: RequestEntry['vendor'], path?: string): Promise<Count & { entries: RequestEntry[] }> {
	const entries = (await sandbox.control.ledger(since)).requests.filter((entry) => entry.vendor === vendor);
	return {
		tokenRequests: entries.filter((entry) => entry.kind === 'token').length,
		unauthorized: entries.filter((entry) => entry.status === 401).length,
		requests: path === undefined ? 0 : entries.filter((entry) => entry.path.endsWith(path)).length,
		entries,
	};
}

const count = ({ tokenRequests, unauthorized, requests }: Count): Count => ({ tokenRequests, unauthorized, requests });

/** What every release must give for issue 15's cases (the same words and counts as the engine tests). */
const ENKASH_NOT_FOUND = 'Enkash RECORD_NOT_FOUND: Customer KCNOSUCHCUSTOMER not found';
const OAUTH2_WRONG_SECRET = 'Enboarder refused the token request (HTTP 401: Client authentication failed)';
/** The Retry-After the sandbox sends with each 429, and how many 429s come before the answer. */
const RETRY_AFTER_SECONDS = 2;
const TOO_MANY = 2;

/** A workflow of one node after the manual trigger. */
function oneNodeWorkflow(id: string, name: string, node: Record<string, unknown>): Record<string, unknown> {
	const trigger = { parameters: {}, id: `${id}-trigger`, name: "When clicking 'Execute workflow'", type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };
	return {
		id,
		name,
		nodes: [trigger, { id: `${id}-node`, typeVersion: 1, position: [240, 0], ...node }],
		connections: { [trigger.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

for (const release of selectedReleases()) {
	describe(`n8n ${release.n8n} on Node ${release.node}`, { concurrency: false }, () => {
		let n8n: PreparedN8n;
		let sandbox: Sandbox;
		const own: Figures = {};
		let testsStarted = 0;
		figures.set(release.n8n, own);

		before(
			async () => {
				const started = Date.now();
				n8n = await prepareN8n({ n8nVersion: release.n8n });
				assert.equal(n8n.app.n8nVersion, release.n8n);
				assert.equal(n8n.app.nodeVersion, release.node);
				sandbox = await startSandbox({ port: 0 });
				const urls = vendorBaseUrls(sandbox.url);
				const enboarder = (id: string, apiKey: string): Credential => ({ id, name: id, type: 'enboarderApi', data: { region: 'custom', baseUrl: urls.enboarder, apiKey } });
				await n8n.lib.importCredentials(n8n.app, {
					env: n8n.env,
					userFolder: n8n.userFolder,
					credentials: [
						{ id: 'sandbox-enkash', name: 'Enkash sandbox', type: 'enkashApi', data: enkashCredentialData(sandbox.url) },
						{ id: 'compat-enkash-test', name: 'Enkash (for the Test)', type: 'enkashApi', data: enkashCredentialData(sandbox.url) },
						enboarder('sandbox-enboarder', DEMO_CREDENTIALS.enboarder.apiKey),
						enboarder('compat-wrong-key', 'not-the-sandbox-key'),
						{
							id: 'compat-oauth2-wrong-secret',
							name: 'Enboarder OAuth2 with a wrong secret',
							type: 'enboarderOAuth2Api',
							data: { region: 'custom', baseUrl: urls.enboarder, tokenUrl: urls.enboarderTokenUrl, clientId: DEMO_CREDENTIALS.enboarder.clientId, clientSecret: 'not-the-sandbox-secret' },
						},
					],
				});
				const enboarderExample = example('enboarder-list-report-workflows.json');
				await n8n.lib.importWorkflows(n8n.app, {
					env: n8n.env,
					userFolder: n8n.userFolder,
					workflows: [
						{ ...example('enkash-create-invoice.json'), id: 'compatEnkashCreate' },
						{ ...enboarderExample, id: 'compatEnboarderList' },
						{
							...enboarderExample,
							id: 'compatWrongKey',
							name: 'Enboarder with a wrong API key',
							nodes: enboarderExample.nodes.map((node) => (node.credentials ? { ...node, credentials: { enboarderApi: { id: 'compat-wrong-key', name: 'compat-wrong-key' } } } : node)),
						},
						{ ...example('enkash-get-invoice.json'), id: 'compatEnkashGet' },
						oneNodeWorkflow('compatEnkashNotFound', 'Enkash: deactivate an unknown customer', {
							name: 'Deactivate',
							type: 'n8n-nodes-token-connectors.enkash',
							parameters: { resource: 'customer', operation: 'deactivate', customerId: { __rl: true, mode: 'id', value: 'KCNOSUCHCUSTOMER' } },
							credentials: { enkashApi: { id: 'sandbox-enkash', name: 'Enkash sandbox' } },
							onError: 'continueRegularOutput',
						}),
						oneNodeWorkflow('compatOAuth2WrongSecret', 'Enboarder OAuth2 with a wrong client secret', {
							name: 'List Report Workflows',
							type: 'n8n-nodes-token-connectors.enboarder',
							parameters: { authentication: 'oAuth2', resource: 'report', operation: 'listWorkflows', returnAll: true },
							credentials: { enboarderOAuth2Api: { id: 'compat-oauth2-wrong-secret', name: 'Enboarder OAuth2 with a wrong secret' } },
						}),
					],
				});
				own.setupSeconds = Math.round((Date.now() - started) / 1000);
				testsStarted = Date.now();
				log(`n8n ${release.n8n}: set-up (install when missing, package, imports) took ${own.setupSeconds}s`);
			},
			// The first run installs the release (about 5 minutes; more on a busy machine).
			{ timeout: 25 * 60_000 },
		);

		after(async () => {
			if (testsStarted > 0) own.testSeconds = Math.round((Date.now() - testsStarted) / 1000);
			await sandbox?.close();
			n8n?.dispose();
		});

		test('the Enkash create-invoice example: one login, and after the vendor ends the token, one 401 and one renewal', { timeout: 5 * 60_000 }, async () => {
			let since = await mark(sandbox);
			const first = await n8n.execute('compatEnkashCreate');
			assertRan(first, `n8n ${release.n8n}: create invoice`);
			const [invoice] = n8n.lib.nodeOutputJson(first.run, 'Create Invoice') ?? [];
			assert.match(String(invoice?.invoiceId), /^EKINV\d{10}$/);
			const fresh = await countSince(sandbox, since, 'enkash');
			own.fresh = count(fresh);
			assert.deepEqual(own.fresh, expected(release).fresh, JSON.stringify(fresh.entries));
			assert.deepEqual(fresh.entries.filter((entry) => entry.kind === 'token').map((entry) => entry.grant), ['password']);

			// The token n8n saved in the credential is still within its lifetime, but the vendor ends it.
			await sandbox.control.expireTokens('enkash');
			since = await mark(sandbox);
			const second = await n8n.execute('compatEnkashCreate');
			assertRan(second, `n8n ${release.n8n}: create invoice after the token expired`);
			assert.equal(n8n.lib.nodeOutputJson(second.run, 'Create Invoice')?.[0]?.invoiceId, invoice?.invoiceId, 'the re-run finds the same invoice');
			const expired = await countSince(sandbox, since, 'enkash');
			own.expired = count(expired);
			assert.deepEqual(own.expired, expected(release).expired, JSON.stringify(expired.entries));
			assert.deepEqual(expired.entries.filter((entry) => entry.kind === 'token').map((entry) => entry.grant), ['refresh_token'], 'renewed with the refresh token, not a second password login');
			const invoices = (await sandbox.control.ledger()).records.filter((record) => record.vendor === 'enkash' && record.type === 'invoice');
			assert.equal(invoices.length, 1, 'one invoice, however often the example ran');
		});

		test('the Enboarder example lists the workflow reports; a wrong API key fails with an authorization error', { timeout: 5 * 60_000 }, async () => {
			const good = await n8n.execute('compatEnboarderList');
			assertRan(good, `n8n ${release.n8n}: Enboarder list`);
			const items = n8n.lib.nodeOutputJson(good.run, 'List Report Workflows') ?? [];
			assert.ok(items.length > 0 && items.every((item) => typeof item.id === 'string' && typeof item.isActive === 'boolean'), JSON.stringify(items).slice(0, 500));

			const since = await mark(sandbox);
			const wrong = await n8n.execute('compatWrongKey');
			assert.equal(wrong.ok, false, 'the run fails');
			const text = [wrong.error?.message, wrong.error?.description, wrong.error?.httpCode, ...(wrong.error?.messages ?? [])].join(' ');
			assert.match(text, /401|authori[sz]/i, `n8n's error: ${text}\n${wrong.stdout.slice(-2000)}`);
			assert.equal(wrong.error?.node?.type, 'n8n-nodes-token-connectors.enboarder');
			const refused = await countSince(sandbox, since, 'enboarder', '/reports/workflows');
			own.wrongKey = count(refused);
			assert.deepEqual(own.wrongKey, expected(release).wrongKey, JSON.stringify(refused.entries));
		});

		test("an error Enkash answers in its body (404 RECORD_NOT_FOUND): the item's error is Enkash's own words", { timeout: 5 * 60_000 }, async () => {
			const run = await n8n.execute('compatEnkashNotFound');
			assertRan(run, `n8n ${release.n8n}: Enkash unknown customer (Continue on Fail)`);
			const [item] = n8n.lib.nodeOutputJson(run.run, 'Deactivate') ?? [];
			own.enkashWords = String(item?.error);
			assert.equal(item?.error, ENKASH_NOT_FOUND, JSON.stringify(item));
			assert.match(String(item?.description), /Enkash request ID: \S+/, JSON.stringify(item));
		});

		test('Enkash refuses the token in the body of a 400: one renewal, one resend, the run succeeds', { timeout: 5 * 60_000 }, async () => {
			// The token n8n saved is still within its lifetime; Enkash revokes it and says so in a 400's body.
			await sandbox.control.setEnkashExpiryInBody(400);
			await sandbox.control.revokeTokens('enkash');
			try {
				const since = await mark(sandbox);
				const run = await n8n.execute('compatEnkashGet');
				const { entries } = await countSince(sandbox, since, 'enkash');
				const api = entries.filter((entry) => entry.kind === 'api');
				own.refusedInBody = {
					tokenRequests: entries.filter((entry) => entry.kind === 'token').length,
					refused: api.filter((entry) => entry.auth !== 'ok').length,
					accepted: api.filter((entry) => entry.auth === 'ok').length,
				};
				assertRan(run, `n8n ${release.n8n}: Enkash get invoice after the token was refused in the body`);
				assert.equal(n8n.lib.nodeOutputJson(run.run, 'Get Invoice')?.[0]?.invoiceId, 'EKINV1000000001');
				assert.deepEqual(own.refusedInBody, { tokenRequests: 1, refused: 1, accepted: 1 }, JSON.stringify(entries));
				assert.deepEqual(entries.filter((entry) => entry.kind === 'token').map((entry) => entry.grant), ['refresh_token']);
				assert.ok(api.filter((entry) => entry.auth !== 'ok').every((entry) => entry.status === 400), JSON.stringify(entries));
			} finally {
				await sandbox.control.setEnkashExpiryInBody(null);
			}
		});

		test(`429 with Retry-After ${RETRY_AFTER_SECONDS} s, ${TOO_MANY} times: the run succeeds`, { timeout: 5 * 60_000 }, async () => {
			const path = '/api/v0/invoice/EKINV';
			await sandbox.control.setFaults([{ vendor: 'enkash', path, kind: '429', retryAfterSeconds: RETRY_AFTER_SECONDS }]);
			// Counted, not timed: the request after the last 429 clears the fault before it is answered.
			await sandbox.control.addTrigger({ vendor: 'enkash', path, afterRequests: TOO_MANY + 1, action: 'clear-faults' });
			try {
				const since = await mark(sandbox);
				const run = await n8n.execute('compatEnkashGet');
				const api = (await countSince(sandbox, since, 'enkash')).entries.filter((entry) => entry.kind === 'api');
				own.rateLimited = {
					tooMany: api.filter((entry) => entry.status === 429).length,
					waits: api.slice(1).map((entry, index) => Math.round((entry.at - api[index].at) / 100) / 10),
				};
				assertRan(run, `n8n ${release.n8n}: Enkash get invoice through ${TOO_MANY} 429s`);
				assert.equal(n8n.lib.nodeOutputJson(run.run, 'Get Invoice')?.[0]?.invoiceId, 'EKINV1000000001');
				assert.deepEqual(api.map((entry) => entry.status), [...Array(TOO_MANY).fill(429), 200], JSON.stringify(api));
				// Where the release keeps the response's headers, the resend waits for Retry-After (a lower
				// bound only: a busy machine waits longer, never shorter).
				if (release.keepsResponseHeaders) assert.ok(own.rateLimited.waits.every((wait) => wait >= RETRY_AFTER_SECONDS - 0.5), `waits ${own.rateLimited.waits.join(', ')} s`);
			} finally {
				await sandbox.control.clearFaults();
				await sandbox.control.clearTriggers();
			}
		});

		test("Enboarder OAuth2 with a wrong client secret: our token request's words, not n8n's generic ones", { timeout: 5 * 60_000 }, async () => {
			const run = await n8n.execute('compatOAuth2WrongSecret');
			assert.equal(run.ok, false, 'the run fails');
			own.oauth2WrongSecret = String(run.error?.message);
			assert.equal(run.error?.message, OAUTH2_WRONG_SECRET, `${JSON.stringify(run.error)}\n${run.stdout.slice(-2000)}`);
		});

		test("n8n's credential Test (REST API of a started n8n): Enkash and Enboarder pass, a wrong API key fails", { timeout: 5 * 60_000 }, async () => {
			const server = await n8n.lib.startN8nServer(n8n.app, { env: n8n.env, userFolder: n8n.userFolder });
			try {
				// The first owner is set up on a fresh instance without signing in, as the set-up page does.
				const setup = await fetch(`${server.baseUrl}/rest/owner/setup`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(OWNER),
				});
				assert.equal(setup.status, 200, await setup.clone().text());
				const cookie = (setup.headers.getSetCookie?.() ?? []).map((value) => value.split(';')[0]).join('; ');
				assert.ok(cookie.includes('n8n-auth'), 'owner set-up signs the owner in');

				// What the editor sends when Test is pressed on a saved credential: its id and its fields.
				const testCredential = async (credential: Credential) => {
					const response = await fetch(`${server.baseUrl}/rest/credentials/test`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', cookie },
						body: JSON.stringify({ credentials: credential }),
					});
					const body = (await response.json()) as { data?: { status?: string; message?: string } };
					assert.equal(response.status, 200, JSON.stringify(body));
					return body.data ?? {};
				};
				const urls = vendorBaseUrls(sandbox.url);
				const since = await mark(sandbox);
				const enkash = await testCredential({ id: 'compat-enkash-test', name: 'Enkash (for the Test)', type: 'enkashApi', data: enkashCredentialData(sandbox.url) });
				assert.equal(enkash.status, 'OK', JSON.stringify(enkash));
				own.credentialTest = count(await countSince(sandbox, since, 'enkash'));
				assert.deepEqual(own.credentialTest, expected(release).credentialTest);

				const enboarder = await testCredential({ id: 'sandbox-enboarder', name: 'sandbox-enboarder', type: 'enboarderApi', data: { region: 'custom', baseUrl: urls.enboarder, apiKey: DEMO_CREDENTIALS.enboarder.apiKey } });
				assert.equal(enboarder.status, 'OK', JSON.stringify(enboarder));
				const wrong = await testCredential({ id: 'compat-wrong-key', name: 'compat-wrong-key', type: 'enboarderApi', data: { region: 'custom', baseUrl: urls.enboarder, apiKey: 'not-the-sandbox-key' } });
				assert.equal(wrong.status, 'Error', JSON.stringify(wrong));
			} catch (error) {
				log(`n8n ${release.n8n} log (tail):\n${server.output().split('\n').slice(-30).join('\n')}`);
				throw error;
			} finally {
				await server.stop();
			}
		});
	});
}

/** The figures side by side, one column per release; README's Compatibility section shows this table. */
after(() => {
	const releases = selectedReleases().filter((release) => figures.get(release.n8n)?.fresh !== undefined);
	if (releases.length === 0) return;
	const cell = (value: Count | undefined, pick: (count: Count) => string) => (value === undefined ? '–' : pick(value));
	const rows: Array<[string, (f: Figures) => string]> = [
		['Enkash create invoice, fresh credential: token requests / 401s', (f) => cell(f.fresh, (c) => `${c.tokenRequests} / ${c.unauthorized}`)],
		['same, token ended by the vendor: token requests / 401s', (f) => cell(f.expired, (c) => `${c.tokenRequests} / ${c.unauthorized}`)],
		['Enboarder wrong API key: requests sent / 401s', (f) => cell(f.wrongKey, (c) => `${c.requests} / ${c.unauthorized}`)],
		['credential Test (Enkash): token requests / 401s', (f) => cell(f.credentialTest, (c) => `${c.tokenRequests} / ${c.unauthorized}`)],
		["Enkash 404 RECORD_NOT_FOUND: the item's error", (f) => f.enkashWords ?? '–'],
		['Enkash token refused in a 400 body: token requests / refused / accepted', (f) => (f.refusedInBody ? `${f.refusedInBody.tokenRequests} / ${f.refusedInBody.refused} / ${f.refusedInBody.accepted}` : '–')],
		[`${TOO_MANY} × 429 with Retry-After ${RETRY_AFTER_SECONDS} s: 429s / s waited before each resend`, (f) => (f.rateLimited ? `${f.rateLimited.tooMany} / ${f.rateLimited.waits.join(', ')}` : '–')],
		['Enboarder OAuth2, wrong client secret: the error', (f) => f.oauth2WrongSecret ?? '–'],
		['set-up s (install when missing) / tests s', (f) => `${f.setupSeconds ?? '–'} / ${f.testSeconds ?? '–'}`],
	];
	const header = `| | ${releases.map((release) => `n8n ${release.n8n} (Node ${release.node})`).join(' | ')} |`;
	const lines = [header, `|---|${releases.map(() => '---').join('|')}|`];
	for (const [label, pick] of rows) lines.push(`| ${label} | ${releases.map((release) => pick(figures.get(release.n8n) ?? {})).join(' | ')} |`);
	console.log(`\n${lines.join('\n')}\n`);
});

/** The releases here and scripts/n8n-app.mjs must not drift apart (this file cannot import it synchronously). */
test('the releases tested are the ones scripts/n8n-app.mjs installs', async () => {
	const script = await n8nAppScript();
	assert.deepEqual(
		script.COMPAT_RELEASES.map((release) => ({ n8n: release.n8n, node: release.node })),
		RELEASES.map((release) => ({ n8n: release.n8n, node: release.node })),
	);
	assert.equal(RELEASES.at(-1)?.n8n, script.N8N_VERSION, 'the newest release is the pinned app');
});
