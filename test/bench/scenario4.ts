/**
 * Scenario 4: engine overhead — items per second through our node with the sandbox answering at once;
 * our per-item path against n8n's floor (a minimal node sending the same body through n8n's
 * httpRequestWithAuthentication with the same credential), at Fixed 50 and 0 ms and at Fixed 5 and
 * 20 ms; and where our node's CPU goes, a profile beside the one recorded before the per-item work.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Credential } from '../e2e/support';
import { repoRoot } from '../harness/packageTypes';
import type { BareCreateResult, BareInput } from './bareClient';
import { runChild } from './child';
import {
	DEFAULT_CONCURRENCY,
	enkashCredential,
	legProblem,
	MAX_CONCURRENCY,
	otherCores,
	perSecond,
	resetSandbox,
	sandboxCpu,
	type Bench,
	type Scenario,
	type ScenarioResult,
} from './common';
import type { EngineCreateResult, EngineInput } from './engineChild';
import { comparePerItem, median, profileSummary, type ProfileSummary } from './perItem';
import { formatNumber, formatRatio, formatSeconds, type Table, type TargetCheck } from './report';
import { withTraffic, type Traffic } from './sandboxProcess';
import { appWorkflow, createInvoiceParameters, CUSTOMER_ID, enkashNode, LEG, type BenchWorkflow } from './workflows';

async function scenario4Run(bench: Bench): Promise<ScenarioResult> {
	const { options, sandbox, n8n, log } = bench;
	const n = options.overheadItems;
	await resetSandbox(bench, 0);
	const legs: Array<{ label: string; ms: number; traffic: Traffic; problem?: string }> = [];

	log('scenario 4: our node in n8n-core\'s engine (own process), concurrency 50…');
	const engine = await withTraffic(sandbox, 'enkash', 0, async () =>
		await runChild<EngineCreateResult>('engineChild', {
			mode: 'create',
			login: bench.login,
			count: n,
			concurrency: MAX_CONCURRENCY,
			externalIdPrefix: 's4engine-',
			customerId: CUSTOMER_ID,
			warmUp: Math.min(1000, n),
		} satisfies EngineInput),
	);
	legs.push({ label: `Our node in n8n-core's WorkflowExecute, Fixed ${MAX_CONCURRENCY} (after a warm-up run)`, ms: engine.result.ms, traffic: engine.traffic, problem: legProblem(engine.result, n) });

	log('scenario 4: our node in the n8n app, concurrency 50…');
	const app = await withTraffic(sandbox, 'enkash', 0, async () => await n8n.execute('benchS4c50', LEG));
	legs.push({ label: `Our node in the n8n app, Fixed ${MAX_CONCURRENCY}`, ms: app.result.ms, traffic: app.traffic, problem: legProblem(app.result, n) });

	log('scenario 4: bare client, concurrency 50…');
	const bare = await withTraffic(sandbox, 'enkash', 0, async () =>
		await runChild<BareCreateResult>('bareClient', { mode: 'create', login: bench.login, count: n, concurrency: MAX_CONCURRENCY, externalIdPrefix: 's4bare-', customerId: CUSTOMER_ID } satisfies BareInput),
	);
	legs.push({ label: `Bare HTTP client, concurrency ${MAX_CONCURRENCY}`, ms: bare.result.ms, traffic: bare.traffic });

	const bareMs = bare.result.ms;
	const floor = await againstMinimalNode(bench);
	const findings: string[] = [];
	const [inEngine, inApp] = legs;
	if (!inEngine.problem && !inApp.problem) {
		findings.push(
			`**Engine overhead.** With the sandbox answering at once, our node moves ${formatNumber(perSecond(n, inEngine.ms))} invoices a second through n8n-core's engine in a plain process ` +
				`(${formatNumber(((inEngine.ms - bareMs) / n) * 1000)} µs per invoice more than the bare client) and ${formatNumber(perSecond(n, inApp.ms))} a second in the n8n app ` +
				`(${formatNumber(((inApp.ms - bareMs) / n) * 1000)} µs more). The gap between the two is the app's own per-item cost: expressions evaluated in an isolated V8 context ` +
				'and n8n\'s own per-request work around each item (see scenario 1).',
		);
	}
	return {
		tables: [
			{
				title: `Scenario 4 — engine overhead: ${formatNumber(n)} invoice creates, sandbox latency 0 ms`,
				headers: ['Leg', 'Time', 'Items/s', 'µs per item', 'Over the bare client', 'Sandbox CPU', 'Other load'],
				numeric: [1, 2, 3, 4, 5, 6],
				rows: legs.map((leg) => [
					leg.problem ? `${leg.label} — FAILED: ${leg.problem}` : leg.label,
					formatSeconds(leg.ms),
					formatNumber(perSecond(n, leg.ms)),
					formatNumber((leg.ms / n) * 1000),
					leg.ms === bareMs ? '–' : `+${formatNumber(((leg.ms - bareMs) / n) * 1000)} µs`,
					sandboxCpu(leg.traffic, leg.ms),
					otherCores(leg.traffic),
				]),
				notes: ['Per-item path, four fields mapped by expressions, Skip If External ID Exists off (one POST per item, as the bare client).'],
			},
			...floor.tables,
		],
		checks: floor.checks,
		findings: [...findings, ...floor.findings],
	};
}

/** Alternating rounds of each comparison (the medians are shown). */
const ROUNDS = 3;
/** Recorded with `perItem.js --profile` and `--summarize … --json` on the commit before the per-item work (see the file). */
const PROFILE_BEFORE = join(repoRoot(), 'test', 'bench', 'profileBefore.json');

interface ProfileBefore {
	commit: string;
	recorded: string;
	command: string;
	byName: ProfileSummary;
	expressions: ProfileSummary;
}

/**
 * Our node against the minimal node in n8n-core's WorkflowExecute, each leg in a fresh process:
 * Fixed 50 at 0 ms (where every microsecond of CPU shows), both kinds of fields; Fixed 5 at 20 ms
 * with expressions beside the bare client (what version 1's default waits on); one CPU profile of our
 * node per kind of fields.
 */
async function againstMinimalNode(bench: Bench): Promise<{ tables: Table[]; checks: TargetCheck[]; findings: string[] }> {
	const { options, log } = bench;
	const n = options.overheadItems;
	await resetSandbox(bench, 0);
	log(`scenario 4: our node against the minimal node, n8n-core, Fixed ${MAX_CONCURRENCY}, 0 ms, ${ROUNDS} alternating rounds…`);
	const wide = await comparePerItem({
		login: bench.login,
		items: n,
		rounds: ROUNDS,
		concurrency: MAX_CONCURRENCY,
		legs: ['ours-expressions', 'minimal-expressions', 'ours-byName', 'minimal-byName'],
		prefix: 's4floor',
		log: (line) => log(`scenario 4: ${line}`),
	});

	log('scenario 4: CPU profiles of our node (fields matched by name, and mapped by expressions)…');
	const profileDir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
	let after: { byName: ProfileSummary; expressions: ProfileSummary };
	try {
		await comparePerItem({ login: bench.login, items: n, rounds: 1, concurrency: MAX_CONCURRENCY, legs: ['ours-byName', 'ours-expressions'], profileDir, prefix: 's4prof', log: (line) => log(`scenario 4: ${line}`) });
		after = { byName: profileSummary(join(profileDir, 'ours-byName-1.cpuprofile')), expressions: profileSummary(join(profileDir, 'ours-expressions-1.cpuprofile')) };
	} finally {
		rmSync(profileDir, { recursive: true, force: true });
	}
	const before = JSON.parse(readFileSync(PROFILE_BEFORE, 'utf8')) as ProfileBefore;

	const narrowItems = Math.max(200, Math.round(n / 2.5));
	await resetSandbox(bench, 20);
	log(`scenario 4: Fixed ${DEFAULT_CONCURRENCY}, 20 ms: our node, the minimal node, the bare client, ${formatNumber(narrowItems)} items…`);
	const narrow = await comparePerItem({ login: bench.login, items: narrowItems, rounds: 1, concurrency: DEFAULT_CONCURRENCY, legs: ['ours-expressions', 'minimal-expressions'], prefix: 's4narrow', log: (line) => log(`scenario 4: ${line}`) });
	const bareNarrow = await runChild<BareCreateResult>('bareClient', { mode: 'create', login: bench.login, count: narrowItems, concurrency: DEFAULT_CONCURRENCY, externalIdPrefix: 's4bare5-', customerId: CUSTOMER_ID } satisfies BareInput);
	await resetSandbox(bench, 0);

	const tables: Table[] = [];
	const checks: TargetCheck[] = [];
	const rows: string[][] = [];
	for (const [fields, label] of [
		['expressions', 'four fields mapped by expressions'],
		['byName', 'fields matched by name'],
	] as const) {
		const ours = wide.legs[`ours-${fields}`];
		const minimal = wide.legs[`minimal-${fields}`];
		const ratio = median(ours.us) / median(minimal.us);
		const cpuRatio = median(ours.cpuUs) / median(minimal.cpuUs);
		rows.push([label, formatNumber(median(ours.us)), formatNumber(median(minimal.us)), formatRatio(ratio), formatNumber(median(ours.cpuUs)), formatNumber(median(minimal.cpuUs)), formatRatio(cpuRatio), ratio <= 1.2 ? 'met' : 'MISSED']);
		checks.push({ target: `Per-item time within 1.2× of a minimal node (same body through httpRequestWithAuthentication, same credential), ${label}, Fixed ${MAX_CONCURRENCY}, 0 ms, n8n-core`, measured: `${formatRatio(ratio)} (CPU ${formatRatio(cpuRatio)})`, met: ratio <= 1.2 });
	}
	tables.push({
		title: `Scenario 4 — our per-item path against n8n's floor: ${formatNumber(n)} creates per leg, Fixed ${MAX_CONCURRENCY}, latency 0 ms, n8n-core's WorkflowExecute (median of ${ROUNDS} alternating rounds; target ≤ 1.2×)`,
		headers: ['Fields', 'Our node µs/item', 'Minimal node µs/item', 'Ratio', 'Our node CPU µs/item', 'Minimal node CPU µs/item', 'CPU ratio', 'Target'],
		numeric: [1, 2, 3, 4, 5, 6],
		rows,
		notes: [
			'Minimal node (test/bench/minimalNode.ts): reads the same parameters the same way (four expressions, or the item\'s own fields), builds the same JSON body and sends it through `this.helpers.httpRequestWithAuthentication` with the same Enkash credential — the least an n8n node can do for this call. It validates nothing, has no retry, no concurrency control, no error translation.',
			'Each leg runs in a fresh process after a warm-up run; legs alternate round after round, so a noisy machine slows all of them alike. CPU: the child process\'s user + system time over the measured run.',
		],
	});

	const bareUs = (bareNarrow.ms / narrowItems) * 1000;
	const narrowRows = [
		['Our node, four fields mapped by expressions', median(narrow.legs['ours-expressions'].us)],
		['Minimal node, the same four expressions', median(narrow.legs['minimal-expressions'].us)],
		[`Bare HTTP client, concurrency ${DEFAULT_CONCURRENCY}`, bareUs],
	] as const;
	tables.push({
		title: `Scenario 4 — Fixed ${DEFAULT_CONCURRENCY} (node version 1's default), latency 20 ms: ${formatNumber(narrowItems)} creates per leg, n8n-core's WorkflowExecute`,
		headers: ['Leg', 'µs per item', 'Ratio to the bare client'],
		numeric: [1, 2],
		rows: narrowRows.map(([label, us]) => [label, formatNumber(us), formatRatio(us / bareUs)]),
		notes: [`What a run at version 1's default waits on, without the n8n app's isolated expression context: the minimal node's ratio is n8n's own floor at this concurrency (scenario 1 has the same comparison in the n8n app).`],
	});

	const top = 12;
	const profileRows: string[][] = [];
	const pct = (share: number | undefined) => (share === undefined ? '' : `${formatNumber(100 * share, 1)} %`);
	for (let index = 0; index < top; index++) {
		const was = before.byName.functions[index];
		const now = after.byName.functions[index];
		profileRows.push([String(index + 1), was ? `${was.name} [${was.origin}]` : '', pct(was?.share), now ? `${now.name} [${now.origin}]` : '', pct(now?.share)]);
	}
	profileRows.push(['', '**Ours with what it calls** (n8n\'s request helper excluded), fields matched by name', pct(before.byName.oursShare), '', pct(after.byName.oursShare)]);
	profileRows.push(['', '**Ours with what it calls**, four fields mapped by expressions', pct(before.expressions.oursShare), '', pct(after.expressions.oursShare)]);
	tables.push({
		title: `Scenario 4 — where our node's CPU goes: profile of ${formatNumber(n)} creates, fields matched by name, Fixed ${MAX_CONCURRENCY}, 0 ms, n8n-core — before the per-item work (commit ${before.commit}) and in this run`,
		headers: ['#', 'Before: function [origin]', 'Self time', 'Now: function [origin]', 'Self time'],
		numeric: [2, 4],
		rows: profileRows,
		notes: [
			`Before: recorded ${before.recorded} with \`${before.command}\` (the profile is not re-made on the old commit at each run). Now: this run, the same command's profile on the current build. Shares of the sampled time, idle and the profiler's own inspector calls excluded; origin = the package a function lives in ("ours": this package's dist/).`,
			'"Ours with what it calls": a sample counts as ours when, walking up from the leaf, a function of ours comes before n8n\'s httpRequestWithAuthentication (so n8n\'s getNodeParameter, zod and luxon called by our code count as ours, and n8n\'s request helper does not).',
		],
	});

	const expressionsRatio = median(wide.legs['ours-expressions'].us) / median(wide.legs['minimal-expressions'].us);
	const byNameRatio = median(wide.legs['ours-byName'].us) / median(wide.legs['minimal-byName'].us);
	const findings = [
		`**Against n8n's floor.** Per item, our node takes ${formatRatio(expressionsRatio)} the minimal node's time with the fields mapped by expressions and ${formatRatio(byNameRatio)} with the fields matched by name ` +
			`(Fixed ${MAX_CONCURRENCY}, 0 ms; target 1.2×), while validating every field, translating Enkash's errors, retrying, renewing the token and keeping External IDs single. ` +
			`Our code's own share of the profile with what it calls, fields matched by name, is ${pct(after.byName.oursShare)} (${pct(before.byName.oursShare)} before). ` +
			`At Fixed ${DEFAULT_CONCURRENCY} and 20 ms the minimal node itself is ${formatRatio(median(narrow.legs['minimal-expressions'].us) / bareUs)} the bare client's time and ours ${formatRatio(median(narrow.legs['ours-expressions'].us) / bareUs)}: ` +
			'what separates a node from the bare client there is n8n\'s own per-request path and its expression evaluation, which every node pays; the defaults (Automatic) no longer wait on 5 at a time (scenario 1).',
	];
	return { tables, checks, findings };
}

function s4Workflows(bench: Bench): { workflows: BenchWorkflow[]; credentials: Credential[] } {
	return {
		credentials: [enkashCredential('credbenchS4c50', bench.login)],
		workflows: [
			appWorkflow('benchS4c50', 'benchS4c50', enkashNode('credbenchS4c50', createInvoiceParameters({ concurrency: MAX_CONCURRENCY, skipExisting: false })), {
				count: bench.options.overheadItems,
				prefix: 's4app-',
			}),
		],
	};
}

export const scenario4: Scenario = { number: 4, prepare: s4Workflows, run: scenario4Run };
