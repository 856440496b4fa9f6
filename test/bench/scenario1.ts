/**
 * Scenario 1: 10,000 invoice creates — our node per item at its defaults (Concurrency: Automatic),
 * at Fixed 5 (node version 1's default) and at the best Fixed concurrency, and in bulk mode; n8n's
 * HTTP Request node, and a bare HTTP client at the same concurrency; plus the concurrency sweep,
 * where the per-item time goes, and requests open at once at a slow vendor.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Credential } from '../e2e/support';
import type { BareCreateResult, BareInput } from './bareClient';
import { runChild } from './child';
import {
	DEFAULT_CONCURRENCY,
	enkashCredential,
	enkashToken,
	inFlight,
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
import { formatNumber, formatRatio, formatSeconds, type Bar, type Table, type TargetCheck } from './report';
import { withTraffic, type Traffic } from './sandboxProcess';
import {
	appWorkflow,
	bulkByNameParameters,
	bulkUploadParameters,
	createByNameParameters,
	createInvoiceParameters,
	CUSTOMER_ID,
	enkashNode,
	httpRequestCreateNode,
	LEG,
	type BenchWorkflow,
} from './workflows';

/** Scenario 1's slow-vendor legs: how many requests each side keeps open when every answer takes this long. */
export const SLOW_VENDOR_MS = 1000;
export const SLOW_VENDOR_ITEMS = 1000;
export const SWEEP_ITEMS = 1000;

interface CreateLeg {
	label: string;
	kind: Bar['kind'];
	concurrency?: number;
	ms: number;
	items: number;
	traffic: Traffic;
	problem?: string;
	/** Part of the comparison the targets are about (not a diagnostic row). */
	compared: boolean;
	/** At the node's defaults: no concurrency option, so Automatic (node version 1.1). */
	automatic?: boolean;
	/** Per item with Source "Input Item Fields, Matched by Name" (no expression per field). */
	byName?: boolean;
}

function s1Workflows(bench: Bench): { workflows: BenchWorkflow[]; credentials: Credential[] } {
	const { items, sweep } = bench.options;
	const workflows: BenchWorkflow[] = [];
	const credentials: Credential[] = [];
	const add = (id: string, parameters: IDataObject, count = items) => {
		credentials.push(enkashCredential(`cred${id}`, bench.login));
		workflows.push(appWorkflow(id, id, enkashNode(`cred${id}`, parameters), { count, prefix: `${id}-` }));
	};
	// A Concurrency number set means Fixed, that number; none set (the defaults) means Automatic.
	const perItem = (concurrency?: number) => createInvoiceParameters({ concurrency, skipExisting: false });
	for (const concurrency of sweep) {
		add(`benchS1sw${concurrency}`, perItem(concurrency), SWEEP_ITEMS);
		add(`benchS1c${concurrency}`, perItem(concurrency));
		add(`benchS1name${concurrency}`, createByNameParameters({ concurrency }));
	}
	add('benchS1swAuto', perItem(), SWEEP_ITEMS);
	add('benchS1auto', perItem());
	add('benchS1nameAuto', createByNameParameters({}));
	add('benchS1slowAuto', perItem(), SLOW_VENDOR_ITEMS);
	add('benchS1skip', createInvoiceParameters({ concurrency: MAX_CONCURRENCY, skipExisting: true }), SWEEP_ITEMS);
	add('benchS1fixed', createInvoiceParameters({ concurrency: MAX_CONCURRENCY, skipExisting: false, fixedValues: true }), SWEEP_ITEMS);
	add('benchS1bulk', bulkUploadParameters());
	add('benchS1bulkByName', bulkByNameParameters());
	add('benchS1slow', perItem(MAX_CONCURRENCY), SLOW_VENDOR_ITEMS);
	workflows.push(appWorkflow('benchS1http', 'benchS1http', httpRequestCreateNode(bench.urls.enkash, 'credS1header'), { count: items, prefix: 'benchS1http-' }));
	workflows.push(appWorkflow('benchS1httpSlow', 'benchS1httpSlow', httpRequestCreateNode(bench.urls.enkash, 'credS1header'), { count: SLOW_VENDOR_ITEMS, prefix: 'benchS1httpSlow-' }));
	return { workflows, credentials };
}

async function scenario1Run(bench: Bench): Promise<ScenarioResult> {
	const { options, sandbox, n8n, log } = bench;
	const n = options.items;
	await resetSandbox(bench, options.latency);

	const n8nLeg = async (id: string, label: string, latencyMs = options.latency) => {
		log(`scenario 1: ${label}…`);
		const { result, traffic } = await withTraffic(sandbox, 'enkash', latencyMs, async () => await n8n.execute(id, LEG));
		return { result, traffic };
	};
	const importHeaderToken = async () => {
		// What a user of the HTTP Request node does: fetch a token and paste it into a Header Auth credential.
		const token = await enkashToken(bench.login);
		await n8n.importCredentials([{ id: 'credS1header', name: 'credS1header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } }]);
	};

	// Which concurrency is best: a short sweep, then that setting on the full run.
	const sweepRows: string[][] = [];
	const small: Record<string, { ms: number; traffic: Traffic; problem?: string }> = {};
	let best = DEFAULT_CONCURRENCY;
	let bestRate = 0;
	for (const concurrency of options.sweep) {
		const { result, traffic } = await n8nLeg(`benchS1sw${concurrency}`, `sweep, our node, concurrency ${concurrency}, ${formatNumber(SWEEP_ITEMS)} items`);
		const problem = legProblem(result, SWEEP_ITEMS);
		const rate = perSecond(SWEEP_ITEMS, result.ms);
		small[`c${concurrency}`] = { ms: result.ms, traffic, problem };
		if (!problem && rate > bestRate) {
			best = concurrency;
			bestRate = rate;
		}
		sweepRows.push([`Fixed ${concurrency}${concurrency === DEFAULT_CONCURRENCY ? " (node version 1's default)" : ''}${problem ? ` — FAILED: ${problem}` : ''}`, formatSeconds(result.ms), formatNumber(rate), inFlight(traffic), otherCores(traffic)]);
	}
	{
		const { result, traffic } = await n8nLeg('benchS1swAuto', `sweep, our node, defaults (Automatic), ${formatNumber(SWEEP_ITEMS)} items`);
		const problem = legProblem(result, SWEEP_ITEMS);
		sweepRows.push([`Defaults: Automatic, Max Concurrency ${MAX_CONCURRENCY}${problem ? ` — FAILED: ${problem}` : ''}`, formatSeconds(result.ms), formatNumber(perSecond(SWEEP_ITEMS, result.ms)), inFlight(traffic), otherCores(traffic)]);
	}
	// Diagnostics at the sweep's size, next to the sweep's concurrency-50 row: what Skip If External ID Exists and the expressions cost.
	for (const [key, id, label] of [
		['skip', 'benchS1skip', `Skip If External ID Exists on (search + create), concurrency ${MAX_CONCURRENCY}`],
		['fixed', 'benchS1fixed', `fixed values (no expressions), concurrency ${MAX_CONCURRENCY}`],
	] as const) {
		const { result, traffic } = await n8nLeg(id, `our node, ${label}, ${formatNumber(SWEEP_ITEMS)} items`);
		small[key] = { ms: result.ms, traffic, problem: legProblem(result, SWEEP_ITEMS) };
	}

	const legs: CreateLeg[] = [];
	const addN8nLeg = async (id: string, label: string, kind: Bar['kind'], concurrency: number | undefined, compared: boolean) => {
		const { result, traffic } = await n8nLeg(id, label);
		legs.push({ label, kind, concurrency, ms: result.ms, items: result.items, traffic, problem: legProblem(result, n), compared });
	};
	const concurrencies = [...new Set([DEFAULT_CONCURRENCY, best])];
	const setting = (concurrency: number) => `Fixed ${concurrency}${concurrency === DEFAULT_CONCURRENCY ? " (node version 1's default)" : ' (best Fixed)'}`;
	// What a user gets: node version 1.1, no concurrency option set.
	const DEFAULTS = `defaults (Automatic, Max Concurrency ${MAX_CONCURRENCY})`;
	await addN8nLeg('benchS1auto', `Our node, per item, fields mapped by expressions, ${DEFAULTS}`, 'ours', undefined, true);
	legs[legs.length - 1].automatic = true;
	await addN8nLeg('benchS1nameAuto', `Our node, per item, fields matched by name, ${DEFAULTS}`, 'ours', undefined, true);
	legs[legs.length - 1].automatic = true;
	legs[legs.length - 1].byName = true;
	for (const concurrency of concurrencies) {
		await addN8nLeg(`benchS1c${concurrency}`, `Our node, per item, fields mapped by expressions, ${setting(concurrency)}`, 'ours', concurrency, true);
	}
	for (const concurrency of concurrencies) {
		await addN8nLeg(`benchS1name${concurrency}`, `Our node, per item, fields matched by name, ${setting(concurrency)}`, 'ours', concurrency, true);
		legs[legs.length - 1].byName = true;
	}
	await addN8nLeg('benchS1bulk', 'Our node, bulk mode, fields mapped by expressions (CSV, 500 rows a request)', 'bulk', undefined, true);
	const bulkMapped = legs[legs.length - 1];
	await addN8nLeg('benchS1bulkByName', 'Our node, bulk mode, fields matched by name (CSV, 500 rows a request)', 'bulk', undefined, true);
	const bulkByName = legs[legs.length - 1];
	await importHeaderToken();
	await addN8nLeg('benchS1http', "n8n's HTTP Request node, default settings", 'n8n', undefined, true);
	legs[legs.length - 1].traffic.tokens += 1;
	for (const concurrency of concurrencies) {
		const label = `Bare HTTP client, concurrency ${concurrency}`;
		log(`scenario 1: ${label}…`);
		const input: BareInput = { mode: 'create', login: bench.login, count: n, concurrency, externalIdPrefix: `bare${concurrency}-`, customerId: CUSTOMER_ID };
		const { result, traffic } = await withTraffic(sandbox, 'enkash', options.latency, async () => await runChild<BareCreateResult>('bareClient', input));
		legs.push({ label, kind: 'bare', concurrency, ms: result.ms, items: result.created + result.failed, traffic, problem: result.failed ? `${result.failed} failed` : undefined, compared: true });
	}

	// A slow vendor: how many requests each side has open at once.
	await sandbox.control.setLatency(SLOW_VENDOR_MS);
	await importHeaderToken();
	const slowRows: string[][] = [];
	const slow: Record<string, Traffic> = {};
	for (const [key, id, label] of [
		['http', 'benchS1httpSlow', "n8n's HTTP Request node, default settings"],
		['auto', 'benchS1slowAuto', `Our node, per item, ${DEFAULTS}`],
		['ours', 'benchS1slow', `Our node, per item, Fixed ${MAX_CONCURRENCY} (the highest setting)`],
	] as const) {
		const { result, traffic } = await n8nLeg(id, `slow vendor: ${label}`, SLOW_VENDOR_MS);
		slow[key] = traffic;
		const problem = legProblem(result, SLOW_VENDOR_ITEMS);
		slowRows.push([problem ? `${label} — FAILED: ${problem}` : label, formatSeconds(result.ms), inFlight(traffic), formatNumber(traffic.peakPerSecond), otherCores(traffic)]);
	}
	await sandbox.control.setLatency(options.latency);

	const tables: Table[] = [
		{
			title: `Scenario 1 — ${formatNumber(n)} invoice creates, sandbox latency ${options.latency} ms per request`,
			headers: ['Leg', 'Time', 'Invoices/s', 'API requests', 'Token requests', 'Peak req/s', 'Peak open', 'Sandbox CPU', 'Other load'],
			numeric: [1, 2, 3, 4, 5, 6, 7, 8],
			rows: legs.map((leg) => [
				leg.problem ? `${leg.label} — FAILED: ${leg.problem}` : leg.label,
				formatSeconds(leg.ms),
				formatNumber(perSecond(n, leg.ms)),
				formatNumber(leg.traffic.api),
				formatNumber(leg.traffic.tokens),
				formatNumber(leg.traffic.peakPerSecond),
				inFlight(leg.traffic),
				sandboxCpu(leg.traffic, leg.ms),
				otherCores(leg.traffic),
			]),
			notes: [
				"Time: n8n legs = the node's own execution time as n8n records it (n8n's start-up and the nodes making the input items excluded); bare client = first token request to last answer.",
				'Peak open: most requests open at once in the sandbox, each from its arrival to its answer (from the sandbox\'s ledger).',
				'Other load: cores that other processes on the machine kept busy during the leg, on average (machine CPU less the sandbox, the client under test and the benchmark).',
				"The HTTP Request node's one token request is the one made before the run to fill its Header Auth credential.",
			],
		},
	];

	const ours = (concurrency: number, byName = false) => legs.find((leg) => leg.kind === 'ours' && leg.compared && !leg.automatic && leg.concurrency === concurrency && (leg.byName === true) === byName);
	const oursAuto = (byName = false) => legs.find((leg) => leg.kind === 'ours' && leg.automatic && (leg.byName === true) === byName);
	const bare = (concurrency: number) => legs.find((leg) => leg.kind === 'bare' && leg.concurrency === concurrency);
	const checks: TargetCheck[] = [];
	const ratioRows: string[][] = [];
	for (const byName of [true, false]) {
		const how = byName ? 'fields matched by name' : 'fields mapped by expressions';
		for (const concurrency of concurrencies) {
			const mine = ours(concurrency, byName);
			const reference = bare(concurrency);
			if (!mine || !reference || mine.problem) continue;
			const ratio = mine.ms / reference.ms;
			const name = concurrency === DEFAULT_CONCURRENCY ? "node version 1's default" : 'best Fixed';
			ratioRows.push([`${how}, Fixed ${concurrency} (${name})`, formatSeconds(mine.ms), formatSeconds(reference.ms), formatRatio(ratio), ratio <= 1.3 ? 'met' : 'MISSED']);
			checks.push({ target: `Per-item path within 1.3× of the bare client (${how}, Fixed ${concurrency}, ${name})`, measured: formatRatio(ratio), met: ratio <= 1.3 });
		}
	}
	tables.push({
		title: 'Scenario 1 — our per-item path against the bare client at the same Fixed concurrency (target ≤ 1.3×)',
		headers: ['Our node: fields, concurrency', 'Our node', 'Bare client', 'Ratio', 'Target'],
		numeric: [1, 2, 3],
		rows: ratioRows,
	});
	tables.push({
		title: `Scenario 1 — choosing the best Fixed concurrency, and the defaults beside it: our node, ${formatNumber(SWEEP_ITEMS)} creates per setting, latency ${options.latency} ms`,
		headers: ['Concurrency', 'Time', 'Invoices/s', 'Peak open', 'Other load'],
		numeric: [1, 2, 3, 4],
		rows: sweepRows,
		notes: [`Best Fixed: ${best}, the setting used for the "best Fixed" rows above.`],
	});
	const diagnosticRow = (label: string, leg: { ms: number; traffic: Traffic; problem?: string } | undefined) =>
		leg ? [leg.problem ? `${label} — FAILED: ${leg.problem}` : label, formatSeconds(leg.ms), formatNumber(perSecond(SWEEP_ITEMS, leg.ms)), formatNumber((leg.ms / SWEEP_ITEMS) * 1000), formatNumber(leg.traffic.api), otherCores(leg.traffic)] : [label, '–', '–', '–', '–', '–'];
	tables.push({
		title: `Scenario 1 — where our per-item time goes: ${formatNumber(SWEEP_ITEMS)} creates at Fixed ${MAX_CONCURRENCY}, latency ${options.latency} ms`,
		headers: ['Our node, per item', 'Time', 'Invoices/s', 'µs per invoice', 'API requests', 'Other load'],
		numeric: [1, 2, 3, 4, 5],
		rows: [
			diagnosticRow('four fields mapped by expressions (as compared above)', small[`c${MAX_CONCURRENCY}`]),
			diagnosticRow('fixed values, no expressions', small.fixed),
			diagnosticRow('expressions, Skip If External ID Exists on (search + create)', small.skip),
		],
	});
	tables.push({
		title: `Scenario 1 — a slow vendor (${formatNumber(SLOW_VENDOR_MS)} ms per request), ${formatNumber(SLOW_VENDOR_ITEMS)} creates: requests open at once`,
		headers: ['Leg', 'Time', 'Peak open', 'Peak req/s', 'Other load'],
		numeric: [1, 2, 3, 4],
		rows: slowRows,
		notes: [`The HTTP Request node puts no limit on open requests: it starts each item's request as soon as it has built it. Ours never has more open than Max Concurrency (${MAX_CONCURRENCY}) at its defaults, or its Concurrency when Fixed.`],
	});

	const bulk = bulkByName;
	const http = legs.find((leg) => leg.kind === 'n8n');
	for (const [leg, how] of [
		[bulkByName, 'fields matched by name'],
		[bulkMapped, 'four fields mapped by expressions'],
	] as const) {
		if (!http || leg.problem) continue;
		const ratio = http.ms / leg.ms;
		checks.push({
			target: `Bulk mode at least 20× faster than n8n's HTTP Request node (default settings), ${how}`,
			measured: http.problem ? `HTTP Request node failed (${http.problem}); bulk ${formatSeconds(leg.ms)}` : formatRatio(ratio),
			met: http.problem ? true : ratio >= 20,
		});
	}

	const autoMapped = oursAuto(false);
	const autoByName = oursAuto(true);
	if (autoMapped && http) {
		const ratio = http.ms / autoMapped.ms;
		checks.push({
			target: "Per item at defaults (Automatic, node version 1.1), four fields mapped by expressions, at least as fast as n8n's HTTP Request node at its defaults",
			measured: autoMapped.problem
				? `our run failed (${autoMapped.problem})`
				: http.problem
					? `HTTP Request node failed (${http.problem}); ours ${formatSeconds(autoMapped.ms)}`
					: `${formatRatio(ratio)} its speed (${formatSeconds(autoMapped.ms)} against ${formatSeconds(http.ms)})`,
			met: !autoMapped.problem && (http.problem ? true : ratio >= 1),
		});
	}
	const autoPeaks = [
		['mapped by expressions', autoMapped?.traffic],
		['matched by name', autoByName?.traffic],
		[`a ${formatNumber(SLOW_VENDOR_MS)} ms vendor`, slow.auto],
	] as const;
	if (autoPeaks.some(([, traffic]) => traffic)) {
		const known = autoPeaks.filter(([, traffic]) => traffic?.peakOpen !== undefined);
		checks.push({
			target: `At defaults, never more requests open than the controller allows (Max Concurrency ${MAX_CONCURRENCY}; its limit never exceeds that)`,
			measured: `peak open ${known.map(([what, traffic]) => `${formatNumber(traffic!.peakOpen!)} (${what})`).join(', ') || 'not measured'}`,
			met: known.length === autoPeaks.length && known.every(([, traffic]) => traffic!.peakOpen! <= MAX_CONCURRENCY),
		});
	}

	const findings: string[] = [];
	if (autoMapped && autoByName && http && !autoMapped.problem && !autoByName.problem && !http.problem) {
		const fixedMapped = ours(DEFAULT_CONCURRENCY);
		findings.push(
			`**At the defaults.** A node added now (version 1.1) with no concurrency option set runs Automatic: ${formatNumber(n)} creates with the four fields mapped by expressions took ${formatSeconds(autoMapped.ms)} ` +
				`(${formatRatio(http.ms / autoMapped.ms)} the speed of n8n's HTTP Request node at its defaults, ${formatSeconds(http.ms)}` +
				(fixedMapped && !fixedMapped.problem ? `; Fixed ${DEFAULT_CONCURRENCY}, what version 1 does, ${formatSeconds(fixedMapped.ms)}` : '') +
				`), with at most ${inFlight(autoMapped.traffic)} requests open at once against the HTTP Request node's ${inFlight(http.traffic)}. ` +
				`With the fields matched by name: ${formatSeconds(autoByName.ms)}, at most ${inFlight(autoByName.traffic)} open.`,
		);
	}
	const micros = (ms: number, count: number) => (ms / count) * 1000;
	const withExpressions = small[`c${MAX_CONCURRENCY}`];
	const fixed = small.fixed;
	const skip = small.skip;
	const bareBest = bare(best);
	const bareDefault = bare(DEFAULT_CONCURRENCY);
	const oursDefault = ours(DEFAULT_CONCURRENCY);
	if (withExpressions && fixed && bareBest && bareDefault && oursDefault && !withExpressions.problem && !fixed.problem) {
		const expressionsUs = micros(withExpressions.ms, SWEEP_ITEMS) - micros(fixed.ms, SWEEP_ITEMS);
		findings.push(
			`**Where the per-item time goes, fields mapped by expressions.** In the n8n app every item costs CPU the bare client does not spend: at concurrency ${MAX_CONCURRENCY}, ` +
				`${formatNumber(micros(withExpressions.ms, SWEEP_ITEMS))} µs per invoice with the four fields mapped by expressions and ${formatNumber(micros(fixed.ms, SWEEP_ITEMS))} µs with fixed values, ` +
				`against ${formatNumber(micros(bareBest.ms, n))} µs for the bare client at concurrency ${best}. Once that CPU is the limit, more concurrency barely helps (see the sweep). ` +
				`About ${formatNumber(expressionsUs)} µs per invoice is n8n evaluating the four parameter expressions (the n8n app evaluates them in an isolated V8 context, its default \`vm\` expression engine). ` +
				"Of the rest, most is n8n's own per-request work — its HTTP request helper and the engine around each item — and our own per-item checks. " +
				'(A CPU profile taken before this release put about 40 % of the fixed-values time in n8n loading the credential from its SQLite database and decrypting it, three times per invoice, and about 5 % in checking the workflow\'s time zone for every date; our request layer now reads each credential once per node run, `shared/transport/runCredentials.ts`, and a zone is checked once per process.) ' +
				`At Fixed ${DEFAULT_CONCURRENCY} (node version 1's default) each worker spends most of its time waiting for the ${options.latency} ms answer, so the gap is smaller (${formatRatio(oursDefault.ms / bareDefault.ms)}).`
		);
		const named = [...new Set([DEFAULT_CONCURRENCY, best])]
			.map((concurrency) => ({ concurrency, mine: ours(concurrency, true), reference: bare(concurrency) }))
			.filter((row) => row.mine && row.reference && !row.mine.problem)
			.map(({ concurrency, mine, reference }) => {
				const ratio = mine!.ms / reference!.ms;
				return `${formatSeconds(mine!.ms)} at concurrency ${concurrency} (${formatRatio(ratio)} the bare client, ${ratio <= 1.3 ? 'within' : 'outside'} 1.3×)`;
			});
		const nameBest = ours(best, true);
		findings.push(
			'**Fields matched by name.** Create\'s Source "Input Item Fields, Matched by Name" takes the invoice from the item\'s own fields, named as Enkash names them, with no expression per field ' +
				`(the items carry customerId, baseAmount, dueDate and externalId, as a sheet or database with Enkash's column names does): ${named.join('; ')}. ` +
				(nameBest && !nameBest.problem
					? `At concurrency ${best} that is ${formatNumber(micros(nameBest.ms, n))} µs per invoice against the bare client's ${formatNumber(micros(bareBest.ms, n))} µs. What is left is n8n's own per-item work (its request helper and the engine around each item) and our checks; ` +
						'n8n-core alone, with expressions evaluated in-process and the credential in memory, spends more per item than 1.3× a bare client can at high concurrency (scenario 4), so no n8n node meets that ratio there.'
					: ''),
		);
	}
	if (skip && withExpressions && !skip.problem) {
		findings.push(
			`**Skip If External ID Exists** (on by default; what makes a re-run safe) looks before each create: ${formatNumber(skip.traffic.api)} requests instead of ${formatNumber(withExpressions.traffic.api)} for ${formatNumber(SWEEP_ITEMS)} invoices, ` +
				`${formatSeconds(skip.ms)} instead of ${formatSeconds(withExpressions.ms)}. The compared per-item rows turn it off so they make the same calls as the bare client; bulk mode keeps it on (one search per 5,000 External IDs).`,
		);
	}
	if (http && !bulkByName.problem && !bulkMapped.problem && !http.problem) {
		findings.push(
			`**Bulk mode and expressions.** Bulk mode makes ${formatNumber(bulkByName.traffic.api)} requests for ${formatNumber(n)} invoices. With Source "Input Item Fields, Matched by Name" ` +
				`(the items carry customerId, baseAmount, dueDate and externalId, as a sheet or database with Enkash's column names does) it takes ${formatSeconds(bulkByName.ms)}, ` +
				`${formatRatio(http.ms / bulkByName.ms)} faster than the HTTP Request node. With the four fields mapped by expressions it takes ${formatSeconds(bulkMapped.ms)} ` +
				`(${formatRatio(http.ms / bulkMapped.ms)}): nearly all of that is n8n evaluating four expressions for every item to build the rows, the same kind of per-item work ` +
				'that bounds the HTTP Request node (building each request and its JSON body from expressions). Items whose fields carry other names need renaming first ' +
				"(an Edit Fields node), which costs that node's own expression time.",
		);
	}
	if (http && slow.http && slow.ours && slow.auto) {
		findings.push(
			`**Hammering.** n8n's HTTP Request node, at its default settings, has no limit on open requests. With the sandbox at ${options.latency} ms it is held back only by how fast n8n builds the requests ` +
				`(${inFlight(http.traffic)} open at once, ${formatNumber(http.traffic.peakPerSecond)} requests in the busiest second); with a vendor that takes ${formatNumber(SLOW_VENDOR_MS)} ms to answer, ` +
				`${inFlight(slow.http)} of its requests were open at once, against at most ${inFlight(slow.auto)} for our node at its defaults (Automatic, never above Max Concurrency ${MAX_CONCURRENCY}) and ${inFlight(slow.ours)} at Fixed ${MAX_CONCURRENCY}. ` +
				`Bulk mode sends ${formatNumber(bulk?.traffic.api ?? 0)} requests for ${formatNumber(n)} invoices.`,
		);
	}

	const bars: Bar[] = legs
		.filter((leg) => leg.compared && !leg.problem)
		.map((leg) => ({
			label: leg.label.replace(/^Our node, /, 'Ours, ').replace("n8n's HTTP Request node, default settings", 'n8n HTTP Request node (defaults)').replace('Bare HTTP client', 'Bare client').replace(' (CSV, 500 rows a request)', '').replace('bulk mode, fields mapped by expressions', 'bulk mode, mapped fields').replace('bulk mode, fields matched by name', 'bulk mode, matched by name').replace('per item, fields mapped by expressions', 'per item, mapped fields').replace('per item, fields matched by name', 'per item, matched by name').replace(`, defaults (Automatic, Max Concurrency ${MAX_CONCURRENCY})`, ', defaults (Automatic)').replace(" (node version 1's default)", ''),
			value: perSecond(n, leg.ms),
			kind: leg.kind,
		}));
	return { tables, checks, findings, bars };
}

export const scenario1: Scenario = { number: 1, prepare: s1Workflows, run: scenario1Run };
