/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox';
import { userFolder } from '../harness/environment';
import { enkashCredentialData, HarnessCredentialsHelper } from '../harness';
import type { ProcessJob, ProcessOutcome } from './support/credentialProcess';

const CREDENTIAL_ID = 'sandbox-enkash';
const WRONG_PASSWORD = 'wrong-password-across-processes';
const REFUSAL = /^Enkash refused the token request \(HTTP 401: Bad credentials\)\. Check the username, password, OAuth client and company client ID in the Enkash credential\. This login will not be tried again until the credential is changed, because Enkash locks an account after 3 failed logins\.$/;

/** A child OS process running one execution; `start()` lets several begin at the same moment. */
interface Child {
	ready: Promise<void>;
	start(): void;
	outcome: Promise<ProcessOutcome>;
}

function child(job: ProcessJob): Child {
	const script = join(__dirname, 'support', 'credentialProcess.js');
	const proc = spawn(process.execPath, [script, JSON.stringify(job)], {
		// One instance key for all: n8n's processes share the key that encrypts their credentials.
		env: { ...process.env, N8N_USER_FOLDER: userFolder },
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	let markReady: () => void = () => {};
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	proc.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
		if (stdout.startsWith('ready\n')) markReady();
	});
	proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const outcome = new Promise<ProcessOutcome>((resolve, reject) => {
		proc.on('close', (code) => {
			const last = stdout.trim().split('\n').at(-1) ?? '';
			if (code !== 0 || !last.startsWith('{')) reject(new Error(`process exited ${code}:\n${stderr.slice(-3000)}\n${stdout.slice(-1000)}`));
			else resolve(JSON.parse(last) as ProcessOutcome);
		});
	});
	if (!job.barrier) proc.stdin.end();
	return { ready, start: () => proc.stdin.end('go\n'), outcome };
}

describe('Enkash login refusal remembered across processes (engine, three OS processes, one credential store)', () => {
	let sandbox: Sandbox;
	let folder: string;
	let storeFile: string;
	let store: HarnessCredentialsHelper;

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		folder = mkdtempSync(join(tmpdir(), 'token-connectors-store-'));
	});
	after(async () => {
		await sandbox.close();
		rmSync(folder, { recursive: true, force: true });
	});
	beforeEach(async () => {
		await sandbox.control.reset();
		storeFile = join(folder, `credentials-${Date.now()}.json`);
		store = new HarnessCredentialsHelper(undefined, storeFile);
	});

	const passwordLogins = async () =>
		(await sandbox.control.ledger()).requests.filter((r) => r.kind === 'token' && r.grant === 'password').map((r) => r.status);

	test('three processes one after the other, wrong password → 1 login in all, account not locked, every item of every process refused clearly; each changed password gets exactly one new login', async () => {
		await store.add({ id: CREDENTIAL_ID, name: 'Enkash sandbox', type: 'enkashApi', data: enkashCredentialData(sandbox.url, { password: WRONG_PASSWORD }) });

		for (let run = 1; run <= 3; run++) {
			const outcome = await child({ storeFile, items: 10, concurrency: 5 }).outcome;
			assert.equal(outcome.errors.length, 10, `process ${run}: every item is in the output`);
			for (const [index, error] of outcome.errors.entries()) assert.match(String(error), REFUSAL, `process ${run}, item ${index}`);
			assert.doesNotMatch(JSON.stringify(outcome), new RegExp(WRONG_PASSWORD));
			assert.deepEqual(await passwordLogins(), [401], `after process ${run}: one login in all`);
		}
		assert.deepEqual(await sandbox.control.enkashAccount(), { locked: false, consecutiveFailures: 1, loginAttempts: 1 });

		// What the credential keeps: a refusal record, no password, no hash an attacker could look up.
		const persisted = await store.persisted(CREDENTIAL_ID);
		const record = JSON.parse(String(persisted.loginRefusal)) as Record<string, unknown>;
		assert.deepEqual(Object.keys(record).sort(), ['at', 'mac', 'message', 'salt', 'status', 'v']);
		assert.doesNotMatch(String(persisted.loginRefusal), new RegExp(`${WRONG_PASSWORD}|${DEMO_CREDENTIALS.enkash.oauthClientSecret}`));
		assert.equal(persisted.accessToken, '');

		// Saving the credential again with the same wrong password changes nothing.
		await store.add({ id: CREDENTIAL_ID, name: 'Enkash sandbox', type: 'enkashApi', data: { ...persisted, password: WRONG_PASSWORD } });
		assert.match(String((await child({ storeFile, items: 1, concurrency: 1 }).outcome).errors[0]), REFUSAL);
		assert.deepEqual(await passwordLogins(), [401]);

		// The user saves another password, wrong as well (n8n keeps the hidden fields, so the refusal record
		// stays beside it): exactly one new attempt, in the first of two processes.
		const secondWrong = `${WRONG_PASSWORD}-again`;
		await store.add({ id: CREDENTIAL_ID, name: 'Enkash sandbox', type: 'enkashApi', data: { ...persisted, password: secondWrong } });
		for (let run = 1; run <= 2; run++) assert.match(String((await child({ storeFile, items: 3, concurrency: 3 }).outcome).errors[0]), REFUSAL);
		assert.deepEqual(await passwordLogins(), [401, 401], 'one attempt for the changed password');
		assert.deepEqual(await sandbox.control.enkashAccount(), { locked: false, consecutiveFailures: 2, loginAttempts: 2 });

		// The user saves the right password: exactly one login, and it succeeds.
		const refusedAgain = await store.persisted(CREDENTIAL_ID);
		await store.add({ id: CREDENTIAL_ID, name: 'Enkash sandbox', type: 'enkashApi', data: { ...refusedAgain, password: DEMO_CREDENTIALS.enkash.password } });
		const corrected = await child({ storeFile, items: 10, concurrency: 5 }).outcome;
		assert.deepEqual(corrected.errors, Array(10).fill(null), 'every item succeeds');
		assert.deepEqual(await passwordLogins(), [401, 401, 200], 'exactly one new login');
		const after = await store.persisted(CREDENTIAL_ID);
		assert.equal(after.loginRefusal, '', 'a successful login clears the refusal');
		assert.notEqual(after.accessToken, '');
	});

	for (const [label, password, expectSuccess] of [
		['a wrong password', WRONG_PASSWORD, false],
		['the right password', DEMO_CREDENTIALS.enkash.password, true],
	] as const) {
		test(`three processes started at the same moment with ${label} → one password login between them`, async () => {
			await store.add({ id: CREDENTIAL_ID, name: 'Enkash sandbox', type: 'enkashApi', data: enkashCredentialData(sandbox.url, { password }) });
			const children = [1, 2, 3].map(() => child({ storeFile, items: 10, concurrency: 5, barrier: true }));
			// Each process has loaded n8n-core and our package; all three are released together.
			await Promise.all(children.map((c) => c.ready));
			for (const c of children) c.start();
			const outcomes = await Promise.all(children.map((c) => c.outcome));

			const logins = await passwordLogins();
			console.log(`3 processes started together with ${label}: ${logins.length} password login(s) ${JSON.stringify(logins)}`);
			for (const [index, outcome] of outcomes.entries()) {
				assert.equal(outcome.errors.length, 10);
				for (const error of outcome.errors) {
					if (expectSuccess) assert.equal(error, null, `process ${index + 1}`);
					else assert.match(String(error), REFUSAL, `process ${index + 1}`);
				}
			}
			// Enkash locks after 3 failed logins; the claim in the credential lets one process log in.
			assert.ok(logins.length >= 1 && logins.length <= 2, `${logins.length} password logins`);
			assert.equal((await sandbox.control.enkashAccount()).locked, false);
			const persisted = await store.persisted(CREDENTIAL_ID);
			assert.equal(persisted.loginClaim, '', 'the claim is released with the outcome');
		});
	}
});
