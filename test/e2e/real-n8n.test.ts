/**
 * The package inside the real n8n app, installed the way a user installs a community package.
 *
 * Unit and engine tests load our classes directly; only this test proves that n8n itself finds the
 * package in `.n8n/nodes`, loads the node and credential types from the tarball `npm pack` makes,
 * decrypts an imported credential and runs an example workflow headless (`n8n execute`) against
 * the sandbox. The first run installs n8n into `.n8n-app/` (a few minutes); later runs reuse it.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls } from '../../sandbox';
import { repoRoot } from '../harness/packageTypes';
import { assertRan, log, prepareN8n, type Credential, type PreparedN8n } from './support';

interface WorkflowFile {
	id?: string;
	name: string;
	nodes: Array<{ name: string; type: string; credentials?: Record<string, { id: string; name: string }> }>;
	connections: unknown;
}

const ROOT = repoRoot();
const EXAMPLE = 'enboarder-list-report-workflows.json';
const NODE_NAME = 'List Report Workflows';
const NODE_TYPE = 'n8n-nodes-token-connectors.enboarder';
const GOOD_CREDENTIAL_ID = 'sandbox-enboarder';
const WRONG_CREDENTIAL_ID = 'sandbox-enboarder-wrong-key';
const GOOD_WORKFLOW_ID = 'e2eEnboarderGoodKey';
const WRONG_WORKFLOW_ID = 'e2eEnboarderWrongKey';

/** The ledger's newest sequence number, to read only what a run adds afterwards. */
async function ledgerMark(sandbox: Awaited<ReturnType<typeof startSandbox>>): Promise<number> {
	const { requests, records } = await sandbox.control.ledger();
	return Math.max(0, ...requests.map((entry) => entry.seq), ...records.map((entry) => entry.seq));
}

describe('the packed package in a real n8n (n8n execute)', { concurrency: false }, () => {
	let n8n: PreparedN8n;
	let lib: PreparedN8n['lib'];
	let app: PreparedN8n['app'];
	let sandbox: Awaited<ReturnType<typeof startSandbox>>;
	let userFolder: string;
	let env: Record<string, string>;

	before(
		async () => {
			const started = Date.now();
			n8n = await prepareN8n();
			({ lib, app, userFolder, env } = n8n);

			sandbox = await startSandbox({ port: 0 });
			const baseUrl = vendorBaseUrls(sandbox.url).enboarder;
			const credential = (id: string, name: string, apiKey: string): Credential => ({
				id,
				name,
				type: 'enboarderApi',
				data: { region: 'custom', baseUrl, apiKey },
			});
			await lib.importCredentials(app, {
				env,
				userFolder,
				credentials: [
					credential(GOOD_CREDENTIAL_ID, 'Enboarder sandbox (API key)', DEMO_CREDENTIALS.enboarder.apiKey),
					credential(WRONG_CREDENTIAL_ID, 'Enboarder sandbox (wrong API key)', 'not-the-sandbox-key'),
					{
						id: 'sandbox-enkash',
						name: 'Enkash sandbox',
						type: 'enkashApi',
						data: {
							environment: 'custom',
							baseUrl: vendorBaseUrls(sandbox.url).enkash,
							oauthClientId: DEMO_CREDENTIALS.enkash.oauthClientId,
							oauthClientSecret: DEMO_CREDENTIALS.enkash.oauthClientSecret,
							username: DEMO_CREDENTIALS.enkash.username,
							password: DEMO_CREDENTIALS.enkash.password,
							companyClientId: DEMO_CREDENTIALS.enkash.companyClientId,
						},
					},
				],
			});

			// The example exactly as shipped, and a copy pointing at the wrong-key credential.
			const example = JSON.parse(readFileSync(join(ROOT, 'examples', EXAMPLE), 'utf8')) as WorkflowFile;
			const ours = example.nodes.find((node) => node.name === NODE_NAME);
			assert.ok(ours, `examples/${EXAMPLE} has no node named "${NODE_NAME}"`);
			assert.equal(ours.type, NODE_TYPE);
			assert.equal(ours.credentials?.enboarderApi?.id, GOOD_CREDENTIAL_ID);
			const wrongKeyCopy = {
				...example,
				name: `${example.name} (wrong key)`,
				nodes: example.nodes.map((node) =>
					node.name === NODE_NAME ? { ...node, credentials: { enboarderApi: { id: WRONG_CREDENTIAL_ID, name: 'Enboarder sandbox (wrong API key)' } } } : node,
				),
			};
			await lib.importWorkflows(app, {
				env,
				userFolder,
				workflows: [
					{ ...example, id: GOOD_WORKFLOW_ID },
					{ ...wrongKeyCopy, id: WRONG_WORKFLOW_ID },
					{ ...JSON.parse(readFileSync(join(ROOT, 'examples', 'enkash-create-invoice.json'), 'utf8')), id: 'e2eEnkashCreate' },
				],
			});
			log(`set-up took ${Math.round((Date.now() - started) / 1000)}s (n8n ${app.n8nBin})`);
		},
		{ timeout: 15 * 60_000 },
	);

	after(async () => {
		await sandbox?.close();
		n8n?.dispose();
	});

	test('runs the Enboarder example and returns the sandbox workflow reports', { timeout: 3 * 60_000 }, async () => {
		const enboarder = vendorBaseUrls(sandbox.url).enboarder;
		const response = await fetch(`${enboarder}/reports/workflows`, { headers: { apikey: DEMO_CREDENTIALS.enboarder.apiKey } });
		assert.equal(response.status, 200);
		const body = (await response.json()) as { items?: unknown[] } | unknown[];
		const expected = Array.isArray(body) ? body : body.items;
		assert.ok(Array.isArray(expected) && expected.length > 0, 'the sandbox should seed some workflow reports');

		const since = await ledgerMark(sandbox);
		const result = await lib.executeWorkflow(app, { env, userFolder, workflowId: GOOD_WORKFLOW_ID });
		assertRan(result, 'the run');

		// n8n found and ran our node type (set-up checked the example uses it); an unknown type would
		// have failed the run with "Unrecognized node type" before any node executed.
		assert.equal(result.run?.data?.resultData?.runData?.[NODE_NAME]?.[0]?.executionStatus, 'success');
		assert.equal(result.run?.data?.resultData?.lastNodeExecuted, NODE_NAME);

		const items = lib.nodeOutputJson(result.run, NODE_NAME);
		assert.ok(items, `no output from "${NODE_NAME}"`);
		for (const item of items) {
			assert.equal(typeof item.id, 'string');
			assert.equal(typeof item.name, 'string');
			assert.equal(typeof item.isActive, 'boolean');
		}
		assert.deepEqual(items, expected);

		// The items came over the wire from this sandbox, authenticated with the API key.
		const calls = (await sandbox.control.ledger(since)).requests.filter((entry) => entry.vendor === 'enboarder');
		assert.ok(
			calls.some((entry) => entry.method === 'GET' && entry.path.endsWith('/reports/workflows') && entry.status === 200),
			`expected a successful GET …/reports/workflows in the ledger, saw ${JSON.stringify(calls)}`,
		);
	});

	test('fails with an authorization error when the API key is wrong', { timeout: 3 * 60_000 }, async () => {
		const since = await ledgerMark(sandbox);
		const result = await lib.executeWorkflow(app, { env, userFolder, workflowId: WRONG_WORKFLOW_ID });
		assert.equal(result.ok, false, 'the run must fail when the sandbox rejects the API key');
		assert.notEqual(result.code, 0);
		assert.ok(result.error, `n8n printed no execution error:\n${result.stdout.slice(-3000)}`);
		const text = [result.error.message, result.error.description, result.error.httpCode, ...(result.error.messages ?? [])].join(' ');
		assert.match(text, /401|authori[sz]/i);
		assert.equal(result.error.node?.type, NODE_TYPE);

		const calls = (await sandbox.control.ledger(since)).requests.filter((entry) => entry.vendor === 'enboarder');
		assert.ok(
			calls.some((entry) => entry.path.endsWith('/reports/workflows') && entry.status === 401),
			`expected the sandbox to answer 401, saw ${JSON.stringify(calls)}`,
		);
	});

	test('the Enkash example creates an invoice (zod and luxon resolve inside n8n), and a re-run does not double it', { timeout: 3 * 60_000 }, async () => {
		const first = await lib.executeWorkflow(app, { env, userFolder, workflowId: 'e2eEnkashCreate' });
		assertRan(first, 'first run');
		const [invoice] = lib.nodeOutputJson(first.run, 'Create Invoice') ?? [];
		assert.match(String(invoice?.invoiceId), /^EKINV\d{10}$/);
		assert.match(String(invoice?.dueDate), /^\d{4}-\d{2}-\d{2}$/);
		const second = await lib.executeWorkflow(app, { env, userFolder, workflowId: 'e2eEnkashCreate' });
		assertRan(second, 'second run');
		assert.equal(lib.nodeOutputJson(second.run, 'Create Invoice')?.[0]?.invoiceId, invoice?.invoiceId);
		const created = (await sandbox.control.ledger()).records.filter((r) => r.vendor === 'enkash' && r.type === 'invoice');
		assert.equal(created.length, 1);
		const tokens = (await sandbox.control.ledger()).requests.filter((r) => r.vendor === 'enkash' && r.kind === 'token');
		assert.equal(tokens.length, 1, 'the second execution reused the token n8n persisted');
	});
});
