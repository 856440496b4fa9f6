/**
 * The legs that run in the real n8n app (`.n8n-app/`): our packed package installed in a fresh user
 * folder the way n8n installs a community package, credentials and workflows imported with n8n's
 * CLI, each leg one `n8n execute --id` (a new n8n process, as a scheduled run in a fresh worker).
 * A leg's time is the one n8n itself records for the node under test (`executionTime` of its runs),
 * so n8n's start-up and the nodes that make the input items are not counted.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { prepareN8n, type Credential, type E2eLib, type ExecuteResult, type PreparedN8n } from '../e2e/support';
import { processCpuSeconds } from './sandboxProcess';
import type { BenchWorkflow } from './workflows';

interface NodeRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message?: string };
}

export interface LegTiming {
	/** The node's own time, summed over its runs (a loop runs it once per batch). */
	ms: number;
	/** From the node's first start to its last end (differs from `ms` in a loop). */
	spanMs: number;
	runs: number;
	items: number;
	/** Output items that carry an `error` (Continue on Fail), or 1 when the node stopped with one. */
	errors: number;
	error?: string;
	/** `n8n execute` from spawn to exit, n8n's start-up included. */
	wallMs: number;
	/** CPU seconds n8n used over that time (sampled every 100 ms). */
	cpuSeconds: number;
}

/** CPU seconds of a process and its descendants (Linux /proc), NaN when it is gone. */
function treeCpuSeconds(pid: number | undefined): number {
	if (pid === undefined) return Number.NaN;
	let total = processCpuSeconds(pid);
	if (!Number.isFinite(total)) return total;
	try {
		for (const task of readdirSync(`/proc/${pid}/task`)) {
			for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
				const seconds = treeCpuSeconds(Number(child));
				if (Number.isFinite(seconds)) total += seconds;
			}
		}
	} catch {
		// A task or child that ended meanwhile.
	}
	return total;
}

/** scripts/e2e-lib.mjs also exports the parser of `n8n execute --rawOutput` output. */
type E2eLibWithParse = E2eLib & { parseExecuteOutput(text: string): unknown };

export class RealN8n {
	private constructor(private readonly n8n: PreparedN8n) {}

	static async start(): Promise<RealN8n> {
		return new RealN8n(await prepareN8n());
	}

	/** The n8n version the app runs. */
	get version(): string {
		return (JSON.parse(readFileSync(join(this.n8n.app.appDir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
	}

	get nodeBin(): string {
		return this.n8n.app.nodeBin;
	}

	async importCredentials(credentials: Credential[]): Promise<void> {
		await this.n8n.lib.importCredentials(this.n8n.app, { env: this.n8n.env, userFolder: this.n8n.userFolder, credentials });
	}

	async importWorkflows(workflows: BenchWorkflow[]): Promise<void> {
		await this.n8n.lib.importWorkflows(this.n8n.app, { env: this.n8n.env, userFolder: this.n8n.userFolder, workflows });
	}

	/**
	 * `n8n execute --id --rawOutput` with its output going to a file, not a pipe: n8n exits right
	 * after printing the run, and a large run printed to a pipe is cut off at exit.
	 */
	private async executeToFile(workflowId: string, timeoutMs: number): Promise<ExecuteResult & { cpuSeconds: number }> {
		const outFile = join(this.n8n.userFolder, `execute-${workflowId}.out`);
		const errFile = join(this.n8n.userFolder, `execute-${workflowId}.err`);
		const out = openSync(outFile, 'w');
		const err = openSync(errFile, 'w');
		let cpuSeconds = 0;
		try {
			const code = await new Promise<number | null>((resolve, reject) => {
				const child = spawn(this.n8n.app.nodeBin, [this.n8n.app.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'], {
					cwd: this.n8n.userFolder,
					env: this.n8n.env,
					stdio: ['ignore', out, err],
				});
				const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
				// The CPU n8n (and the task runner it starts) used, read while it runs: gone from /proc once it exits.
				const sampler = setInterval(() => {
					const seconds = treeCpuSeconds(child.pid);
					if (Number.isFinite(seconds)) cpuSeconds = Math.max(cpuSeconds, seconds);
				}, 100);
				const done = () => {
					clearTimeout(timer);
					clearInterval(sampler);
				};
				child.on('error', (error) => {
					done();
					reject(error);
				});
				child.on('close', (exitCode) => {
					done();
					resolve(exitCode);
				});
			});
			const stdout = readFileSync(outFile, 'utf8');
			const stderr = readFileSync(errFile, 'utf8');
			const run = (this.n8n.lib as E2eLibWithParse).parseExecuteOutput(stdout) as ExecuteResult['run'];
			const error = run?.data?.resultData && 'error' in run.data.resultData ? (run.data.resultData as { error?: ExecuteResult['error'] }).error : undefined;
			return { ok: code === 0 && run !== undefined && !error, code, run, error, stdout, stderr, cpuSeconds };
		} finally {
			closeSync(out);
			closeSync(err);
			rmSync(outFile, { force: true });
			rmSync(errFile, { force: true });
		}
	}

	/** Runs a workflow and reports how the node under test did. */
	async execute(workflowId: string, legName: string, timeoutMs = 10 * 60_000): Promise<LegTiming> {
		const started = performance.now();
		const result = await this.executeToFile(workflowId, timeoutMs);
		const wallMs = performance.now() - started;
		const runs = ((result.run?.data?.resultData?.runData ?? {}) as Record<string, NodeRun[]>)[legName] ?? [];
		if (runs.length === 0) {
			const tail = (text: string) => text.trim().split('\n').slice(-12).join('\n');
			const why = result.error?.message ?? `exit code ${result.code}, ${result.stdout.length} characters of output; stdout ends:\n${tail(result.stdout)}\nstderr ends:\n${tail(result.stderr)}`;
			throw new Error(`n8n execute ${workflowId} (${Math.round(wallMs / 1000)} s): ${legName} did not run: ${why}`);
		}
		const items = runs.flatMap((run) => run.data?.main?.[0] ?? []);
		const failed = runs.find((run) => run.error);
		return {
			ms: runs.reduce((sum, run) => sum + run.executionTime, 0),
			spanMs: Math.max(...runs.map((run) => run.startTime + run.executionTime)) - Math.min(...runs.map((run) => run.startTime)),
			runs: runs.length,
			items: items.length,
			errors: items.filter((item) => item.json.error !== undefined).length + (failed ? 1 : 0),
			error: failed?.error?.message ?? (result.ok ? undefined : result.error?.message),
			wallMs,
			cpuSeconds: result.cpuSeconds,
		};
	}

	dispose(): void {
		this.n8n.dispose();
	}
}
