/**
 * How the benchmark runs a leg in a process of its own: the parent starts `node <script> <json>`
 * and reads the result from the last line the child prints (`{"result": …}`), so a leg's memory
 * and CPU are its own and the sandbox, the n8n app and the bare client never share a process.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Result line prefix, so log lines a child prints cannot be mistaken for its result. */
const RESULT_MARK = 'BENCH-RESULT ';

/** What every child reports besides its own result: the CPU seconds it used in all. */
export interface ChildCpu {
	cpuSeconds: number;
}

/** Runs `dist-dev/test/bench/<script>.js` with `input` and returns what it reported. */
export function runChild<T>(script: string, input: unknown, options: { nodeArgs?: string[]; timeoutMs?: number } = {}): Promise<T & ChildCpu> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(__dirname, `${script}.js`), JSON.stringify(input)], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15 * 60_000);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const line = stdout
				.split('\n')
				.reverse()
				.find((candidate) => candidate.startsWith(RESULT_MARK));
			if (code === 0 && line) {
				resolve(JSON.parse(line.slice(RESULT_MARK.length)) as T & ChildCpu);
				return;
			}
			const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n');
			reject(new Error(`${script} failed (${signal ?? `exit code ${code}`}):\n${output}`));
		});
	});
}

/** In a child: reads the input, runs `main`, prints the result line and exits. */
export function childMain<I, O>(main: (input: I) => Promise<O>): void {
	const input = JSON.parse(process.argv[2] ?? '{}') as I;
	main(input).then(
		(result) => {
			const cpu = process.cpuUsage();
			const report = { ...result, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
			process.stdout.write(`${RESULT_MARK}${JSON.stringify(report)}\n`, () => process.exit(0));
		},
		(error: unknown) => {
			console.error(error instanceof Error ? (error.stack ?? error.message) : error);
			process.exit(1);
		},
	);
}

/** Peak memory of this process while `work` runs, above what it used just before (after a full GC). */
export interface MemoryPeak {
	/** Resident set size just before, after a forced GC (bytes). */
	baselineRss: number;
	/** Highest resident set size the kernel saw for this process (getrusage maxrss), less the baseline. */
	peakRssAbove: number;
	/** Highest V8 heap in use plus off-heap memory (buffers), sampled every 5 ms, less the baseline. */
	peakHeapAbove: number;
	/** Heap plus off-heap memory still in use once the work is done and a GC ran (what the result holds), less the baseline. */
	retainedAbove: number;
}

/** V8 heap in use plus memory held outside it (`external` includes Buffers and ArrayBuffers). */
function heapInUse(): number {
	const usage = process.memoryUsage();
	return usage.heapUsed + usage.external;
}

/**
 * Measures `work`. Needs `--expose-gc`. The kernel's maxrss is a high-water mark over the whole
 * process life: it counts when the work pushed it above what loading the modules reached, else the
 * RSS sampled every 5 ms does. The sampled heap shows the JavaScript side.
 */
export async function measureMemory<T>(work: () => Promise<T>): Promise<{ value: T; memory: MemoryPeak }> {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run with --expose-gc');
	// Two full collections a little apart, so weakly held and finalizable garbage is gone too.
	const collect = async () => {
		gc();
		await new Promise((resolve) => setTimeout(resolve, 50));
		gc();
	};
	await collect();
	const baselineRss = process.memoryUsage().rss;
	const maxRssBefore = process.resourceUsage().maxRSS * 1024;
	const baselineHeap = heapInUse();
	let peakHeap = baselineHeap;
	let peakRss = baselineRss;
	const sampler = setInterval(() => {
		peakHeap = Math.max(peakHeap, heapInUse());
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}, 5);
	const value = await work();
	clearInterval(sampler);
	peakHeap = Math.max(peakHeap, heapInUse());
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	// maxrss only tells about the work when the work raised it past what loading the modules reached.
	const maxRssAfter = process.resourceUsage().maxRSS * 1024;
	const maxRss = maxRssAfter > maxRssBefore ? Math.max(peakRss, maxRssAfter) : peakRss;
	await collect();
	const retained = heapInUse();
	return { value, memory: { baselineRss, peakRssAbove: maxRss - baselineRss, peakHeapAbove: peakHeap - baselineHeap, retainedAbove: retained - baselineHeap } };
}
