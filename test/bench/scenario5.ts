/**
 * Scenario 5: a rate-limited vendor. The sandbox lets 100 Enkash requests a second through (a token
 * bucket, 429 with Retry-After above it) and the same invoice creates run at the defaults: our node
 * (node version 1.1, no concurrency option: Automatic, Max Concurrency 50), our node at version 1's
 * Fixed 5, and n8n's HTTP Request node at its defaults and with Retry On Fail on. Against the ideal:
 * every item once at exactly the allowed rate.
 */
import type { Credential } from '../e2e/support';
import {
	DEFAULT_CONCURRENCY,
	enkashCredential,
	enkashToken,
	inFlight,
	otherCores,
	resetSandbox,
	type Bench,
	type Scenario,
	type ScenarioResult,
} from './common';
import { formatNumber, formatRatio, formatSeconds, type Table, type TargetCheck } from './report';
import { withTraffic, type Traffic } from './sandboxProcess';
import { appWorkflow, createInvoiceParameters, enkashNode, httpRequestCreateNode, LEG, type BenchWorkflow } from './workflows';

/** Requests a second the sandbox lets through, and how many it lets through at once after a pause. */
export const RATE_LIMIT_PER_SECOND = 100;
export const RATE_LIMIT_BURST = 10;
/** Our node's targets on the rate-limited vendor. */
const MAX_429_SHARE = 0.02;
const MAX_IDEAL_RATIO = 1.15;

interface RateLeg {
	key: 'auto' | 'fixed' | 'http' | 'httpRetry';
	label: string;
	ms: number;
	/** The node stopped with an error (the run failed). */
	error?: string;
	traffic: Traffic;
}

const WORKFLOWS: Array<{ key: RateLeg['key']; id: string; label: string }> = [
	{ key: 'auto', id: 'benchS5auto', label: 'Our node, defaults (Concurrency: Automatic, Max Concurrency 50)' },
	{ key: 'fixed', id: 'benchS5fixed5', label: `Our node, Fixed ${DEFAULT_CONCURRENCY} (node version 1's default)` },
	{ key: 'http', id: 'benchS5http', label: "n8n's HTTP Request node, default settings" },
	{ key: 'httpRetry', id: 'benchS5httpRetry', label: "n8n's HTTP Request node, Retry On Fail on (n8n's defaults: 3 tries, 1 s apart)" },
];

const prefixOf = (id: string) => `${id}-`;

function s5Workflows(bench: Bench): { workflows: BenchWorkflow[]; credentials: Credential[] } {
	const count = bench.options.rateItems;
	const credentials = [enkashCredential('credbenchS5auto', bench.login), enkashCredential('credbenchS5fixed5', bench.login)];
	const workflows = [
		// Skip If External ID Exists off: one request per invoice, as the HTTP Request node sends, so the ideal is the item count at the allowed rate.
		appWorkflow('benchS5auto', 'benchS5auto', enkashNode('credbenchS5auto', createInvoiceParameters({ skipExisting: false })), { count, prefix: prefixOf('benchS5auto') }),
		appWorkflow('benchS5fixed5', 'benchS5fixed5', enkashNode('credbenchS5fixed5', createInvoiceParameters({ concurrency: DEFAULT_CONCURRENCY, skipExisting: false })), {
			count,
			prefix: prefixOf('benchS5fixed5'),
		}),
		appWorkflow('benchS5http', 'benchS5http', httpRequestCreateNode(bench.urls.enkash, 'credS5header'), { count, prefix: prefixOf('benchS5http') }),
		appWorkflow('benchS5httpRetry', 'benchS5httpRetry', httpRequestCreateNode(bench.urls.enkash, 'credS5header', { retryOnFail: true }), { count, prefix: prefixOf('benchS5httpRetry') }),
	];
	return { workflows, credentials };
}

async function scenario5Run(bench: Bench): Promise<ScenarioResult> {
	const { options, sandbox, n8n, log } = bench;
	const n = options.rateItems;
	const idealMs = (n / RATE_LIMIT_PER_SECOND) * 1000;
	await resetSandbox(bench, options.latency);
	const limit = { vendor: 'enkash' as const, limit: RATE_LIMIT_PER_SECOND, windowMs: 1000, burst: RATE_LIMIT_BURST };

	const legs: RateLeg[] = [];
	for (const { key, id, label } of WORKFLOWS) {
		await sandbox.control.setRateLimit(null);
		if (key === 'http') {
			// What a user of the HTTP Request node does: fetch a token and paste it into a Header Auth credential (before the limit is on).
			const token = await enkashToken(bench.login);
			await n8n.importCredentials([{ id: 'credS5header', name: 'credS5header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } }]);
		}
		// A full bucket for every leg.
		await sandbox.control.setRateLimit(limit);
		log(`scenario 5: ${label}, ${formatNumber(n)} items, ${RATE_LIMIT_PER_SECOND} requests/s…`);
		const { result, traffic } = await withTraffic(sandbox, 'enkash', options.latency, async () => await n8n.execute(id, LEG, 30 * 60_000));
		legs.push({ key, label, ms: result.ms, error: result.error, traffic });
	}
	await sandbox.control.setRateLimit(null);

	const failedItems = (leg: RateLeg) => n - leg.traffic.createdExternalIds;
	const duplicates = (leg: RateLeg) => leg.traffic.created - leg.traffic.createdExternalIds;
	const share429 = (leg: RateLeg) => (leg.traffic.api === 0 ? 0 : leg.traffic.rateLimited / leg.traffic.api);
	const percent = (share: number) => `${formatNumber(share * 100, share < 0.1 ? 1 : 0)} %`;
	const table: Table = {
		title: `Scenario 5 — a rate-limited vendor: ${formatNumber(n)} invoice creates, ${RATE_LIMIT_PER_SECOND} requests/s allowed (429 above), latency ${options.latency} ms`,
		headers: ['Leg', 'Time', 'Ratio to ideal', 'Invoices created', 'Failed items', 'API requests', '429s', '429 share', 'Peak open', 'Other load'],
		numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9],
		rows: [
			['Ideal: every invoice once, at exactly the allowed rate', formatSeconds(idealMs), '1.00×', formatNumber(n), '0', formatNumber(n), '0', '0 %', '–', '–'],
			...legs.map((leg) => [
				leg.error ? `${leg.label} — the run FAILED: ${leg.error.slice(0, 80)}` : leg.label,
				formatSeconds(leg.ms),
				leg.error ? '–' : formatRatio(leg.ms / idealMs),
				`${formatNumber(leg.traffic.createdExternalIds)}${duplicates(leg) > 0 ? ` (+${formatNumber(duplicates(leg))} duplicates)` : ''}`,
				formatNumber(failedItems(leg)),
				formatNumber(leg.traffic.api),
				formatNumber(leg.traffic.rateLimited),
				percent(share429(leg)),
				inFlight(leg.traffic),
				otherCores(leg.traffic),
			]),
		],
		notes: [
			`The sandbox's rate limit is a token bucket: ${RATE_LIMIT_PER_SECOND} requests a second, evenly (one every ${formatNumber(1000 / RATE_LIMIT_PER_SECOND)} ms), at most ${RATE_LIMIT_BURST} at once after a pause; a request over it is answered 429 with Retry-After: 1 (whole seconds, as HTTP has them). Token requests count too. Ideal = items ÷ ${RATE_LIMIT_PER_SECOND} per second.`,
			'Every leg sends one request per invoice (our node with Skip If External ID Exists off). Time: the node\'s own execution time as n8n records it, retries and waits included.',
			'Failed items: invoices the vendor did not create (a run that fails puts out no items at all). Invoices created: distinct External IDs the sandbox created during the leg. 429 share: API requests answered 429 ÷ API requests.',
			'Peak open: most requests open at once in the sandbox (arrival to answer, from its ledger).',
		],
	};

	const checks: TargetCheck[] = [];
	const findings: string[] = [];
	const auto = legs.find((leg) => leg.key === 'auto');
	if (auto) {
		const failed = failedItems(auto);
		checks.push({ target: `Rate-limited vendor (${RATE_LIMIT_PER_SECOND} requests/s), our node at defaults: 0 failed items (${formatNumber(n)} creates)`, measured: auto.error ? `${formatNumber(failed)} failed; the run failed` : `${formatNumber(failed)} failed`, met: failed === 0 && !auto.error });
		checks.push({ target: `Rate-limited vendor, our node at defaults: at most ${formatNumber(MAX_429_SHARE * 100)} % of requests answered 429`, measured: `${percent(share429(auto))} (${formatNumber(auto.traffic.rateLimited)} of ${formatNumber(auto.traffic.api)})`, met: share429(auto) <= MAX_429_SHARE });
		checks.push({ target: `Rate-limited vendor, our node at defaults: total time within ${formatRatio(MAX_IDEAL_RATIO)} the ideal (${formatSeconds(idealMs)})`, measured: `${formatSeconds(auto.ms)}, ${formatRatio(auto.ms / idealMs)}`, met: !auto.error && auto.ms / idealMs <= MAX_IDEAL_RATIO });
		const others = legs.filter((leg) => leg !== auto);
		findings.push(
			`**Rate-limited vendor.** At its defaults our node created ${formatNumber(auto.traffic.createdExternalIds)} of ${formatNumber(n)} invoices in ${formatSeconds(auto.ms)} ` +
				`(${formatRatio(auto.ms / idealMs)} the ideal ${formatSeconds(idealMs)}), with ${formatNumber(auto.traffic.rateLimited)} answers of 429 in ${formatNumber(auto.traffic.api)} requests (${percent(share429(auto))}) ` +
				`and at most ${inFlight(auto.traffic)} requests open at once. ` +
				others
					.map(
						(leg) =>
							`${leg.label}: ${leg.error ? 'the run failed' : `${formatSeconds(leg.ms)}`}, ${formatNumber(failedItems(leg))} items not created${duplicates(leg) > 0 ? `, ${formatNumber(duplicates(leg))} invoices created twice or more` : ''}, ` +
							`${formatNumber(leg.traffic.rateLimited)} × 429 in ${formatNumber(leg.traffic.api)} requests (${percent(share429(leg))}), at most ${inFlight(leg.traffic)} open at once.`,
					)
					.join(' '),
		);
	}
	return { tables: [table], checks, findings };
}

export const scenario5: Scenario = { number: 5, prepare: s5Workflows, run: scenario5Run };
