/** Scenario 4: engine overhead — items per second through our node with the sandbox answering at once. */
import type { Credential } from '../e2e/support';
import type { BareCreateResult, BareInput } from './bareClient';
import { runChild } from './child';
import {
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
import { formatNumber, formatSeconds } from './report';
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
		],
		checks: [],
		findings,
	};
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
