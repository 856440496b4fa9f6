#!/usr/bin/env node
/**
 * A focused look at the per-item path, apart from `npm run bench`: our node against the minimal node
 * (minimalNode.ts: the same bodies through n8n's httpRequestWithAuthentication, same credential), in
 * n8n-core's WorkflowExecute, each leg in a fresh engine child (engineChild.ts), the sandbox at a
 * fixed latency. Legs alternate, round after round, so a noisy machine slows both alike; the medians
 * are printed. With `--profile DIR` each leg's measured run (not its warm-up) is CPU-profiled and
 * the profile's top entries by self time are printed, with the share of our own modules.
 *
 *   node dist-dev/test/bench/perItem.js [--items 5000] [--rounds 3] [--concurrency 50] [--latency 0]
 *        [--legs ours-expressions,minimal-expressions,ours-byName,minimal-byName] [--profile DIR]
 *   node dist-dev/test/bench/perItem.js --summarize FILE.cpuprofile [--top 25] [--json]
 *   node dist-dev/test/bench/perItem.js --return-all [--search-items 100000] [--page-size 500] [--rounds 3] [--latency 20]
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { vendorBaseUrls } from '../../sandbox';
import { runChild } from './child';
import { enkashLogin } from './common';
import type { EngineCreateResult, EngineInput, EngineSearchResult } from './engineChild';
import { startSandboxProcess } from './sandboxProcess';
import { CUSTOMER_ID } from './workflows';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** Where a function comes from: our package, an n8n module, zod, Node itself, or V8's own work. */
function origin(url: string, name: string): string {
	if (!url) return name.startsWith('(') ? name : '(native)';
	const at = url.lastIndexOf('node_modules/');
	if (at >= 0) {
		const rest = url.slice(at + 'node_modules/'.length).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	if (url.startsWith('node:')) return 'node';
	if (/\/dist(-dev)?\/(shared|nodes|credentials)\//.test(url)) return 'ours';
	if (url.includes('/dist-dev/test/')) return 'bench harness';
	return 'other';
}

/** Samples that are not the run's work: idle, and the profiler's own inspector session (stopping and writing the profile). */
const notTheRun = (functionName: string, url: string) => functionName === '(idle)' || url.startsWith('node:inspector');

/** A CPU profile reduced to what BENCHMARKS.md shows: shares of the sampled time (idle excluded). */
export interface ProfileSummary {
	sampledMs: number;
	/** Self time by origin (ours, n8n-core, axios, node, (garbage collector)…), largest first. */
	byOrigin: Array<{ origin: string; share: number }>;
	/** Functions by self time, largest first. */
	functions: Array<{ name: string; origin: string; share: number }>;
	/** Our code with what it calls (n8n's getNodeParameter, zod, luxon…), n8n's request helper excluded. */
	oursShare: number;
	/** That share by the nearest function of ours, largest first. */
	ours: Array<{ name: string; share: number }>;
}

/** Self time per function and per origin, as shares of all sampled time except idle and the profiler's own. */
export function profileSummary(file: string): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map<number, number>();
	profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
	const byFunction = new Map<string, { us: number; origin: string }>();
	const byOrigin = new Map<string, number>();
	let total = 0;
	for (const [id, us] of self) {
		const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
		if (notTheRun(functionName, url)) continue;
		total += us;
		const from = origin(url, functionName);
		const file = url ? url.slice(url.lastIndexOf('/') + 1) : '';
		const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
		const entry = byFunction.get(key) ?? { us: 0, origin: from };
		entry.us += us;
		byFunction.set(key, entry);
		byOrigin.set(from, (byOrigin.get(from) ?? 0) + us);
	}
	// Our code with what it calls (n8n's getNodeParameter, zod, luxon…), except n8n's request helper:
	// a sample is ours when, from the leaf up, an `ours` frame comes before httpRequestWithAuthentication.
	// It is charged to that nearest `ours` frame (our credential's authenticate, called by n8n, counts as ours).
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const oursInclusive = new Map<string, number>();
	let oursTotal = 0;
	for (const [id, us] of self) {
		if (notTheRun(byId.get(id)!.callFrame.functionName, byId.get(id)!.callFrame.url)) continue;
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
			if (functionName === 'httpRequestWithAuthentication' && origin(url, functionName) === 'n8n-core') break;
			if (origin(url, functionName) === 'ours') {
				const key = `${functionName || '(anonymous)'} ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}`;
				oursInclusive.set(key, (oursInclusive.get(key) ?? 0) + us);
				oursTotal += us;
				break;
			}
		}
	}
	const share = (us: number) => (total > 0 ? us / total : 0);
	return {
		sampledMs: total / 1000,
		byOrigin: [...byOrigin].sort((a, b) => b[1] - a[1]).map(([from, us]) => ({ origin: from, share: share(us) })),
		functions: [...byFunction].sort((a, b) => b[1].us - a[1].us).map(([name, { us, origin: from }]) => ({ name, origin: from, share: share(us) })),
		oursShare: share(oursTotal),
		ours: [...oursInclusive].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, share: share(us) })),
	};
}

/** The summary as terminal lines. */
export function summarize(file: string, top = 25): string[] {
	const summary = profileSummary(file);
	const pct = (value: number) => `${(100 * value).toFixed(1).padStart(5)} %`;
	const lines = [`${file}: ${summary.sampledMs.toFixed(0)} ms sampled (idle excluded)`, 'self time by origin:'];
	for (const { origin: from, share } of summary.byOrigin.slice(0, 12)) lines.push(`  ${pct(share)}  ${from}`);
	lines.push(`top ${top} functions by self time:`);
	for (const { name, origin: from, share } of summary.functions.slice(0, top)) lines.push(`  ${pct(share)}  ${name}  [${from}]`);
	lines.push(`ours with what it calls, n8n's request helper excluded: ${pct(summary.oursShare)} (${((summary.oursShare * summary.sampledMs)).toFixed(0)} ms), by nearest function of ours:`);
	for (const { name, share } of summary.ours.slice(0, 15)) lines.push(`  ${pct(share)}  ${name}`);
	return lines;
}

export const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main(argv: string[]): Promise<void> {
	const option = (flag: string, fallback: string) => {
		const at = argv.indexOf(flag);
		return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
	};
	const top = Number(option('--top', '25'));
	const summarizeFile = option('--summarize', '');
	if (summarizeFile) {
		// --json: the summary as recorded for BENCHMARKS.md's "before" profile (test/bench/profileBefore.json).
		console.log(argv.includes('--json') ? JSON.stringify(profileSummary(summarizeFile), null, '\t') : summarize(summarizeFile, top).join('\n'));
		return;
	}
	if (argv.includes('--return-all')) {
		await returnAll(Number(option('--search-items', '100000')), Number(option('--page-size', '500')), Number(option('--rounds', '3')), Number(option('--latency', '20')));
		return;
	}
	const items = Number(option('--items', '5000'));
	const rounds = Number(option('--rounds', '3'));
	const concurrency = Number(option('--concurrency', '50'));
	const latency = Number(option('--latency', '0'));
	const legs = option('--legs', 'ours-expressions,minimal-expressions,ours-byName,minimal-byName').split(',');
	const profileDir = option('--profile', '');
	if (profileDir) mkdirSync(profileDir, { recursive: true });

	const sandbox = await startSandboxProcess(join(__dirname, '..', '..'));
	try {
		await sandbox.control.reset();
		await sandbox.control.setLatency(latency);
		const login = enkashLogin(vendorBaseUrls(sandbox.url));
		const result = await comparePerItem({ login, items, rounds, concurrency, legs, profileDir: profileDir || undefined, log: (line) => console.log(line) });
		console.log(`\nmedians over ${rounds} alternating rounds, ${items} items, concurrency ${concurrency}, latency ${latency} ms:`);
		for (const leg of legs) {
			const { us, cpuUs } = result.legs[leg];
			console.log(`  ${leg.padEnd(20)} ${median(us).toFixed(0)} µs/item (${us.map((v) => v.toFixed(0)).join(', ')}); CPU ${median(cpuUs).toFixed(0)} µs/item (${cpuUs.map((v) => v.toFixed(0)).join(', ')})`);
		}
		for (const fields of ['expressions', 'byName'] as const) {
			const ours = result.legs[`ours-${fields}`];
			const minimal = result.legs[`minimal-${fields}`];
			if (ours && minimal) console.log(`  ours ÷ minimal, ${fields}: ${(median(ours.us) / median(minimal.us)).toFixed(2)}× in time, ${(median(ours.cpuUs) / median(minimal.cpuUs)).toFixed(2)}× in CPU`);
		}
		if (profileDir) for (const leg of legs) console.log(`\n${summarize(join(profileDir, `${leg}-${rounds}.cpuprofile`), top).join('\n')}`);
	} finally {
		await sandbox.stop();
	}
}

/**
 * Runs the legs in n8n-core's WorkflowExecute, each in a fresh engine child, alternating round after
 * round so a noisy machine slows every leg alike; per leg, the time and CPU time per item of each
 * round. With `profileDir`, every measured run (not its warm-up) is CPU-profiled into
 * `<leg>-<round>.cpuprofile` there. The sandbox's latency is the caller's.
 */
export async function comparePerItem(input: {
	login: ReturnType<typeof enkashLogin>;
	items: number;
	rounds: number;
	concurrency: number;
	legs: string[];
	profileDir?: string;
	prefix?: string;
	log: (line: string) => void;
}): Promise<{ legs: Record<string, { us: number[]; cpuUs: number[] }> }> {
	const { login, items, rounds, concurrency, legs, profileDir } = input;
	const result: Record<string, { us: number[]; cpuUs: number[] }> = Object.fromEntries(legs.map((leg) => [leg, { us: [], cpuUs: [] }]));
	for (let round = 1; round <= rounds; round++) {
		for (const leg of legs) {
			const [node, fields] = leg.split('-') as ['ours' | 'minimal', 'expressions' | 'byName'];
			const profile = profileDir ? join(profileDir, `${leg}-${round}.cpuprofile`) : undefined;
			const run = await runChild<EngineCreateResult>('engineChild', {
				mode: 'create',
				login,
				count: items,
				concurrency,
				externalIdPrefix: `${input.prefix ?? 'pi'}${round}-${leg}-c${concurrency}-`,
				customerId: CUSTOMER_ID,
				warmUp: Math.min(1000, items),
				node,
				fields,
				profile,
			} satisfies EngineInput);
			if (run.errors > 0 || run.items !== items) throw new Error(`${leg}: ${run.errors} errors, ${run.items} of ${items} items`);
			const us = (run.ms / items) * 1000;
			const cpuUs = ((run.cpuMs ?? Number.NaN) / items) * 1000;
			result[leg].us.push(us);
			result[leg].cpuUs.push(cpuUs);
			input.log(`round ${round} ${leg.padEnd(20)} ${run.ms} ms  ${us.toFixed(0)} µs/item  CPU ${cpuUs.toFixed(0)} µs/item`);
		}
	}
	return { legs: result };
}

/** Scenario 2's leg of ours alone, `rounds` times: Return All over `count` invoices, peak memory ÷ the data's JSON size. */
async function returnAll(count: number, pageSize: number, rounds: number, latency: number): Promise<void> {
	const sandbox = await startSandboxProcess(join(__dirname, '..', '..'));
	try {
		await sandbox.control.reset();
		await sandbox.control.setLatency(latency);
		await sandbox.control.seedEnkashInvoices(count);
		const login = enkashLogin(vendorBaseUrls(sandbox.url));
		const ratios: number[] = [];
		for (let round = 1; round <= rounds; round++) {
			const result = await runChild<EngineSearchResult>('engineChild', { mode: 'returnAll', login, pageSize } satisfies EngineInput, { nodeArgs: ['--expose-gc'] });
			const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
			const peak = Math.max(result.memory.peakRssAbove, result.memory.peakHeapAbove);
			ratios.push(peak / result.dataBytes);
			console.log(
				`round ${round}: ${result.records} invoices, ${result.ms} ms, data ${mib(result.dataBytes)} MiB, peak RSS +${mib(result.memory.peakRssAbove)} MiB, ` +
					`peak heap +${mib(result.memory.peakHeapAbove)} MiB, peak ÷ data ${(peak / result.dataBytes).toFixed(2)}×, held ${mib(result.memory.retainedAbove)} MiB`,
			);
		}
		console.log(`median peak ÷ data over ${rounds} rounds: ${median(ratios).toFixed(2)}×`);
	} finally {
		await sandbox.stop();
	}
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exit(1);
	});
}
