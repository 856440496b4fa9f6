/** What the scenarios share: the options, the run's state, credentials, and small formatting helpers. */
import { DEMO_CREDENTIALS, vendorBaseUrls, type VendorBaseUrls } from '../../sandbox';
import type { Credential } from '../e2e/support';
import type { EnkashLogin } from './bareClient';
import type { BearerProxy } from './bearerProxy';
import type { RealN8n } from './realN8n';
import { formatNumber, type Bar, type Table, type TargetCheck } from './report';
import type { SandboxProcess, Traffic } from './sandboxProcess';
import type { BenchWorkflow } from './workflows';

export interface Options {
	quick: boolean;
	write: boolean;
	latency: number;
	scenarios: Set<number>;
	/** Scenario 1: invoices created per full-size leg. */
	items: number;
	/** Scenario 4: invoices created per leg. */
	overheadItems: number;
	/** Scenario 5: invoices created per leg against the rate-limited vendor. */
	rateItems: number;
	/** Scenario 2: invoices in the sandbox for Return All. */
	searchItems: number;
	/** Scenario 1: the concurrencies tried (1,000 creates each) to find our node's best setting. */
	sweep: number[];
	/** Scenario 3: items of the "per 1,000 items" run, and of the simulated-hours run. */
	tokenItems: number;
	hourItems: number;
	hourBatch: number;
	/** Scenario 3: the shortened token lifetime (seconds) that stands for one hour. */
	hourLifetime: number;
	/** Seconds the whole run may spend waiting, before legs, for other work on the machine to calm down. */
	quietWait: number;
}

export const DEFAULT_CONCURRENCY = 5;
export const MAX_CONCURRENCY = 50;

export interface Bench {
	options: Options;
	sandbox: SandboxProcess;
	urls: VendorBaseUrls;
	proxy: BearerProxy;
	n8n: RealN8n;
	login: EnkashLogin;
	log: (line: string) => void;
}

const demo = DEMO_CREDENTIALS;

export function enkashLogin(urls: VendorBaseUrls): EnkashLogin {
	return { baseUrl: urls.enkash, ...demo.enkash };
}

/** The Enkash credential's fields for a login (the n8n app's credential and the engine legs' alike). */
export function enkashCredentialFields(login: EnkashLogin) {
	return {
		environment: 'custom',
		baseUrl: login.baseUrl,
		oauthClientId: login.oauthClientId,
		oauthClientSecret: login.oauthClientSecret,
		username: login.username,
		password: login.password,
		companyClientId: login.companyClientId,
	};
}

export function enkashCredential(id: string, login: EnkashLogin): Credential {
	return { id, name: id, type: 'enkashApi', data: enkashCredentialFields(login) };
}

/** Both Enboarder credentials point at the pass-through (see bearerProxy.ts). */
export function enboarderCredentials(proxyUrl: string, suffix: string): { ours: Credential; generic: Credential } {
	const urls = vendorBaseUrls(proxyUrl);
	return {
		ours: {
			id: `benchEbOurs${suffix}`,
			name: `benchEbOurs${suffix}`,
			type: 'enboarderOAuth2Api',
			data: { region: 'custom', baseUrl: urls.enboarder, tokenUrl: urls.enboarderTokenUrl, clientId: demo.enboarder.clientId, clientSecret: demo.enboarder.clientSecret, scopes: ['api/settings.all'] },
		},
		generic: {
			id: `benchEbGeneric${suffix}`,
			name: `benchEbGeneric${suffix}`,
			type: 'oAuth2Api',
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: urls.enboarderTokenUrl,
				clientId: demo.enboarder.clientId,
				clientSecret: demo.enboarder.clientSecret,
				scope: 'api/settings.all',
				authentication: 'header',
			},
		},
	};
}

/** A password-grant token, as a user of the HTTP Request node would paste into a Header Auth credential. */
export async function enkashToken(login: EnkashLogin): Promise<string> {
	const answer = await fetch(`${login.baseUrl}/oauth/token`, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${login.oauthClientId}:${login.oauthClientSecret}`).toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({ username: login.username, password: login.password, grant_type: 'password', clientId: login.companyClientId }),
	});
	const body = (await answer.json()) as { accessToken?: string; access_token?: string };
	const token = body.accessToken ?? body.access_token;
	if (!token) throw new Error(`the Enkash token request answered ${answer.status}`);
	return token;
}

export async function resetSandbox(bench: Bench, latencyMs: number): Promise<void> {
	await bench.sandbox.control.reset();
	await bench.sandbox.control.setLatency(latencyMs);
}

export const perSecond = (items: number, ms: number) => (items / ms) * 1000;

export function legProblem(timing: { items: number; errors: number; error?: string }, expected: number): string | undefined {
	if (timing.error) return timing.error;
	if (timing.errors > 0) return `${timing.errors} of ${timing.items} items failed`;
	if (timing.items !== expected) return `${timing.items} items out of ${expected}`;
	return undefined;
}

export interface ScenarioResult {
	tables: Table[];
	checks: TargetCheck[];
	/** Markdown paragraphs: why a target is missed and what would close it, or other findings. */
	findings: string[];
	bars?: Bar[];
}
/** A scenario: the credentials and workflows it needs imported into n8n (all are imported at once), and its run. */
export interface Scenario {
	number: number;
	prepare?(bench: Bench): { workflows: BenchWorkflow[]; credentials: Credential[] };
	run(bench: Bench): Promise<ScenarioResult>;
}

/** Cores other processes kept busy during the leg (the machine is shared; see Machine). */
export const otherCores = (traffic: Traffic) => (traffic.otherCores === undefined ? '–' : formatNumber(traffic.otherCores, 1));
/** Most requests open at once: exact from the ledger (arrival to end of each request), else the lower bound from arrivals within one latency. */
export const inFlight = (traffic: Traffic) => {
	const value = traffic.peakOpen ?? traffic.peakInFlight;
	return value === undefined ? '–' : formatNumber(value);
};
export const sandboxCpu = (traffic: Traffic, ms: number) => (traffic.sandboxCpuSeconds === undefined ? '–' : `${formatNumber((100 * traffic.sandboxCpuSeconds) / (ms / 1000))} %`);
