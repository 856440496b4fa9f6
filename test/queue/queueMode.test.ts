/**
 * Our package in n8n's queue mode (issues 8 and 14): one main process and three workers (`n8n worker`)
 * sharing Redis (the queue), PostgreSQL (n8n's database) and the encryption key, all started here
 * on loopback ports; one Enkash credential (password grant) with a short token lifetime in the
 * sandbox, and one webhook-triggered workflow that creates an Enkash invoice per item.
 *
 * Why PostgreSQL: n8n 2.41 only warns "Scaling mode is not officially supported with sqlite"
 * (commands/base-command.js), but its queue-mode guide says running this distributed setup over
 * SQLite isn't supported: main and workers are separate processes writing one database.
 *
 * Why webhooks: in queue mode main enqueues production executions (webhook, trigger) for the
 * workers; `n8n execute` falls back to regular mode ("CLI command `execute` does not support queue
 * mode") and manual runs stay on main unless OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS is set. So the
 * test POSTs to the workflow's production webhook, several calls at once, in waves spread over a
 * few token lifetimes, and checks:
 *
 * - every execution finished with status success (PostgreSQL's execution_entity), each worker
 *   started some of them (their logs), none ran twice, and executions of the two workers overlapped;
 * - every item became exactly one invoice in the sandbox (ledger records by External ID), and each
 *   webhook answer returned its items' invoices;
 * - Enkash token requests stay within one login per worker plus one renewal per worker per usable
 *   token lifetime (the lifetime less our early-renewal margin, see `tokenBound`), counted per
 *   worker by a request tap preloaded into each process (the sandbox cannot tell workers apart);
 * - no n8n process sent an HTTP request anywhere but 127.0.0.1;
 * - a wrong Enkash password, used by executions one after the other until each worker has run some,
 *   reaches Enkash once in all (the refusal is remembered in the credential), and after the password
 *   is corrected the next execution logs in; executions started together on every worker with a
 *   wrong password send at most 2 failed logins between them (Enkash locks after 3).
 *
 * It can fail: QUEUE_TEST_SABOTAGE=one-worker starts only one worker; =kill-worker kills worker 2
 * in the middle of the run (its executions and their items are lost); =revoke-tokens revokes the
 * sandbox's Enkash tokens at every 25th invoice request (renewals beyond the bound).
 *
 * The package is installed the manual way (`npm install` in ~/.n8n/nodes, with the peer n8n-workflow it
 * brings), as n8n's docs set up workers and Docker images.
 *
 * Run: `npm run test:queue` (needs root on a machine without redis-server/postgresql, to install them).
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls } from '../../sandbox';
import { renewalMargin } from '../../shared/token';
import { log, prepareN8n, type PreparedN8n } from '../e2e/support';
import { executionsStartedBy, queueEnv, startCluster, tail, type Cluster } from './support/cluster';
import { queueLib, type QueueLib } from './support/queueLib';
import type { TappedRequest } from './support/requestTap';
import { ensureServicePackages, startPostgres, startRedis, type PostgresServer, type RedisServer } from './support/services';

const SABOTAGE = process.env.QUEUE_TEST_SABOTAGE ?? '';
if (!['', 'one-worker', 'kill-worker', 'revoke-tokens'].includes(SABOTAGE)) throw new Error(`unknown QUEUE_TEST_SABOTAGE=${SABOTAGE}`);
const WORKERS = SABOTAGE === 'one-worker' ? 1 : 3;
/** Jobs a worker runs at once (n8n warns below 5). */
const CONCURRENCY = 5;
/** Enkash access-token lifetime in the sandbox: the run spans a few of them. */
const TOKEN_LIFETIME_S = 20;
/** Every sandbox request waits this long, so an execution lasts a few seconds and they overlap. */
const LATENCY_MS = 200;
const WAVES = 5;
const WAVE_GAP_MS = 12_000;
const EXECUTIONS_PER_WAVE = 6;
const ITEMS_PER_EXECUTION = 20;
const EXECUTIONS = WAVES * EXECUTIONS_PER_WAVE;
const ITEMS = EXECUTIONS * ITEMS_PER_EXECUTION;

const CREDENTIAL = { id: 'queueEnkash', name: 'Enkash sandbox (queue mode)' };
const WRONG_PASSWORD = 'queue-mode-wrong-password';
/** A wrong password used by one execution after another, then corrected. */
const ONE_AFTER_ANOTHER = { credential: { id: 'queueEnkashWrongSeq', name: 'Enkash wrong password (one after another)' }, workflowId: 'queueEnkashLoginSeq', path: 'queue-enkash-login-seq' };
/** A wrong password used by executions started together on every worker. */
const TOGETHER = { credential: { id: 'queueEnkashWrongTgt', name: 'Enkash wrong password (together)' }, workflowId: 'queueEnkashLoginTgt', path: 'queue-enkash-login-tgt' };
/** Executions started at once for TOGETHER: more than one worker's concurrency, so every worker takes some. */
const TOGETHER_EXECUTIONS = WORKERS * CONCURRENCY;
const LOGIN_REFUSAL = /^Enkash refused the token request \(HTTP 401: Bad credentials\)\. .*This login will not be tried again until the credential is changed/;
const WORKFLOW_ID = 'queueEnkashInvoices';
const WEBHOOK_PATH = 'queue-enkash-invoices';
const NODE_NAME = 'Create Invoice';

/** Webhook → one item per order → Enkash Invoice Create (External ID = order id, never skipped). */
function workflow() {
	return {
		id: WORKFLOW_ID,
		name: 'Queue mode: Enkash invoices per order',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
				id: randomUUID(),
				name: 'Orders',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
			},
			{
				parameters: { fieldToSplitOut: 'body.orders', include: 'noOtherFields', options: {} },
				id: randomUUID(),
				name: 'One Item per Order',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
			},
			{
				parameters: {
					resource: 'invoice',
					operation: 'create',
					customerId: { __rl: true, mode: 'id', value: 'KCDEMOACTIVE0001' },
					baseAmount: '={{ $json.amount }}',
					dueDate: "={{ $today.plus(30, 'days') }}",
					// Off on purpose: an execution run twice would create its invoices twice, and show.
					skipExisting: false,
					additionalFields: { externalId: '={{ $json.orderId }}', description: 'queue-mode test' },
					// One item after the other, so an execution lasts long enough to overlap with others.
					options: { concurrency: 1 },
				},
				id: randomUUID(),
				name: NODE_NAME,
				type: 'n8n-nodes-token-connectors.enkash',
				typeVersion: 1,
				position: [440, 0],
				credentials: { enkashApi: CREDENTIAL },
			},
		],
		connections: {
			Orders: { main: [[{ node: 'One Item per Order', type: 'main', index: 0 }]] },
			'One Item per Order': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

/** Webhook → Enkash Invoice Get with `credential`, Continue on Fail: the webhook answers with the item or its error. */
function loginWorkflow(scenario: typeof ONE_AFTER_ANOTHER) {
	return {
		id: scenario.workflowId,
		name: `Queue mode: Enkash login (${scenario.credential.name})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				parameters: { httpMethod: 'POST', path: scenario.path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
				id: randomUUID(),
				name: 'Call',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
			},
			{
				parameters: { resource: 'invoice', operation: 'get', invoiceId: { __rl: true, mode: 'id', value: 'EKINV1000000001' }, options: {} },
				id: randomUUID(),
				name: 'Get Invoice',
				type: 'n8n-nodes-token-connectors.enkash',
				typeVersion: 1,
				position: [220, 0],
				onError: 'continueRegularOutput',
				credentials: { enkashApi: scenario.credential },
			},
		],
		connections: { Call: { main: [[{ node: 'Get Invoice', type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

interface Call {
	wave: number;
	orderIds: string[];
	status: number;
	body: unknown;
	error?: string;
}

interface ExecutionRow {
	id: string;
	status: string;
	mode: string;
	startedAt: string;
	stoppedAt: string | null;
}

/**
 * The most token requests the workers may make: each worker logs in once, then renews (refresh
 * grant) only when its token reaches its renewal time, which our token layer puts `renewalMargin`
 * before the issuer's expiry (a quarter of the lifetime for short tokens: 15 s of a 20 s token).
 * So within `spanMs` a worker needs at most 1 + floor(spanMs / (lifetime − margin)) tokens, fewer
 * when it picks up a token the other worker renewed and n8n persisted into the credential.
 */
function tokenBound(spanMs: number): { usableMs: number; perWorker: number } {
	const lifetimeMs = TOKEN_LIFETIME_S * 1000;
	const usableMs = lifetimeMs - renewalMargin(lifetimeMs);
	return { usableMs, perWorker: 1 + Math.floor(spanMs / usableMs) };
}

describe(`n8n queue mode: main + ${WORKERS} worker(s), one Enkash credential`, { concurrency: false }, () => {
	let n8n: PreparedN8n;
	let lib: QueueLib;
	let workDir: string;
	let redis: RedisServer | undefined;
	let postgres: PostgresServer | undefined;
	let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
	let cluster: Cluster | undefined;
	let cliEnv: Record<string, string> = {};
	const tapFile = (label: string) => join(workDir, `requests-${label}.jsonl`);
	const runId = randomBytes(4).toString('hex');

	before(
		async () => {
			const started = Date.now();
			// Installed the way n8n's docs give for queue-mode workers and Docker images: `npm install` in
			// ~/.n8n/nodes, so the package runs with the n8n-workflow copy npm brings beside it.
			n8n = await prepareN8n({ installWay: 'manual' });
			lib = queueLib(n8n.lib);
			workDir = mkdtempSync(join(tmpdir(), 'token-connectors-queue-'));

			const { redisServer, pgBin } = await ensureServicePackages(lib, log);
			[redis, postgres] = await Promise.all([startRedis(lib, redisServer, log), startPostgres(lib, pgBin, log)]);
			sandbox = await startSandbox({ port: 0 });
			await sandbox.control.setTokenLifetime('enkash', TOKEN_LIFETIME_S);

			const settings = { redis, postgres, encryptionKey: randomBytes(24).toString('base64url') };
			// The CLI commands use the same database and key as the servers will.
			cliEnv = await queueEnv(lib, n8n.userFolder, settings);
			const wrongPassword = { environment: 'custom', baseUrl: vendorBaseUrls(sandbox.url).enkash, ...DEMO_CREDENTIALS.enkash, password: WRONG_PASSWORD };
			await lib.importCredentials(n8n.app, {
				env: cliEnv,
				userFolder: n8n.userFolder,
				credentials: [
					{
						...CREDENTIAL,
						type: 'enkashApi',
						data: { environment: 'custom', baseUrl: vendorBaseUrls(sandbox.url).enkash, ...DEMO_CREDENTIALS.enkash },
					},
					{ ...ONE_AFTER_ANOTHER.credential, type: 'enkashApi', data: wrongPassword },
					{ ...TOGETHER.credential, type: 'enkashApi', data: wrongPassword },
				],
			});
			await lib.importWorkflows(n8n.app, { env: cliEnv, userFolder: n8n.userFolder, workflows: [workflow(), loginWorkflow(ONE_AFTER_ANOTHER), loginWorkflow(TOGETHER)] });
			// Imported workflows are inactive; publishing makes main register the production webhook at start.
			for (const id of [WORKFLOW_ID, ONE_AFTER_ANOTHER.workflowId, TOGETHER.workflowId]) {
				const published = await lib.runN8n(n8n.app, ['publish:workflow', `--id=${id}`], { env: cliEnv, cwd: n8n.userFolder });
				assert.equal(published.code, 0, `n8n publish:workflow ${id} failed:\n${tail(published.stdout + published.stderr)}`);
			}

			const tapScript = join(__dirname, 'support', 'requestTap.js');
			assert.ok(existsSync(tapScript), `${tapScript} is missing; build first`);
			cluster = await startCluster(lib, n8n.app, {
				settings,
				mainUserFolder: n8n.userFolder,
				workDir,
				workers: WORKERS,
				concurrency: CONCURRENCY,
				envFor: (label) => ({ NODE_OPTIONS: `--require=${tapScript}`, QUEUE_TEST_TAP_FILE: tapFile(label), QUEUE_TEST_TAP_LABEL: label }),
				log,
			});
			// /healthz/readiness answers before main has activated the published workflows; its
			// webhook is live once main has stored it in the database.
			const deadline = Date.now() + 2 * 60_000;
			while ((await postgres.query(`SELECT count(DISTINCT "workflowId") FROM webhook_entity WHERE method = 'POST'`)) !== '3') {
				if (Date.now() > deadline) throw new Error(`main never registered the webhook of ${WORKFLOW_ID}:\n${tail(cluster.main.output())}`);
				await new Promise((resolveWait) => setTimeout(resolveWait, 500));
			}
			log(`set-up took ${Math.round((Date.now() - started) / 1000)} s`);
		},
		{ timeout: 12 * 60_000 },
	);

	after(async () => {
		const steps: Array<[string, (() => Promise<void>) | undefined]> = [
			['n8n', cluster?.stop],
			['sandbox', sandbox ? () => sandbox!.close() : undefined],
			['Redis', redis?.stop],
			['PostgreSQL', postgres?.stop],
		];
		for (const [what, stop] of steps) {
			try {
				await stop?.();
			} catch (error) {
				log(`stopping ${what} failed: ${(error as Error).message}`);
			}
		}
		if (workDir && process.env.E2E_KEEP === '1') log(`kept ${workDir} (logs/, requests-*.jsonl)`);
		else if (workDir) rmSync(workDir, { recursive: true, force: true });
		n8n?.dispose();
	});

	/** What the request tap saw a process send (nothing yet: no file). */
	const readTap = (label: string): TappedRequest[] =>
		existsSync(tapFile(label))
			? readFileSync(tapFile(label), 'utf8')
					.split('\n')
					.filter(Boolean)
					.map((line) => JSON.parse(line) as TappedRequest)
			: [];

	let calls: Call[] = [];
	let runMs = 0;

	test(`${EXECUTIONS} webhook executions (${WAVES} waves of ${EXECUTIONS_PER_WAVE}, ${ITEMS} items) all succeed, spread over the workers`, { timeout: 6 * 60_000 }, async () => {
		assert.ok(sandbox && cluster && postgres);
		await sandbox.control.setLatency(LATENCY_MS);
		const url = `${cluster.baseUrl}/webhook/${WEBHOOK_PATH}`;
		const started = Date.now();
		// Sabotage happens at a point of the workload, not after a time a busy machine may not have reached.
		const { control } = sandbox;
		let running = true;
		let saboteur: Promise<void> | undefined;
		if (SABOTAGE === 'kill-worker') {
			saboteur = (async () => {
				// Mid-run: once the sandbox has seen half the invoice requests.
				const invoiceRequests = async () => {
					const { enkash } = await control.stats();
					return enkash.requests - enkash.tokenRequests;
				};
				while (running && (await invoiceRequests()) < ITEMS / 2) await new Promise((resolveWait) => setTimeout(resolveWait, 100));
				if (!running) return;
				log('sabotage: killing worker-2');
				if (cluster?.workers[1]?.child.pid) process.kill(-cluster.workers[1].child.pid, 'SIGKILL');
			})();
		}
		if (SABOTAGE === 'revoke-tokens') await control.addTrigger({ vendor: 'enkash', afterRequests: 25, action: 'revoke', once: false });

		const pending: Array<Promise<Call>> = [];
		for (let wave = 0; wave < WAVES; wave++) {
			const waitMs = started + wave * WAVE_GAP_MS - Date.now();
			if (waitMs > 0) await new Promise((resolveWait) => setTimeout(resolveWait, waitMs));
			for (let execution = 0; execution < EXECUTIONS_PER_WAVE; execution++) {
				const orderIds = Array.from({ length: ITEMS_PER_EXECUTION }, (_, item) => `q-${runId}-w${wave}-e${execution}-i${item}`);
				const orders = orderIds.map((orderId, item) => ({ orderId, amount: 100 + item }));
				pending.push(
					fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ orders }), signal: AbortSignal.timeout(4 * 60_000) })
						.then(async (response) => ({ wave, orderIds, status: response.status, body: await response.json().catch(() => undefined) }))
						.catch((error: Error) => ({ wave, orderIds, status: 0, body: undefined, error: error.message })),
				);
			}
		}
		calls = await Promise.all(pending);
		runMs = Date.now() - started;
		running = false;
		await saboteur;
		await sandbox.control.setLatency(0);
		log(`${calls.length} webhook calls answered in ${Math.round(runMs / 1000)} s`);

		const failed = calls.filter((call) => call.status !== 200);
		assert.deepEqual(
			failed.map((call) => ({ wave: call.wave, status: call.status, error: call.error ?? (call.body as { message?: string } | undefined)?.message })),
			[],
			`webhook calls failed; main said:\n${tail(cluster.main.output(), 20)}`,
		);

		// n8n's own record: one execution per call, each a success, run in webhook mode.
		const rows = JSON.parse(
			(await postgres.query(
				`SELECT coalesce(json_agg(json_build_object('id', id::text, 'status', status, 'mode', mode, 'startedAt', "startedAt", 'stoppedAt', "stoppedAt") ORDER BY id), '[]') ` +
					`FROM execution_entity WHERE "workflowId" = '${WORKFLOW_ID}'`,
			)) || '[]',
		) as ExecutionRow[];
		assert.equal(rows.length, EXECUTIONS, `expected ${EXECUTIONS} executions in n8n's database, found ${rows.length}`);
		assert.deepEqual(
			rows.filter((row) => row.status !== 'success').map((row) => `${row.id}: ${row.status}`),
			[],
			'every execution finished successfully',
		);
		assert.ok(rows.every((row) => row.mode === 'webhook'));

		// Which worker ran which execution: their logs. Main runs none in queue mode.
		const byWorker = new Map(cluster.workers.map((worker) => [worker.label, executionsStartedBy(worker)]));
		for (const [label, ids] of byWorker) log(`${label} ran ${ids.length} executions: ${ids.join(', ')}`);
		const started2 = [...byWorker.values()].flat();
		assert.equal(new Set(started2).size, started2.length, `an execution was started more than once: ${started2.join(', ')}`);
		assert.deepEqual([...started2].sort(), rows.map((row) => row.id).sort(), 'the workers between them started exactly the executions n8n recorded');
		assert.equal(byWorker.size, WORKERS, `${WORKERS} workers should run the workflow, ${byWorker.size} did`);
		for (const [label, ids] of byWorker) assert.ok(ids.length > 0, `${label} ran no execution`);

		// …at the same time: some execution of worker-1 overlaps one of worker-2.
		const span = (id: string) => {
			const row = rows.find((candidate) => candidate.id === id)!;
			return [Date.parse(row.startedAt), Date.parse(row.stoppedAt ?? row.startedAt)];
		};
		const [first, second] = [...byWorker.values()];
		const overlapping = first.some((a) => second.some((b) => span(a)[0] < span(b)[1] && span(b)[0] < span(a)[1]));
		assert.ok(overlapping, 'the two workers never ran executions at the same time');
	});

	test(`every one of the ${ITEMS} items became exactly one invoice`, async () => {
		assert.ok(sandbox && calls.length === EXECUTIONS, 'the run did not complete');
		const sent = calls.flatMap((call) => call.orderIds);
		const { records } = await sandbox.control.ledger();
		const invoices = records.filter((record) => record.vendor === 'enkash' && record.type === 'invoice');
		const counts = new Map<string, number>();
		for (const invoice of invoices) counts.set(String(invoice.externalId), (counts.get(String(invoice.externalId)) ?? 0) + 1);
		const missing = sent.filter((orderId) => !counts.has(orderId));
		const doubled = [...counts].filter(([, count]) => count > 1).map(([orderId]) => orderId);
		const unexpected = [...counts.keys()].filter((orderId) => !sent.includes(orderId));
		assert.deepEqual({ missing: missing.length, doubled, unexpected }, { missing: 0, doubled: [], unexpected: [] }, `missing e.g. ${missing.slice(0, 5).join(', ')}`);
		assert.equal(invoices.length, ITEMS);

		// Each webhook answered with its own items' invoices (responseData: all entries of the last node).
		for (const call of calls) {
			const items = call.body as Array<{ externalId?: string; invoiceId?: string }>;
			assert.ok(Array.isArray(items), `a webhook answered ${JSON.stringify(call.body).slice(0, 300)}`);
			assert.deepEqual(
				items.map((item) => item.externalId),
				call.orderIds,
			);
			for (const item of items) assert.match(String(item.invoiceId), /^EKINV\d{10}$/);
		}
	});

	test('Enkash token requests: one login per worker, at most one renewal per worker per token lifetime', async () => {
		assert.ok(sandbox && cluster && calls.length === EXECUTIONS, 'the run did not complete');
		const { requests } = await sandbox.control.ledger();
		const enkash = requests.filter((request) => request.vendor === 'enkash');
		const tokenRequests = enkash.filter((request) => request.kind === 'token');
		const spanMs = Math.max(...enkash.map((request) => request.at)) - Math.min(...enkash.map((request) => request.at));

		// Per process, from the tap: only the workers talk to Enkash; main runs no execution.
		const sandboxHost = new URL(sandbox.url).host;
		const tapped = (label: string) => readTap(label).filter((entry) => entry.host === sandboxHost && entry.path.startsWith('/enkash/'));
		assert.deepEqual(tapped('main'), [], 'main sent requests to Enkash');
		const perWorker = cluster.workers.map((worker) => {
			const sent = tapped(worker.label);
			const tokens = sent.filter((entry) => entry.path.split('?')[0] === '/enkash/oauth/token');
			const workerSpan = sent.length > 0 ? Math.max(...sent.map((entry) => entry.at)) - Math.min(...sent.map((entry) => entry.at)) : 0;
			return { label: worker.label, requests: sent.length, tokens: tokens.length, spanMs: workerSpan };
		});
		assert.equal(
			perWorker.reduce((sum, worker) => sum + worker.requests, 0),
			enkash.length,
			'the workers sent every Enkash request the sandbox saw',
		);

		const bound = tokenBound(spanMs);
		const grants = tokenRequests.map((request) => request.grant ?? '?');
		log(
			`Enkash: ${enkash.length} requests over ${(spanMs / 1000).toFixed(1)} s; ${tokenRequests.length} token requests (${grants.join(', ')}); ` +
				`token lifetime ${TOKEN_LIFETIME_S} s, renewed after ${bound.usableMs / 1000} s; bound ${WORKERS} × ${bound.perWorker} = ${WORKERS * bound.perWorker} ` +
				`(${WORKERS} × ceil(run / lifetime) + ${WORKERS} logins = ${WORKERS * Math.ceil(spanMs / (TOKEN_LIFETIME_S * 1000)) + WORKERS})`,
		);
		for (const worker of perWorker) {
			const own = tokenBound(worker.spanMs);
			log(`${worker.label}: ${worker.requests} requests over ${(worker.spanMs / 1000).toFixed(1)} s, ${worker.tokens} token requests (at most ${own.perWorker})`);
			assert.ok(worker.tokens <= own.perWorker, `${worker.label} made ${worker.tokens} token requests in ${worker.spanMs} ms, more than ${own.perWorker}`);
		}
		assert.equal(
			tokenRequests.filter((request) => request.status !== 200).length,
			0,
			'a token request was refused',
		);
		assert.equal(enkash.filter((request) => request.status === 401).length, 0, 'an API request was sent with a token the sandbox rejected');
		assert.ok(
			tokenRequests.length <= WORKERS * bound.perWorker,
			`${tokenRequests.length} token requests, more than ${WORKERS} workers × ${bound.perWorker} (1 login + 1 per ${bound.usableMs / 1000} s in ${spanMs} ms)`,
		);
	});

	test('main and workers sent HTTP requests to 127.0.0.1 only', () => {
		assert.ok(cluster, 'n8n did not start');
		const labels = ['main', ...cluster.workers.map((worker) => worker.label)];
		log(`HTTP requests sent: ${labels.map((label) => `${label} ${readTap(label).length}`).join(', ')}`);
		const elsewhere = labels.flatMap((label) =>
			readTap(label)
				.filter((entry) => !/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(entry.host))
				.map((entry) => `${label}: ${entry.method} ${entry.host}${entry.path}`),
		);
		assert.deepEqual(elsewhere, []);
	});

	/** Execution ids of one workflow in n8n's database, and which worker's log says it started each. */
	async function executionsOf(workflowId: string): Promise<Map<string, string[]>> {
		assert.ok(cluster && postgres);
		const ids = (await postgres.query(`SELECT coalesce(string_agg(id::text, ','), '') FROM execution_entity WHERE "workflowId" = '${workflowId}'`)).split(',').filter(Boolean);
		return new Map(cluster.workers.map((worker) => [worker.label, executionsStartedBy(worker).filter((id) => ids.includes(id))]));
	}

	const passwordLogins = async () => {
		assert.ok(sandbox);
		return (await sandbox.control.ledger()).requests.filter((r) => r.vendor === 'enkash' && r.kind === 'token' && r.grant === 'password').map((r) => r.status);
	};

	const callLogin = async (path: string): Promise<Array<{ invoiceId?: string; error?: string }>> => {
		assert.ok(cluster);
		const response = await fetch(`${cluster.baseUrl}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(2 * 60_000) });
		const body = (await response.json()) as unknown;
		assert.equal(response.status, 200, `webhook answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
		return (Array.isArray(body) ? body : [body]) as Array<{ invoiceId?: string; error?: string }>;
	};

	test('a wrong password, executions one after another until every worker ran some: 1 login in all, account not locked; corrected, the next execution logs in', { timeout: 6 * 60_000 }, async () => {
		assert.ok(sandbox && cluster);
		await sandbox.control.reset();
		const answers: Array<Array<{ invoiceId?: string; error?: string }>> = [];
		const everyWorkerRanOne = async () => [...(await executionsOf(ONE_AFTER_ANOTHER.workflowId)).values()].every((ids) => ids.length > 0);
		// One call at a time (each answered before the next is sent); at least two per worker, at most 40 in all.
		while (answers.length < 2 * WORKERS || (!(await everyWorkerRanOne()) && answers.length < 40)) answers.push(await callLogin(ONE_AFTER_ANOTHER.path));
		const byWorker = await executionsOf(ONE_AFTER_ANOTHER.workflowId);
		log(`one after another: ${answers.length} executions, ${[...byWorker].map(([label, ids]) => `${label} ${ids.length}`).join(', ')}; password logins ${JSON.stringify(await passwordLogins())}`);
		for (const [label, ids] of byWorker) assert.ok(ids.length > 0, `${label} ran none of the executions`);
		for (const [index, items] of answers.entries()) {
			assert.equal(items.length, 1);
			assert.match(String(items[0].error), LOGIN_REFUSAL, `execution ${index + 1}`);
			assert.doesNotMatch(JSON.stringify(items), new RegExp(WRONG_PASSWORD));
		}
		assert.deepEqual(await passwordLogins(), [401], 'one login reached Enkash in all');
		assert.deepEqual(await sandbox.control.enkashAccount(), { locked: false, consecutiveFailures: 1, loginAttempts: 1 });

		// The user corrects the password. n8n keeps the credential's hidden fields on save; so does this
		// re-import of the exported data, which carries the refusal record along.
		const file = join(workDir, 'corrected-credential.json');
		const exported = await lib.runN8n(n8n.app, ['export:credentials', `--id=${ONE_AFTER_ANOTHER.credential.id}`, '--decrypted', `--output=${file}`], { env: cliEnv, cwd: n8n.userFolder });
		assert.equal(exported.code, 0, tail(exported.stdout + exported.stderr));
		const [saved] = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>;
		rmSync(file, { force: true });
		assert.notEqual(saved.data.loginRefusal ?? '', '', 'the refusal is kept in the credential');
		assert.doesNotMatch(String(saved.data.loginRefusal), new RegExp(WRONG_PASSWORD));
		await lib.importCredentials(n8n.app, {
			env: cliEnv,
			userFolder: n8n.userFolder,
			credentials: [{ ...saved, data: { ...saved.data, password: DEMO_CREDENTIALS.enkash.password } }],
		});
		const corrected = await callLogin(ONE_AFTER_ANOTHER.path);
		assert.equal(corrected[0].error, undefined, `after the correction: ${JSON.stringify(corrected[0])}`);
		assert.match(String(corrected[0].invoiceId), /^EKINV\d{10}$/);
		assert.deepEqual(await passwordLogins(), [401, 200], 'the corrected credential logged in once');
	});

	test(`a wrong password, ${TOGETHER_EXECUTIONS} executions started together on all workers: at most 2 failed logins (Enkash locks after 3)`, { timeout: 6 * 60_000 }, async () => {
		assert.ok(sandbox && cluster);
		await sandbox.control.reset();
		const answers = await Promise.all(Array.from({ length: TOGETHER_EXECUTIONS }, async () => await callLogin(TOGETHER.path)));
		const byWorker = await executionsOf(TOGETHER.workflowId);
		const logins = await passwordLogins();
		log(`together: ${answers.length} executions, ${[...byWorker].map(([label, ids]) => `${label} ${ids.length}`).join(', ')}; password logins ${logins.length} ${JSON.stringify(logins)}`);
		for (const [label, ids] of byWorker) assert.ok(ids.length > 0, `${label} ran none of the executions started together`);
		for (const items of answers) assert.match(String(items[0]?.error), LOGIN_REFUSAL);
		assert.ok(logins.length >= 1 && logins.length <= 2, `${logins.length} failed logins`);
		assert.equal((await sandbox.control.enkashAccount()).locked, false);
	});
});
