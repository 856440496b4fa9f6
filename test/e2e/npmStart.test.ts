/**
 * `npm start`, as a newcomer runs it: the sandbox plus a real n8n with our package, the sandbox
 * credentials and the example workflows, and an owner account to sign in with.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { OWNER, startN8n, type RunningN8n } from '../harness/npmStart';
import { repoRoot } from '../harness/packageTypes';

describe('npm start (real n8n)', () => {
	let running: RunningN8n;
	let logFolder: string;
	let base: string;
	let sandboxUrl: string;
	let cookie = '';

	before(async () => {
		logFolder = mkdtempSync(join(tmpdir(), 'npm-start-log-'));
		running = await startN8n(join(logFolder, 'npm-start.log'));
		base = running.baseUrl;
		sandboxUrl = running.sandboxUrl;
	});

	after(async () => {
		await running?.stop();
		rmSync(logFolder, { recursive: true, force: true });
	});

	test('prints the URL and the login', () => {
		const output = running.output();
		assert.match(output, new RegExp(`n8n is ready.*${base.replace(/[.]/g, '\\.')}`));
		assert.match(output, /owner@example\.com {2}\/ {2}Sandbox-Owner-1/);
		assert.match(output, new RegExp(`sandbox: +${sandboxUrl.replace(/[.]/g, '\\.')}`));
	});

	test('the owner can sign in', async () => {
		const response = await fetch(`${base}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		assert.equal(response.status, 200);
		cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
		assert.ok(cookie.includes('n8n-auth'), 'a session cookie is set');
	});

	test("n8n's node list includes our nodes and credentials", async () => {
		const nodes = (await (await fetch(`${base}/types/nodes.json`, { headers: { cookie } })).json()) as Array<{ name: string }>;
		const ours = nodes.map((n) => n.name).filter((name) => name.startsWith('n8n-nodes-token-connectors.'));
		for (const name of ['n8n-nodes-token-connectors.enboarder', 'n8n-nodes-token-connectors.enkash']) assert.ok(ours.includes(name), `${name} in ${ours}`);
		const credentials = (await (await fetch(`${base}/types/credentials.json`, { headers: { cookie } })).json()) as Array<{ name: string }>;
		for (const name of ['enboarderApi', 'enkashApi']) assert.ok(credentials.some((c) => c.name === name), name);
	});

	test('every example workflow and the sandbox credentials are imported', async () => {
		const workflows = (await (await fetch(`${base}/rest/workflows`, { headers: { cookie } })).json()) as { data: Array<{ name: string }> };
		const examples = readdirSync(join(repoRoot(), 'examples')).filter((f) => f.endsWith('.json'));
		assert.equal(workflows.data.length, examples.length);
		const credentials = (await (await fetch(`${base}/rest/credentials`, { headers: { cookie } })).json()) as { data: Array<{ type: string }> };
		// Every credential of examples/credentials/ (the sandbox's, and its stand-in chat model for the agent example).
		const credentialsDir = join(repoRoot(), 'examples', 'credentials');
		const expected = readdirSync(credentialsDir)
			.filter((file) => file.endsWith('.json'))
			.flatMap((file) => (JSON.parse(readFileSync(join(credentialsDir, file), 'utf8')) as Array<{ type: string }>).map((credential) => credential.type));
		assert.deepEqual(credentials.data.map((c) => c.type).sort(), expected.sort());
		assert.ok(expected.includes('enkashApi') && expected.includes('openAiApi'));
	});

	test('the sandbox answers', async () => {
		const response = await fetch(`${sandboxUrl}/__control/health`);
		assert.equal(response.status, 200);
	});
});
