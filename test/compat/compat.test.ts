/**
 * The package in each n8n release we claim (scripts/n8n-app.mjs COMPAT_RELEASES): the last 1.x and
 * the last 2.x on Node 20, and the pinned newest 2.x on Node 24, each a real install with the Node
 * it needs, and in each release every way n8n documents to install a community package
 * (scripts/e2e-lib.mjs INSTALL_WAYS): as Settings → Community Nodes installs it (n8n's own
 * n8n-workflow), and the manual `npm install <package>` in ~/.n8n/nodes (an n8n-workflow of its own,
 * whose error classes are not n8n's: issue 22).
 *
 * Per release and way, in one user folder: the package installs, the Enkash create-invoice and
 * Enboarder list examples run headless, a token the vendor ends mid-run is renewed, a wrong password
 * costs exactly one login, n8n's own credential Test passes through its REST API and each trigger
 * fetches its test event there (what the editor's "Fetch Test Event" sends), and the token figures
 * (token requests and 401s, counted from the sandbox's ledger) are asserted and printed side by
 * side, since they are what differs first when n8n changes how it calls a credential. Then what a
 * user gets when the vendor says more than a status (issue 15): Enkash's words for an error in its
 * body, a token refusal in the body, 429s with a Retry-After, and the words for a refused OAuth2
 * token request; older releases lose the HTTP client's error (and with it the response's headers)
 * inside n8n's NodeApiError.
 *
 * Selection: N8N_COMPAT=all (default), oldest, newest, or a comma-separated list of versions, each
 * optionally with `@<install way>` (`2.41.1@manual`); without one, every way runs. The first run
 * installs each release (about 5 minutes each) into `.n8n-compat/<version>/`.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, SEED_FACTS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import type { RequestEntry } from '../../sandbox/types';
import { repoRoot } from '../harness/packageTypes';
import { enkashCredentialData } from '../harness/sandboxCredentials';
import { assertRan, importEsm, log, n8nAppScript, prepareN8n, type Credential, type InstallWay, type PreparedN8n } from '../e2e/support';

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

/** Every way n8n documents to install a community package (a copy of scripts/e2e-lib.mjs INSTALL_WAYS; the last test checks they agree). */
const INSTALL_WAYS: InstallWay[] = ['community-nodes', 'manual'];
const WAY_LABEL: Record<InstallWay, string> = { 'community-nodes': 'Settings → Community Nodes', manual: 'manual npm install' };

/** One release installed one way. */
interface Setup {
	release: Release;
	way: InstallWay;
	/** Figures key and column label. */
	label: string;
}

/** What N8N_COMPAT selects, oldest release first, each release's ways in INSTALL_WAYS order. */
function selectedSetups(): Setup[] {
	const wanted = (process.env.N8N_COMPAT ?? 'all').trim() || 'all';
	const setups: Setup[] = [];
	for (const entry of wanted.split(',').map((part) => part.trim())) {
		const [which, way] = entry.split('@');
		const releases = which === 'all' ? RELEASES : which === 'oldest' ? RELEASES.slice(0, 1) : which === 'newest' ? RELEASES.slice(-1) : RELEASES.filter((release) => release.n8n === which);
		if (releases.length === 0) throw new Error(`N8N_COMPAT names an unknown release: ${which} (known: ${RELEASES.map((r) => r.n8n).join(', ')}, all, oldest, newest)`);
		if (way !== undefined && !INSTALL_WAYS.includes(way as InstallWay)) throw new Error(`N8N_COMPAT names an unknown install way: ${way} (known: ${INSTALL_WAYS.join(', ')})`);
		for (const release of releases) {
			for (const chosen of way === undefined ? INSTALL_WAYS : [way as InstallWay]) {
				const label = `n8n ${release.n8n} (Node ${release.node}), ${WAY_LABEL[chosen]}`;
				if (!setups.some((setup) => setup.label === label)) setups.push({ release, way: chosen, label });
			}
		}
	}
	const order = (setup: Setup) => RELEASES.indexOf(setup.release) * INSTALL_WAYS.length + INSTALL_WAYS.indexOf(setup.way);
	return setups.sort((a, b) => order(a) - order(b));
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
	/** The n8n-workflow our package resolved: its own copy's version (manual install), or n8n's. */
	packageN8nWorkflow?: string;
	fresh?: Count;
	expired?: Count;
	/** The token revoked after the 4th of 10 reads in one run: refresh requests, 401s, items returned. */
	midRun?: { renewals: number; unauthorized: number; items: number };
	/** A wrong password over two executions: token requests (logins) sent. */
	wrongPassword?: number;
	/** The triggers' test events (Fetch Test Event): items returned by the Enkash and the Enboarder Trigger. */
	testEvents?: { enkash: number; enboarder: number };
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
function expected(release: Release): Required<Pick<Figures, 'fresh' | 'expired' | 'wrongKey' | 'credentialTest'>> {
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

/** n8n's REST API returns an execution's data as `flatted` text; the release's own copy reads it. */
function flatted(app: PreparedN8n['app']): { parse(text: string): unknown } {
	return createRequire(join(app.appDir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };
}
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

/** Ten invoices of the sandbox's seed: read in one run while the vendor ends the token after the fourth read. */
const MID_RUN_INVOICES = Array.from({ length: 10 }, (_, index) => `EKINV${1000000001 + index}`);
const REVOKE_AFTER_READS = 4;

/**
 * A workflow that reads `invoiceIds` with Enkash's Get Invoice, one item each: n8n's Manual Trigger,
 * Edit Fields (a JSON list) and Split Out, as a user builds it, then the node as the example has it.
 */
function readInvoices(id: string, name: string, credentialId: string, invoiceIds: string[]): Record<string, unknown> {
	const getInvoice = example('enkash-get-invoice.json').nodes.find((node) => node.name === 'Get Invoice') as unknown as Record<string, unknown> & { parameters: Record<string, unknown> };
	const nodes: Array<Record<string, unknown> & { name: string }> = [
		{ parameters: {}, id: `${id}-trigger`, name: "When clicking 'Execute workflow'", type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{ parameters: { mode: 'raw', jsonOutput: JSON.stringify({ invoiceIds }), options: {} }, id: `${id}-list`, name: 'Invoice IDs', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0] },
		{ parameters: { fieldToSplitOut: 'invoiceIds', options: {} }, id: `${id}-split`, name: 'One Item per Invoice', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [440, 0] },
		{
			...getInvoice,
			name: 'Get Invoice',
			id: `${id}-get`,
			position: [660, 0],
			parameters: { ...getInvoice.parameters, invoiceId: { __rl: true, mode: 'id', value: '={{ $json.invoiceIds }}' } },
			credentials: { enkashApi: { id: credentialId, name } },
		},
	];
	const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id,
		name,
		nodes,
		connections: Object.fromEntries(nodes.slice(0, -1).map((node, index) => [node.name, link(nodes[index + 1].name)])),
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

for (const { release, way, label } of selectedSetups()) {
	describe(`n8n ${release.n8n} on Node ${release.node}, installed: ${WAY_LABEL[way]}`, { concurrency: false }, () => {
		let n8n: PreparedN8n;
		let sandbox: Sandbox;
		const own: Figures = {};
		let testsStarted = 0;
		figures.set(label, own);

		before(
			async () => {
				const started = Date.now();
				n8n = await prepareN8n({ n8nVersion: release.n8n, installWay: way });
				assert.equal(n8n.app.n8nVersion, release.n8n);
				assert.equal(n8n.app.nodeVersion, release.node);
				own.packageN8nWorkflow = n8n.packageN8nWorkflow ?? "n8n's own";
				if (way === 'community-nodes') {
					// Our replica of n8n's install (installPackageIntoUserFolder) must still drop what this release drops.
					const service = readFileSync(join(n8n.app.appDir, 'node_modules', 'n8n', 'dist', 'modules', 'community-packages', 'community-packages.service.js'), 'utf8');
					assert.match(service, /const \{ devDependencies, peerDependencies, optionalDependencies, \.\.\.packageJson \} = JSON\.parse/, `n8n ${release.n8n} installs community packages another way now`);
				}
				// The manual install really gives the package an n8n-workflow of its own (the point of the way).
				assert.equal(way === 'manual', n8n.packageN8nWorkflow !== undefined, `install way ${way}: the package's own n8n-workflow is ${n8n.packageN8nWorkflow ?? 'absent'}`);
				sandbox = await startSandbox({ port: 0 });
				const urls = vendorBaseUrls(sandbox.url);
				const enboarder = (id: string, apiKey: string): Credential => ({ id, name: id, type: 'enboarderApi', data: { region: 'custom', baseUrl: urls.enboarder, apiKey } });
				await n8n.lib.importCredentials(n8n.app, {
					env: n8n.env,
					userFolder: n8n.userFolder,
					credentials: [
						{ id: 'sandbox-enkash', name: 'Enkash sandbox', type: 'enkashApi', data: enkashCredentialData(sandbox.url) },
						{ id: 'compat-enkash-test', name: 'Enkash (for the Test)', type: 'enkashApi', data: enkashCredentialData(sandbox.url) },
						{ id: 'compat-enkash-mid-run', name: 'Enkash (token ended mid-run)', type: 'enkashApi', data: enkashCredentialData(sandbox.url) },
						{ id: 'compat-enkash-wrong-password', name: 'Enkash with a wrong password', type: 'enkashApi', data: { ...enkashCredentialData(sandbox.url), password: 'not-the-sandbox-password' } },
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
						readInvoices('compatEnkashMidRun', 'Enkash: 10 invoices, the token ended mid-run', 'compat-enkash-mid-run', MID_RUN_INVOICES),
						readInvoices('compatEnkashWrongPassword', 'Enkash with a wrong password', 'compat-enkash-wrong-password', MID_RUN_INVOICES.slice(0, 1)),
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

		test(`a token the vendor ends mid-run (after the ${REVOKE_AFTER_READS}th of ${MID_RUN_INVOICES.length} reads) is renewed once with the refresh token; every item is read`, { timeout: 5 * 60_000 }, async () => {
			// A first run gets the credential its token; the vendor then ends it on the 4th read of the next run.
			assertRan(await n8n.execute('compatEnkashMidRun'), `n8n ${release.n8n}: read invoices`);
			await sandbox.control.addTrigger({ vendor: 'enkash', kind: 'api', afterRequests: REVOKE_AFTER_READS, action: 'revoke' });
			try {
				const since = await mark(sandbox);
				const run = await n8n.execute('compatEnkashMidRun');
				const [revocation] = await sandbox.control.triggers();
				assert.equal(revocation.firedAtSeq.length, 1, 'the vendor ended the token during the run');
				// From the start of this run (a new n8n process): the reads before the revocation used the token
				// the first run persisted in the credential; the only token request is the renewal after it.
				const after = await countSince(sandbox, since, 'enkash');
				const items = n8n.lib.nodeOutputJson(run.run, 'Get Invoice') ?? [];
				own.midRun = { renewals: after.tokenRequests, unauthorized: after.unauthorized, items: items.length };
				assertRan(run, `n8n ${release.n8n}: read invoices while the token ends`);
				assert.deepEqual(items.map((item) => item.invoiceId), MID_RUN_INVOICES, 'every item read, in order');
				assert.ok(after.unauthorized >= 1, `the ended token was refused: ${JSON.stringify(after.entries)}`);
				const tokenRequests = after.entries.filter((entry) => entry.kind === 'token');
				assert.deepEqual(tokenRequests.map((entry) => `${entry.grant} ${entry.status}`), ['refresh_token 200'], 'the persisted token reused, then one renewal, with the refresh token');
				assert.ok(tokenRequests[0].seq > revocation.firedAtSeq[0], 'renewed after the vendor ended the token, not before');
			} finally {
				await sandbox.control.clearTriggers();
			}
		});

		test('a wrong password: exactly one login over two executions, the account not locked, the words say why', { timeout: 5 * 60_000 }, async () => {
			const since = await mark(sandbox);
			const runs = [await n8n.execute('compatEnkashWrongPassword'), await n8n.execute('compatEnkashWrongPassword')];
			const logins = await countSince(sandbox, since, 'enkash');
			own.wrongPassword = logins.tokenRequests;
			for (const run of runs) {
				assert.equal(run.ok, false, 'the run fails');
				assert.match(String(run.error?.message), /^Enkash refused the token request \(HTTP 401/, `${JSON.stringify(run.error)}\n${run.stdout.slice(-2000)}`);
			}
			assert.equal(logins.tokenRequests, 1, `one login in all: ${JSON.stringify(logins.entries)}`);
			assert.equal(logins.entries.filter((entry) => entry.kind === 'api').length, 0, 'no request was sent without a token');
			assert.equal((await sandbox.control.enkashAccount()).locked, false);
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

		test("n8n's REST API of a started n8n: the credential Test (Enkash and Enboarder pass, a wrong API key fails) and each trigger's Fetch Test Event", { timeout: 5 * 60_000 }, async () => {
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

				// Fetch Test Event, as the editor's button sends it: the saved workflow run up to the trigger.
				const rest = async (method: string, path: string, body?: unknown) => {
					const response = await fetch(`${server.baseUrl}/rest${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
					const json = (await response.json()) as { data?: Record<string, unknown> };
					assert.equal(response.status, 200, `${method} ${path}: ${JSON.stringify(json)}`);
					return json.data ?? {};
				};
				const testEvent = async (trigger: Record<string, unknown> & { name: string }) => {
					const saved = await rest('POST', '/workflows', { name: `Test event: ${trigger.name}`, active: false, nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' } });
					const started = await rest('POST', `/workflows/${String(saved.id)}/run`, {
						workflowData: saved,
						startNodes: [{ name: trigger.name, sourceData: null }],
						destinationNode: { nodeName: trigger.name, mode: 'inclusive' },
					});
					const executionId = String(started.executionId);
					type RunData = { resultData?: { error?: { message?: string }; runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
					// The run goes on after the answer: read it back until it has finished and its data is saved
					// (n8n 1.123 can mark an execution finished a moment before its data lands: it reads "[]").
					let execution: Record<string, unknown> = {};
					let data: RunData = {};
					for (let reads = 0; reads < 600; reads++) {
						execution = await rest('GET', `/executions/${executionId}`);
						const running = !execution.finished && ['new', 'running', 'waiting'].includes(String(execution.status));
						data = ((typeof execution.data === 'string' ? flatted(n8n.app).parse(execution.data) : undefined) ?? {}) as RunData;
						if (!running && data.resultData) break;
						await new Promise((resolve) => setTimeout(resolve, 100));
					}
					assert.equal(execution.status, 'success', `${trigger.name}: ${JSON.stringify(data.resultData?.error ?? execution)}`);
					assert.ok(data.resultData, `${trigger.name}: the execution holds no data: ${String(execution.data).slice(0, 300)}`);
					return (data.resultData.runData[trigger.name]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
				};
				const trigger = (type: string, name: string, parameters: Record<string, unknown>, credentials: Record<string, { id: string; name: string }>) =>
					({ id: `compat-${type}`, name, type: `n8n-nodes-token-connectors.${type}`, typeVersion: 1, position: [0, 0], parameters, credentials });
				const enkashEvents = await testEvent(trigger('enkashTrigger', 'Enkash Trigger', { event: 'newInvoice' }, { enkashApi: { id: 'sandbox-enkash', name: 'Enkash sandbox' } }));
				const enboarderEvents = await testEvent(
					trigger(
						'enboarderTrigger',
						'Enboarder Trigger',
						{ authentication: 'apiKey', event: 'newFormRows', reportId: { __rl: true, mode: 'id', value: SEED_FACTS.enboarder.largeFormReportId } },
						{ enboarderApi: { id: 'sandbox-enboarder', name: 'sandbox-enboarder' } },
					),
				);
				own.testEvents = { enkash: enkashEvents.length, enboarder: enboarderEvents.length };
				// The newest invoices, newest first (an invoice the examples created above comes first).
				assert.equal(enkashEvents.length, 5, JSON.stringify(enkashEvents).slice(0, 500));
				assert.ok(enkashEvents.every((event) => /^EKINV\d{10}$/.test(String(event.invoiceId))), JSON.stringify(enkashEvents).slice(0, 500));
				assert.ok(enkashEvents.some((event) => event.invoiceId === SEED_FACTS.enkash.lastInvoiceId), 'the seed\'s newest invoice is among them');
				// The report's last five rows, newest first.
				const { largeFormReportId, largeFormReportRows } = SEED_FACTS.enboarder;
				assert.deepEqual(
					enboarderEvents.map((event) => event.id),
					[0, 1, 2, 3, 4].map((back) => `${largeFormReportId}-${String(largeFormReportRows - back).padStart(6, '0')}`),
				);
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
	const setups = selectedSetups().filter((setup) => figures.get(setup.label)?.fresh !== undefined);
	if (setups.length === 0) return;
	const cell = (value: Count | undefined, pick: (count: Count) => string) => (value === undefined ? '–' : pick(value));
	const rows: Array<[string, (f: Figures) => string]> = [
		["the package's n8n-workflow", (f) => f.packageN8nWorkflow ?? '–'],
		['Enkash create invoice, fresh credential: token requests / 401s', (f) => cell(f.fresh, (c) => `${c.tokenRequests} / ${c.unauthorized}`)],
		['same, token ended by the vendor: token requests / 401s', (f) => cell(f.expired, (c) => `${c.tokenRequests} / ${c.unauthorized}`)],
		[`token ended mid-run (${MID_RUN_INVOICES.length} reads): renewals / 401s / items read`, (f) => (f.midRun ? `${f.midRun.renewals} / ${f.midRun.unauthorized} / ${f.midRun.items}` : '–')],
		['wrong Enkash password, two executions: logins sent', (f) => (f.wrongPassword === undefined ? '–' : String(f.wrongPassword))],
		['Enboarder wrong API key: requests sent / 401s', (f) => cell(f.wrongKey, (c) => `${c.requests} / ${c.unauthorized}`)],
		['credential Test (Enkash): token requests / 401s', (f) => cell(f.credentialTest, (c) => `${c.tokenRequests} / ${c.unauthorized}`)],
		['Fetch Test Event: Enkash Trigger / Enboarder Trigger items', (f) => (f.testEvents ? `${f.testEvents.enkash} / ${f.testEvents.enboarder}` : '–')],
		["Enkash 404 RECORD_NOT_FOUND: the item's error", (f) => f.enkashWords ?? '–'],
		['Enkash token refused in a 400 body: token requests / refused / accepted', (f) => (f.refusedInBody ? `${f.refusedInBody.tokenRequests} / ${f.refusedInBody.refused} / ${f.refusedInBody.accepted}` : '–')],
		[`${TOO_MANY} × 429 with Retry-After ${RETRY_AFTER_SECONDS} s: 429s / s waited before each resend`, (f) => (f.rateLimited ? `${f.rateLimited.tooMany} / ${f.rateLimited.waits.join(', ')}` : '–')],
		['Enboarder OAuth2, wrong client secret: the error', (f) => f.oauth2WrongSecret ?? '–'],
		['set-up s (install when missing) / tests s', (f) => `${f.setupSeconds ?? '–'} / ${f.testSeconds ?? '–'}`],
	];
	const header = `| | ${setups.map((setup) => setup.label).join(' | ')} |`;
	const lines = [header, `|---|${setups.map(() => '---').join('|')}|`];
	for (const [label, pick] of rows) lines.push(`| ${label} | ${setups.map((setup) => pick(figures.get(setup.label) ?? {})).join(' | ')} |`);
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
	const lib = await importEsm<{ INSTALL_WAYS: string[] }>(join(ROOT, 'scripts', 'e2e-lib.mjs'));
	assert.deepEqual(lib.INSTALL_WAYS, INSTALL_WAYS, 'every install way scripts/e2e-lib.mjs knows is tested');
});
