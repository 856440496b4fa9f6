/**
 * Scenario 3: token requests per 1,000 items and per simulated hour — our Enboarder node (OAuth2
 * client credentials) against n8n's HTTP Request node with n8n's generic OAuth2 credential.
 */
import { vendorBaseUrls } from '../../sandbox';
import type { Credential } from '../e2e/support';
import { enboarderCredentials, legProblem, resetSandbox, type Bench, type Scenario, type ScenarioResult } from './common';
import type { LegTiming } from './realN8n';
import { formatNumber, formatSeconds, type TargetCheck } from './report';
import { withTraffic, type Traffic } from './sandboxProcess';
import { appWorkflow, enboarderProfileNode, httpRequestProfileNode, LEG, type BenchWorkflow } from './workflows';

function s3Workflows(bench: Bench): { workflows: BenchWorkflow[]; credentials: Credential[] } {
	const items = enboarderCredentials(bench.proxy.url, 'Items');
	const hour = enboarderCredentials(bench.proxy.url, 'Hour');
	const { tokenItems, hourItems, hourBatch } = bench.options;
	const enboarderBase = vendorBaseUrls(bench.proxy.url).enboarder;
	return {
		credentials: [items.ours, items.generic, hour.ours, hour.generic],
		workflows: [
			appWorkflow('benchS3oursItems', 'benchS3oursItems', enboarderProfileNode(items.ours.id), { count: tokenItems, prefix: 'x' }),
			appWorkflow('benchS3httpItems', 'benchS3httpItems', httpRequestProfileNode(enboarderBase, items.generic.id), { count: tokenItems, prefix: 'x' }),
			appWorkflow('benchS3oursHour', 'benchS3oursHour', enboarderProfileNode(hour.ours.id), { count: hourItems, prefix: 'x', batchSize: hourBatch }),
			appWorkflow('benchS3httpHour', 'benchS3httpHour', httpRequestProfileNode(enboarderBase, hour.generic.id), { count: hourItems, prefix: 'x', batchSize: hourBatch }),
		],
	};
}

async function scenario3Run(bench: Bench): Promise<ScenarioResult> {
	const { options, sandbox, n8n, log } = bench;
	const rows: string[][] = [];
	const checks: TargetCheck[] = [];
	const findings: string[] = [];
	const run = async (id: string, label: string): Promise<{ timing: LegTiming; traffic: Traffic }> => {
		log(`scenario 3: ${label}…`);
		const { result, traffic } = await withTraffic(sandbox, 'enboarder', options.latency, async () => await n8n.execute(id, LEG));
		return { timing: result, traffic };
	};

	// One execution of 1,000 items, a fresh credential each (no stored token), token lifetime 1 hour.
	await resetSandbox(bench, options.latency);
	const perItems: Record<string, { timing: LegTiming; traffic: Traffic }> = {};
	for (const [key, id, label] of [
		['ours', 'benchS3oursItems', `Our Enboarder node, OAuth2 credential, ${formatNumber(options.tokenItems)} items`],
		['http', 'benchS3httpItems', `n8n's HTTP Request node, n8n's OAuth2 credential (client credentials), ${formatNumber(options.tokenItems)} items`],
	] as const) {
		const leg = await run(id, label);
		perItems[key] = leg;
		const problem = legProblem(leg.timing, options.tokenItems);
		rows.push([
			problem ? `${label} — FAILED: ${problem}` : label,
			'1 h (sandbox default)',
			formatSeconds(leg.timing.ms),
			formatNumber(leg.traffic.api),
			formatNumber(leg.traffic.tokens),
			formatNumber((leg.traffic.tokens / options.tokenItems) * 1000, 1),
			formatNumber(leg.traffic.unauthorized),
			'–',
		]);
	}

	// Simulated hours: the token lifetime shortened to `hourLifetime` seconds, which stands for
	// Enboarder's one hour; items go through in batches (Loop Over Items) so traffic is continuous.
	await resetSandbox(bench, options.latency);
	await sandbox.control.setTokenLifetime('enboarder', options.hourLifetime);
	const perHour: Record<string, { timing: LegTiming; traffic: Traffic; hours: number }> = {};
	for (const [key, id, label] of [
		['ours', 'benchS3oursHour', `Our Enboarder node, ${formatNumber(options.hourItems)} items in batches of ${options.hourBatch}`],
		['http', 'benchS3httpHour', `n8n's HTTP Request node, ${formatNumber(options.hourItems)} items in batches of ${options.hourBatch}`],
	] as const) {
		const leg = await run(id, label);
		const hours = leg.timing.spanMs / 1000 / options.hourLifetime;
		perHour[key] = { ...leg, hours };
		const problem = legProblem(leg.timing, options.hourItems);
		rows.push([
			problem ? `${label} — FAILED: ${problem}` : label,
			`${options.hourLifetime} s = 1 simulated h`,
			`${formatSeconds(leg.timing.spanMs)} = ${formatNumber(hours, 1)} h`,
			formatNumber(leg.traffic.api),
			formatNumber(leg.traffic.tokens),
			formatNumber((leg.traffic.tokens / options.hourItems) * 1000, 1),
			formatNumber(leg.traffic.unauthorized),
			formatNumber(leg.traffic.tokens / hours, 2),
		]);
	}

	const oursItems = perItems.ours;
	const oursHour = perHour.ours;
	// Our renewal margin is 60 s, but at most a quarter of the lifetime; with a lifetime of a few
	// seconds a token is renewed after 3/4 of it, so one per usable lifetime is 4/3 per lifetime.
	const usable = options.hourLifetime * 1000 - Math.min(60_000, (options.hourLifetime * 1000) / 4);
	const allowed = Math.ceil(oursHour.timing.spanMs / usable) + 1;
	checks.push({
		target: `One token request per token lifetime, whatever the item count (${formatNumber(options.tokenItems)} items in one run)`,
		measured: `${oursItems.traffic.tokens} token request(s), ${oursItems.traffic.unauthorized} × 401`,
		met: oursItems.traffic.tokens === 1 && oursItems.traffic.unauthorized === 0,
	});
	checks.push({
		target: `One token request per token lifetime, over ${formatNumber(oursHour.hours, 1)} simulated hours (one per usable lifetime: a token is renewed a quarter of its life early at this lifetime)`,
		measured:
			`${oursHour.traffic.tokens} token requests, ${formatNumber(oursHour.traffic.tokens / oursHour.hours, 2)} per lifetime (at most ${allowed} allowed), ${oursHour.traffic.unauthorized} × 401; ` +
			`n8n's OAuth2 credential: ${perHour.http.traffic.tokens}, ${formatNumber(perHour.http.traffic.tokens / perHour.http.hours, 2)} per lifetime, ${perHour.http.traffic.unauthorized} × 401`,
		met: oursHour.traffic.tokens <= allowed && oursHour.traffic.unauthorized === 0,
	});
	findings.push(
		`**Token requests.** With a lifetime of a few seconds our credentials renew a token after three quarters of its life (the renewal margin is 60 s but never more than a quarter of the lifetime), ` +
			'so the simulated run asks about 4/3 tokens per lifetime; with Enboarder\'s real one-hour lifetime the margin is 60 s and that is 1.02 tokens per hour. ' +
			`n8n's generic OAuth2 credential renews only after a 401, and every request that is in flight when the token lapses gets its own 401 and asks for its own token ` +
			`(${formatNumber(perHour.http.traffic.unauthorized)} × 401 and ${formatNumber(perHour.http.traffic.tokens)} token requests in the simulated run` +
			`; ${formatNumber(perItems.http.traffic.tokens)} token requests for the first ${formatNumber(options.tokenItems)} items, when it has no token yet).`,
	);
	return {
		tables: [
			{
				title: `Scenario 3 — token requests, Enboarder Profile › Get per item, latency ${options.latency} ms`,
				headers: ['Leg', 'Token lifetime', 'Time', 'API requests', 'Token requests', 'Tokens / 1,000 items', '401s', 'Tokens / simulated hour'],
				numeric: [2, 3, 4, 5, 6, 7],
				rows,
				notes: [
					'Both sides go through a loopback pass-through that drops "Bearer " from Authorization: Enboarder wants the bare token, and n8n\'s generic OAuth2 credential always sends "Bearer" (on the real Enboarder that node gets 401 on every call).',
					'Each leg is one `n8n execute` with a credential that holds no token yet. Simulated hours: the Leg node\'s first start to last end, divided by the shortened lifetime.',
				],
			},
		],
		checks,
		findings,
	};
}

export const scenario3: Scenario = { number: 3, prepare: s3Workflows, run: scenario3Run };
