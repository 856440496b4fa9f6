/**
 * The n8n a newcomer gets from `npm start` (scripts/start.mjs): the sandbox, a real n8n 2.41.1 with
 * our package installed as a community package, the sandbox credentials and example workflows, and
 * the owner account, on free loopback ports and in a user folder of its own.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { repoRoot } from './packageTypes';

export const OWNER = { email: 'owner@example.com', password: 'Sandbox-Owner-1' } as const;

/** tsc compiles `import()` to `require()` under CommonJS, which cannot load the .mjs scripts. */
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

export interface RunningN8n {
	baseUrl: string;
	sandboxUrl: string;
	/** Everything `npm start` printed so far. */
	output(): string;
	/** Stops n8n and the sandbox the way a user does (Ctrl-C) and removes the user folder. */
	stop(): Promise<void>;
}

/**
 * Runs `npm start -- --skip-build` (the package is built before the e2e and UI tests) and waits for
 * its "n8n is ready" line; its whole output goes to `logFile`.
 */
export async function startN8n(logFile: string, timeoutMs = 10 * 60_000): Promise<RunningN8n> {
	const root = repoRoot();
	const { freePort } = await importEsm<{ freePort(): Promise<number> }>(join(root, 'scripts', 'e2e-lib.mjs'));
	const [port, sandboxPort, brokerPort] = [await freePort(), await freePort(), await freePort()];
	const userFolder = mkdtempSync(join(tmpdir(), 'ui-test-n8n-'));
	const log = createWriteStream(logFile);
	const child: ChildProcess = spawn(
		process.execPath,
		[
			join(root, 'scripts', 'start.mjs'),
			'--skip-build',
			'--port',
			String(port),
			'--sandbox-port',
			String(sandboxPort),
			'--broker-port',
			String(brokerPort),
			'--user-folder',
			userFolder,
		],
		{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	for (const stream of [child.stdout!, child.stderr!]) {
		stream.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			log.write(chunk);
		});
	}
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);

	const stop = async () => {
		process.removeListener('exit', killOnExit);
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGINT');
			const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			await exited;
			clearTimeout(killer);
		}
		await new Promise((resolve) => log.end(resolve));
		rmSync(userFolder, { recursive: true, force: true });
	};

	try {
		await new Promise<void>((resolve, reject) => {
			const deadline = setTimeout(() => reject(new Error(`npm start: n8n was not ready within ${timeoutMs / 1000}s:\n${output.slice(-3000)}`)), timeoutMs);
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
	} catch (error) {
		await stop();
		throw error;
	}
	return { baseUrl: `http://127.0.0.1:${port}`, sandboxUrl: `http://127.0.0.1:${sandboxPort}`, output: () => output, stop };
}
