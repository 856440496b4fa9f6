#!/usr/bin/env node
/**
 * `npm run bench`: our nodes against n8n's HTTP Request node and a bare HTTP client, on the
 * sandbox with a fixed per-request latency. Prints a table per scenario, then writes BENCHMARKS.md
 * and docs/.images/benchmarks-throughput.svg (a full run; `--quick` writes nothing unless `--write`).
 *
 *   npm run bench -- [--quick] [--latency 20] [--scenarios 1,2,3,4,5] [--items 10000]
 *                    [--search-items 100000] [--overhead-items 5000] [--rate-items 10000] [--sweep 5,10,20,50]
 *                    [--quiet-wait 180] [--write | --no-write]
 *
 * Speed and memory are figures printed here, never assertions in a test.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

import { vendorBaseUrls } from '../../sandbox';
import { repoRoot } from '../harness/packageTypes';
import { startBearerProxy } from './bearerProxy';
import { DEFAULT_CONCURRENCY, enkashLogin, MAX_CONCURRENCY, type Bench, type Options, type ScenarioResult } from './common';
import { RealN8n } from './realN8n';
import { barChartSvg, formatNumber, tableMarkdown, tableText, targetsTable } from './report';
import { setQuietBudget, startSandboxProcess } from './sandboxProcess';
import { scenario1, SLOW_VENDOR_MS, SWEEP_ITEMS } from './scenario1';
import { scenario2 } from './scenario2';
import { scenario3 } from './scenario3';
import { scenario4 } from './scenario4';
import { RATE_LIMIT_BURST, RATE_LIMIT_PER_SECOND, scenario5 } from './scenario5';

const ALL_SCENARIOS = [1, 2, 3, 4, 5];

function parseOptions(argv: string[]): Options {
	const quick = argv.includes('--quick');
	const options: Options = {
		quick,
		write: !quick,
		latency: 20,
		scenarios: new Set(ALL_SCENARIOS),
		items: quick ? 1000 : 10_000,
		overheadItems: quick ? 1000 : 5000,
		rateItems: quick ? 1000 : 10_000,
		searchItems: quick ? 10_000 : 100_000,
		sweep: [DEFAULT_CONCURRENCY, 10, 20, MAX_CONCURRENCY],
		tokenItems: 1000,
		hourItems: quick ? 1000 : 3000,
		hourBatch: 20,
		hourLifetime: 2,
		quietWait: quick ? 0 : 180,
	};
	const numbers = (value: string) => value.split(',').map((part) => Number(part.trim()));
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = (): string => {
			const next = inline ?? argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		if (flag === '--quick') continue;
		else if (flag === '--write') options.write = true;
		else if (flag === '--no-write') options.write = false;
		else if (flag === '--latency') options.latency = Number(value());
		else if (flag === '--scenarios') options.scenarios = new Set(numbers(value()));
		else if (flag === '--items') options.items = Number(value());
		else if (flag === '--search-items') options.searchItems = Number(value());
		else if (flag === '--overhead-items') options.overheadItems = Number(value());
		else if (flag === '--rate-items') options.rateItems = Number(value());
		else if (flag === '--quiet-wait') options.quietWait = Number(value());
		else if (flag === '--sweep') options.sweep = numbers(value());
		else if (flag === '--help' || flag === '-h') {
			console.log('npm run bench -- [--quick] [--latency 20] [--scenarios 1,2,3,4] [--items N] [--search-items N] [--overhead-items N] [--rate-items N] [--sweep 5,20,50] [--quiet-wait SECONDS] [--write|--no-write]');
			process.exit(0);
		} else throw new Error(`Unknown option ${argv[i]}`);
	}
	const positive = (value: number) => Number.isInteger(value) && value > 0;
	if (!(options.latency >= 0)) throw new Error('--latency must be >= 0');
	if (!(options.quietWait >= 0)) throw new Error('--quiet-wait must be >= 0');
	if (![options.items, options.searchItems, options.overheadItems, options.rateItems].every(positive)) throw new Error('--items, --search-items, --overhead-items and --rate-items take positive integers');
	if (options.sweep.length === 0 || !options.sweep.every((c) => positive(c) && c <= MAX_CONCURRENCY)) throw new Error(`--sweep takes concurrencies 1..${MAX_CONCURRENCY}`);
	options.sweep = [...new Set(options.sweep)].sort((a, b) => a - b);
	return options;
}

function machine(n8n: RealN8n, loadAtStart: number): string[] {
	const cpuList = cpus();
	const n8nNode = spawnSync(n8n.nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
	return [
		`CPU: ${cpuList[0]?.model ?? 'unknown'}, ${cpuList.length} logical cores`,
		`Memory: ${formatNumber(totalmem() / 1024 ** 3, 1)} GiB`,
		`OS: ${platform()} ${release()} (${arch()})`,
		`Node: ${process.version} (benchmark, sandbox, bare client, engine legs); ${n8nNode} (n8n app)`,
		`n8n: ${n8n.version} (n8n-core, n8n-nodes-base of the same release)`,
		`Load average (1 min) before the run: ${formatNumber(loadAtStart, 2)} — other work on the machine shares its cores with every leg`,
	];
}

function markdown(options: Options, results: Array<{ scenario: number; result: ScenarioResult }>, machineLines: string[], command: string, started: Date, minutes: number): string {
	const checks = results.flatMap(({ result }) => result.checks);
	const out: string[] = [
		'# Benchmarks',
		'',
		`Generated by \`${command}\` on ${started.toISOString().slice(0, 10)} (${formatNumber(minutes, 1)} minutes). Every figure below comes from that one run; ` +
			'rerun the command to reproduce them on your machine. Speed and memory are measured here and printed, never asserted in tests.',
		'',
		'![Scenario 1 throughput](docs/.images/benchmarks-throughput.svg)',
		'',
		'## Targets',
		'',
		tableMarkdown(targetsTable(checks)),
		'',
	];
	for (const { result } of results) {
		for (const table of result.tables) {
			out.push(`## ${table.title}`, '', tableMarkdown(table), '');
			for (const note of table.notes ?? []) out.push(`- ${note}`);
			if (table.notes?.length) out.push('');
		}
		for (const finding of result.findings) out.push(finding, '');
	}
	out.push(
		'## How it is measured',
		'',
		`- **Sandbox**: the project's vendor imitation (\`sandbox/\`), started as a process of its own on a free loopback port, with a latency of ${options.latency} ms added to every vendor request (0 ms in scenario 4). It has no concurrency limit, and no rate limit except in scenario 5 (a token bucket: ${RATE_LIMIT_PER_SECOND} requests a second, at most ${RATE_LIMIT_BURST} at once after a pause, chosen over a fixed one-second window so that the ideal time is well defined), so elsewhere "the same concurrency" means the concurrency the client chooses. Its CPU use per leg is in the tables: when it stays well below one core it was not the bottleneck.`,
		'- **n8n legs** run in the real n8n app (the pinned release in `.n8n-app/`, its default settings: SQLite, expressions in the `vm` engine) with our package packed and installed as a community package; each leg is one `n8n execute`, with a credential of its own that holds no token yet. The input items come from n8n\'s Edit Fields and Split Out nodes; the time is the node under test\'s own execution time as n8n records it.',
		'- **Our node** is the version a node added in the editor gets now (1.1). "Defaults" means no concurrency option set: Concurrency: Automatic, Max Concurrency 50 (the limiter learns how many requests to keep open; `shared/concurrency/`). "Fixed N" legs set Concurrency N (Fixed 5 is what node version 1 does without a setting, and what every row said "default" before Automatic).',
		"- **n8n's HTTP Request node** is the version a new node gets (4.5) with default options: no batching, so all items' requests start together. In scenarios 1 and 5 it uses n8n's generic Header Auth credential holding a token fetched just before (counted as its one token request).",
		'- **Bare client**: Node\'s `http` module with a keep-alive agent, in a process of its own: one token request, then the same `POST /api/v0/invoice` calls with the same bodies, at the same concurrency.',
		'- **Engine legs** (scenarios 2 and 4) run our node with n8n-core\'s `WorkflowExecute`, the engine inside n8n, in a fresh process per leg (expressions evaluated in-process there).',
		`- **Scenario 1** first tries Fixed concurrencies ${options.sweep.join(', ')} on ${formatNumber(SWEEP_ITEMS)} creates each and runs the fastest on the full count ("best setting"); it then measures how many requests each side keeps open against a vendor that takes ${formatNumber(SLOW_VENDOR_MS)} ms to answer.`,
		`- Each leg runs once. The sandbox, the client under test and the benchmark share the machine's cores with whatever else runs there: before each leg the benchmark waits for other work to drop below half a core (at most ${formatNumber(options.quietWait)} s of waiting in all), and the "Other load" columns show how many cores other processes still kept busy during each leg. A leg with a high other load ran slower than the machine allows; ratios between legs of similar other load are the ones to trust.`,
		'',
		'## Machine',
		'',
		...machineLines.map((line) => `- ${line}`),
		'',
		'## Command',
		'',
		'```sh',
		command,
		'```',
		'',
	);
	return out.join('\n');
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const loadAtStart = loadavg()[0];
	const root = repoRoot();
	const started = new Date();
	const log = (line: string) => console.log(`# ${line}`);
	const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');

	setQuietBudget(options.quietWait);
	log(`starting the sandbox (own process), latency ${options.latency} ms`);
	const sandbox = await startSandboxProcess(join(root, 'dist-dev'));
	const urls = vendorBaseUrls(sandbox.url);
	const proxy = await startBearerProxy(sandbox.url);
	log('preparing the n8n app (pack, install into a fresh user folder)…');
	const n8n = await RealN8n.start();
	const bench: Bench = { options, sandbox, urls, proxy, n8n, login: enkashLogin(urls), log };
	try {
		const selected = [scenario1, scenario2, scenario3, scenario4, scenario5].filter((scenario) => options.scenarios.has(scenario.number));
		// Everything n8n needs is imported up front: each import is an n8n start.
		const prepared = selected.map((scenario) => scenario.prepare?.(bench) ?? { workflows: [], credentials: [] });
		const credentials = prepared.flatMap((part) => part.credentials);
		const workflows = prepared.flatMap((part) => part.workflows);
		if (credentials.length) await n8n.importCredentials(credentials);
		if (workflows.length) await n8n.importWorkflows(workflows);

		const results: Array<{ scenario: number; result: ScenarioResult }> = [];
		for (const scenario of selected) {
			const result = await scenario.run(bench);
			results.push({ scenario: scenario.number, result });
			for (const table of result.tables) console.log(`\n${tableText(table)}\n`);
		}

		const checks = results.flatMap(({ result }) => result.checks);
		console.log(`\n${tableText(targetsTable(checks))}\n`);
		for (const { result } of results) for (const finding of result.findings) console.log(`${finding.replace(/\*\*/g, '')}\n`);

		const minutes = (Date.now() - started.getTime()) / 60_000;
		const machineLines = machine(n8n, loadAtStart);
		for (const line of machineLines) log(line);
		log(`total ${formatNumber(minutes, 1)} minutes`);

		if (options.write) {
			const s1 = results.find(({ scenario }) => scenario === 1)?.result;
			if (!s1?.bars?.length || results.length < ALL_SCENARIOS.length) {
				log(`not writing BENCHMARKS.md: it needs a run of all ${ALL_SCENARIOS.length} scenarios`);
			} else {
				writeFileSync(join(root, 'BENCHMARKS.md'), markdown(options, results, machineLines, command, started, minutes));
				const chart = join(root, 'docs', '.images', 'benchmarks-throughput.svg');
				mkdirSync(dirname(chart), { recursive: true });
				writeFileSync(
					chart,
					barChartSvg(
						`Creating ${formatNumber(options.items)} Enkash invoices`,
						`Invoices per second (higher is better); sandbox latency ${options.latency} ms per request; ${started.toISOString().slice(0, 10)}`,
						'invoices/s',
						s1.bars,
					),
				);
				log('wrote BENCHMARKS.md and docs/.images/benchmarks-throughput.svg');
			}
		}
	} finally {
		n8n.dispose();
		await proxy.close();
		await sandbox.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
