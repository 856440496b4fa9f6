/**
 * The sandbox for the benchmark, in a process of its own (`dist-dev/sandbox/cli.js --port 0`), so the
 * client under test and the "vendor" never share an event loop; controlled over its HTTP control
 * API. Its CPU time is read from /proc (Linux) to show whether it was ever the bottleneck, and the
 * machine's to show how much other work ran beside each leg.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SandboxClient, type RecordEntry, type RequestEntry, type Vendor } from '../../sandbox';

export interface SandboxProcess {
	url: string;
	pid: number;
	control: SandboxClient;
	/** CPU seconds the sandbox process has used so far (user + system), or NaN where /proc is missing. */
	cpuSeconds(): number;
	/** The ledger's current position: requests and records seen so far. */
	position(): Promise<number>;
	stop(): Promise<void>;
}

export async function startSandboxProcess(devBuildDir: string): Promise<SandboxProcess> {
	const child = spawn(process.execPath, [join(devBuildDir, 'sandbox', 'cli.js'), '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const url = await new Promise<string>((resolve, reject) => {
		let stdout = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			const found = /Sandbox listening on (\S+)/.exec(stdout);
			if (found) resolve(found[1]);
		});
		child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}): ${stderr}`)));
	});
	child.stdout.resume();
	const control = new SandboxClient(url);
	return {
		url,
		pid: child.pid ?? 0,
		control,
		cpuSeconds: () => processCpuSeconds(child.pid),
		position: async () => {
			const { totals } = await control.stats();
			return totals.requests + totals.recordsCreated;
		},
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

/** What the "vendor" saw during one leg. */
export interface Traffic {
	/** API requests (token requests not counted). */
	api: number;
	tokens: number;
	/** 401 answers (a token the server no longer accepts). */
	unauthorized: number;
	/** Other answers that were not 2xx, and dropped connections. */
	failed: number;
	/** API requests answered 429 (counted in `failed` too). */
	rateLimited: number;
	/** Records the vendor created during the leg, and how many distinct External IDs they carry. */
	created: number;
	createdExternalIds: number;
	/**
	 * Most requests of the vendor (API and token) open at once in the sandbox: from each request's
	 * arrival to its end, as the ledger records them. Exact, not an estimate.
	 */
	peakOpen?: number;
	/** Most requests that arrived within any one second. */
	peakPerSecond: number;
	/**
	 * Most requests that arrived within one latency window: all of them were in flight together,
	 * since none is answered before the latency has passed. A lower bound of the peak concurrency.
	 */
	peakInFlight?: number;
	/** CPU seconds the sandbox process used during the leg. */
	sandboxCpuSeconds?: number;
	/** CPU seconds every process on the machine used during the leg, and the leg's wall time. */
	machineCpuSeconds?: number;
	/** CPU seconds this benchmark process itself used during the leg. */
	benchCpuSeconds: number;
	wallSeconds: number;
	/** Cores other processes on the machine kept busy during the leg, on average (see otherLoad). */
	otherCores?: number;
}

/** CPU seconds all cores have been busy since boot (/proc/stat), or NaN where that is missing. */
export function machineBusySeconds(): number {
	try {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
		// user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
		const busy = fields.reduce((sum, value, index) => (index === 3 || index === 4 || index > 7 ? sum : sum + value), 0);
		return busy / 100;
	} catch {
		return Number.NaN;
	}
}

/** CPU seconds a process has used so far (/proc/<pid>/stat), or NaN once it is gone. */
export function processCpuSeconds(pid: number | undefined): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return Number.NaN;
	}
}

/**
 * How many cores other work on the machine kept busy during a leg: the machine's busy CPU less
 * what the sandbox, the client under test and this benchmark used, over the leg's wall time.
 */
export function otherLoad(traffic: Traffic, clientCpuSeconds: number | undefined): number | undefined {
	if (traffic.machineCpuSeconds === undefined || clientCpuSeconds === undefined || !Number.isFinite(clientCpuSeconds)) return undefined;
	const others = traffic.machineCpuSeconds - (traffic.sandboxCpuSeconds ?? 0) - traffic.benchCpuSeconds - clientCpuSeconds;
	return Math.max(0, others / traffic.wallSeconds);
}

function mostWithin(times: number[], windowMs: number): number {
	let best = 0;
	let first = 0;
	for (let last = 0; last < times.length; last++) {
		while (times[last] - times[first] >= windowMs) first++;
		best = Math.max(best, last - first + 1);
	}
	return best;
}

/** Most intervals [start, end) open at once; an end and a start at the same millisecond do not overlap. */
export function mostOpen(intervals: Array<{ start: number; end: number }>): number {
	const events = intervals.flatMap(({ start, end }) => [
		{ at: start, delta: 1 },
		{ at: end, delta: -1 },
	]);
	events.sort((a, b) => a.at - b.at || a.delta - b.delta);
	let open = 0;
	let most = 0;
	for (const event of events) {
		open += event.delta;
		most = Math.max(most, open);
	}
	return most;
}

export function trafficOf(requests: RequestEntry[], vendor: Vendor, latencyMs: number, records: RecordEntry[] = []): Omit<Traffic, 'benchCpuSeconds' | 'wallSeconds'> {
	const mine = requests.filter((entry) => entry.vendor === vendor);
	const times = mine.map((entry) => entry.at).sort((a, b) => a - b);
	const ended = mine.every((entry) => entry.endedAt !== undefined);
	const created = records.filter((record) => record.vendor === vendor);
	return {
		api: mine.filter((entry) => entry.kind === 'api').length,
		tokens: mine.filter((entry) => entry.kind === 'token').length,
		unauthorized: mine.filter((entry) => entry.status === 401).length,
		failed: mine.filter((entry) => entry.status !== 401 && (entry.status < 200 || entry.status >= 300)).length,
		rateLimited: mine.filter((entry) => entry.kind === 'api' && entry.status === 429).length,
		created: created.length,
		createdExternalIds: new Set(created.map((record) => record.externalId).filter((id) => id !== undefined)).size,
		peakPerSecond: mostWithin(times, 1000),
		peakInFlight: latencyMs >= 5 ? mostWithin(times, latencyMs) : undefined,
		peakOpen: ended && mine.length > 0 ? mostOpen(mine.map((entry) => ({ start: entry.at, end: entry.endedAt! }))) : undefined,
	};
}

/** How long, in all, legs may wait for other work on the machine to calm down (see waitForQuiet). */
const quiet = { budgetMs: 0, threshold: 0.5 };

export function setQuietBudget(seconds: number, thresholdCores = 0.5): void {
	quiet.budgetMs = seconds * 1000;
	quiet.threshold = thresholdCores;
}

/**
 * Between legs nothing of ours is busy, so the machine's busy CPU is other work. Waits (within
 * the run's budget) until it stays under the threshold for a second, so a leg does not start in
 * the middle of someone else's burst.
 */
async function waitForQuiet(): Promise<void> {
	while (quiet.budgetMs > 0) {
		const before = machineBusySeconds();
		const started = performance.now();
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const elapsed = performance.now() - started;
		quiet.budgetMs -= elapsed;
		const cores = (machineBusySeconds() - before) / (elapsed / 1000);
		if (!Number.isFinite(cores) || cores < quiet.threshold) return;
	}
}

/**
 * Runs a leg and reports the sandbox traffic (of one vendor) and sandbox CPU it caused, and — when
 * the leg reports the CPU its client used — how busy the rest of the machine was meanwhile.
 */
export async function withTraffic<T extends { cpuSeconds?: number }>(sandbox: SandboxProcess, vendor: Vendor, latencyMs: number, leg: () => Promise<T>): Promise<{ result: T; traffic: Traffic }> {
	await waitForQuiet();
	const since = await sandbox.position();
	const cpuBefore = sandbox.cpuSeconds();
	const machineBefore = machineBusySeconds();
	const benchBefore = process.cpuUsage();
	const started = performance.now();
	const result = await leg();
	const wallSeconds = (performance.now() - started) / 1000;
	const bench = process.cpuUsage(benchBefore);
	const machine = machineBusySeconds() - machineBefore;
	const cpu = sandbox.cpuSeconds() - cpuBefore;
	const { requests, records } = await sandbox.control.ledger(since);
	const traffic: Traffic = {
		...trafficOf(requests, vendor, latencyMs, records),
		sandboxCpuSeconds: Number.isFinite(cpu) ? cpu : undefined,
		machineCpuSeconds: Number.isFinite(machine) ? machine : undefined,
		benchCpuSeconds: (bench.user + bench.system) / 1e6,
		wallSeconds,
	};
	traffic.otherCores = otherLoad(traffic, result.cpuSeconds);
	return { result, traffic };
}
