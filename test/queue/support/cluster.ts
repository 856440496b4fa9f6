/**
 * n8n in queue mode: one main process (`n8n start`: editor, REST API, webhooks; it enqueues
 * executions in Redis and runs none itself) and workers (`n8n worker --concurrency N`) that take
 * executions from the queue. All share the PostgreSQL database and the encryption key; each has a
 * user folder of its own (as on separate machines) holding our installed package.
 *
 * Every process gets n8nEnv's settings (loopback only, nothing calling home, the mcp-registry
 * module off) plus the queue-mode ones, and its own task-broker (and worker health) port.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nApp } from '../../e2e/support';
import type { QueueLib } from './queueLib';
import { killOnExit, stopChild, type PostgresServer, type RedisServer } from './services';

type Log = (line: string) => void;

export interface QueueSettings {
	postgres: PostgresServer;
	redis: RedisServer;
	encryptionKey: string;
}

/** n8nEnv plus what makes a process part of this queue-mode installation. */
export async function queueEnv(lib: QueueLib, userFolder: string, settings: QueueSettings, extra: Record<string, string> = {}): Promise<Record<string, string>> {
	const { postgres, redis, encryptionKey } = settings;
	return lib.n8nEnv({
		userFolder,
		brokerPort: await lib.freePort(),
		extra: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			DB_POSTGRESDB_POOL_SIZE: '4',
			// Main and workers must decrypt the same credentials: one key, given to all of them.
			N8N_ENCRYPTION_KEY: encryptionKey,
			// Executions started from the editor go to the workers too (n8n 3's only behaviour), not only
			// webhook and trigger executions.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			N8N_LOG_LEVEL: 'info',
			...extra,
		},
	});
}

export interface N8nProcess {
	label: string;
	child: ChildProcess;
	logFile: string;
	/** Everything the process printed so far. */
	output(): string;
	exited(): string | undefined;
	stop(): Promise<void>;
}

/** Starts one long-running n8n command in its own process group, its output kept and logged to a file. */
export function startN8nProcess(
	app: N8nApp,
	{ label, args, env, cwd, logDir }: { label: string; args: string[]; env: Record<string, string>; cwd: string; logDir: string },
): N8nProcess {
	mkdirSync(logDir, { recursive: true });
	const logFile = join(logDir, `${label}.log`);
	const log = createWriteStream(logFile);
	// Own process group, so stopping it also reaches the task runner it launches.
	const child = spawn(app.nodeBin, [app.n8nBin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let text = '';
	for (const stream of [child.stdout, child.stderr]) {
		stream?.setEncoding('utf8');
		stream?.on('data', (chunk: string) => {
			text += chunk;
			log.write(chunk);
		});
	}
	killOnExit(() => {
		if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
	});
	return {
		label,
		child,
		logFile,
		output: () => text,
		exited: () => (child.exitCode !== null || child.signalCode !== null ? `exited (${child.signalCode ?? `code ${child.exitCode}`})` : undefined),
		stop: async () => {
			await stopChild(child, 20_000, true);
			log.end();
		},
	};
}

/** Polls `url` until it answers 200; fails early, with the process's output, if the process exits. */
export async function waitUntilReady(processInfo: N8nProcess, url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const exited = processInfo.exited();
		if (exited) throw new Error(`n8n ${processInfo.label} ${exited} before it was ready:\n${tail(processInfo.output())}`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
	throw new Error(`n8n ${processInfo.label} was not ready at ${url} within ${Math.round(timeoutMs / 1000)} s:\n${tail(processInfo.output())}`);
}

export function tail(text: string, lines = 40): string {
	return text.trim().split('\n').slice(-lines).join('\n');
}

export interface Cluster {
	main: N8nProcess;
	workers: N8nProcess[];
	baseUrl: string;
	stop(): Promise<void>;
}

/**
 * Starts main and the workers side by side and waits until all are ready: main at
 * /healthz/readiness (its REST routes and active workflows' webhooks registered), each worker at
 * its own health server's /healthz/readiness (database and Redis connected) and its "n8n worker is
 * now ready" line (it listens to the queue).
 */
export async function startCluster(
	lib: QueueLib,
	app: N8nApp,
	options: {
		settings: QueueSettings;
		mainUserFolder: string;
		workDir: string;
		workers: number;
		concurrency: number;
		/** Extra environment for one process, by label (`main`, `worker-1`, …). */
		envFor?: (label: string) => Record<string, string>;
		log: Log;
	},
): Promise<Cluster> {
	const { settings, mainUserFolder, workDir, log } = options;
	const logDir = join(workDir, 'logs');
	const port = await lib.freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const mainEnv = await queueEnv(lib, mainUserFolder, settings, {
		N8N_PORT: String(port),
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		N8N_WEBHOOK_URL: `${baseUrl}/`,
		...options.envFor?.('main'),
	});
	const main = startN8nProcess(app, { label: 'main', args: ['start'], env: mainEnv, cwd: mainUserFolder, logDir });

	const workers: N8nProcess[] = [];
	const workerReady: Array<Promise<void>> = [];
	for (let index = 1; index <= options.workers; index++) {
		const label = `worker-${index}`;
		// A user folder per worker, as on its own machine: the same package, installed the same way.
		const userFolder = join(workDir, label);
		cpSync(lib.nodesDir(mainUserFolder), lib.nodesDir(userFolder), { recursive: true });
		const healthPort = await lib.freePort();
		const env = await queueEnv(lib, userFolder, settings, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...options.envFor?.(label),
		});
		const worker = startN8nProcess(app, { label, args: ['worker', `--concurrency=${options.concurrency}`], env, cwd: userFolder, logDir });
		workers.push(worker);
		workerReady.push(
			(async () => {
				await waitUntilReady(worker, `http://127.0.0.1:${healthPort}/healthz/readiness`, 4 * 60_000);
				const deadline = Date.now() + 60_000;
				while (!worker.output().includes('n8n worker is now ready')) {
					if (worker.exited() || Date.now() > deadline) throw new Error(`n8n ${label} never said it was ready:\n${tail(worker.output())}`);
					await new Promise((resolveWait) => setTimeout(resolveWait, 250));
				}
				log(`${label} ready (pid ${worker.child.pid}, concurrency ${options.concurrency})`);
			})(),
		);
	}
	const stop = async () => {
		// Workers first (they finish or hand back their jobs), then main.
		await Promise.all(workers.map((worker) => worker.stop()));
		await main.stop();
	};
	try {
		await Promise.all([waitUntilReady(main, `${baseUrl}/healthz/readiness`, 4 * 60_000).then(() => log(`main ready at ${baseUrl} (pid ${main.child.pid})`)), ...workerReady]);
	} catch (error) {
		await stop();
		throw error;
	}
	return { main, workers, baseUrl, stop };
}

/** Execution ids a worker's log says it started ("Worker started execution 12 (job 5)"). */
export function executionsStartedBy(worker: N8nProcess): string[] {
	return [...worker.output().matchAll(/Worker started execution (\d+) \(job /g)].map((match) => match[1]);
}
