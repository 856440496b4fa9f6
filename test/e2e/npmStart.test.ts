/**
 * `npm start`, as a newcomer runs it: the sandbox plus a real n8n with our package, the sandbox
 * credentials and the example workflows, and an owner account to sign in with.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { repoRoot } from '../harness/packageTypes';

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

describe('npm start (real n8n)', () => {
	let child: ChildProcess;
	let output = '';
	let base: string;
	let sandboxUrl: string;
	let userFolder: string;
	let cookie = '';

	before(async () => {
		const [port, sandboxPort, brokerPort] = [await freePort(), await freePort(), await freePort()];
		base = `http://127.0.0.1:${port}`;
		sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
		userFolder = mkdtempSync(join(tmpdir(), 'npm-start-'));
		child = spawn(
			process.execPath,
			['scripts/start.mjs', '--skip-build', '--port', String(port), '--sandbox-port', String(sandboxPort), '--broker-port', String(brokerPort), '--user-folder', userFolder],
			{ cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] },
		);
		child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		await new Promise<void>((resolve, reject) => {
			const deadline = setTimeout(() => reject(new Error(`n8n was not ready within 10 minutes:\n${output.slice(-3000)}`)), 600_000);
			const check = setInterval(() => {
				if (output.includes('n8n is ready')) {
					clearInterval(check);
					clearTimeout(deadline);
					resolve();
				}
			}, 250);
			child.once('exit', (code) => {
				clearInterval(check);
				clearTimeout(deadline);
				reject(new Error(`npm start exited (${code}) before n8n was ready:\n${output.slice(-3000)}`));
			});
		});
	});

	after(async () => {
		if (child.exitCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGINT');
			await exited;
		}
		rmSync(userFolder, { recursive: true, force: true });
	});

	test('prints the URL and the login', () => {
		assert.match(output, new RegExp(`n8n is ready.*${base.replace(/[.]/g, '\\.')}`));
		assert.match(output, /owner@example\.com {2}\/ {2}Sandbox-Owner-1/);
		assert.match(output, new RegExp(`sandbox: +${sandboxUrl.replace(/[.]/g, '\\.')}`));
	});

	test('the owner can sign in', async () => {
		const response = await fetch(`${base}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: 'owner@example.com', password: 'Sandbox-Owner-1' }),
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
		assert.deepEqual(credentials.data.map((c) => c.type).sort(), ['enboarderApi', 'enkashApi']);
	});

	test('the sandbox answers', async () => {
		const response = await fetch(`${sandboxUrl}/__control/health`);
		assert.equal(response.status, 200);
	});
});
