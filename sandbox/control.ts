/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { isAnswerStatus } from './faults';
import { json, parseJson, readBody, writeReply } from './http';
import type { Reply } from './http';
import type { SandboxCore } from './server';
import type {
	ConcurrencyLimitConfig,
	EnkashAccountState,
	EnkashTokenCasing,
	FaultRule,
	LedgerSnapshot,
	OpenRequests,
	RateLimitConfig,
	RevokeOptions,
	SandboxControlApi,
	SandboxStats,
	SeededInvoices,
	TokenResponseForm,
	TriggerRule,
	TriggerState,
	Vendor,
} from './types';
import { ACCESS_TOKEN_FORMS, EXPIRES_IN_FORMS, isVendor } from './types';
import { vendorBaseUrls } from './urls';
import { isPlainObject } from './validate';

/** The control surface, in-process. `SandboxClient` offers the same methods over HTTP. */
export class SandboxControl implements SandboxControlApi {
	constructor(private readonly core: SandboxCore) {}

	/** Restores seed data and default lifetimes; clears faults, triggers, latency, rate limit, concurrency limit and peaks, ledger, tokens and lockout. */
	async reset(): Promise<void> {
		this.core.reset();
	}

	/** Lifetime of access tokens issued from now on, in seconds (fractions allowed, > 0). */
	async setTokenLifetime(vendor: Vendor, seconds: number): Promise<void> {
		if (!isVendor(vendor)) throw new Error(`Unknown vendor ${String(vendor)}`);
		if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) throw new Error('seconds must be a positive number');
		this.core.tokens.setLifetime(vendor, seconds);
	}

	/**
	 * How the vendor's token endpoint answers from now on: `expiresIn` stated as a number (default),
	 * a numeric string, missing, null, 0, negative or not a number; the access token opaque or a JWT
	 * whose `exp` is its real expiry. Fields left out return to the vendor's default; so does `reset()`.
	 */
	async setTokenResponse(vendor: Vendor, form: TokenResponseForm): Promise<void> {
		if (!isVendor(vendor)) throw new Error(`Unknown vendor ${String(vendor)}`);
		const given: unknown = form;
		if (!isPlainObject(given)) throw new Error('form must be an object');
		const { expiresIn, accessToken, ...other } = given;
		if (Object.keys(other).length > 0) throw new Error(`Unknown token response field ${Object.keys(other)[0]}`);
		if (expiresIn !== undefined && !(EXPIRES_IN_FORMS as readonly unknown[]).includes(expiresIn)) {
			throw new Error(`expiresIn must be one of ${EXPIRES_IN_FORMS.join(', ')}`);
		}
		if (accessToken !== undefined && !(ACCESS_TOKEN_FORMS as readonly unknown[]).includes(accessToken)) {
			throw new Error(`accessToken must be one of ${ACCESS_TOKEN_FORMS.join(', ')}`);
		}
		this.core.tokens.setResponseForm(vendor, { ...form });
	}

	/** Revokes live access tokens (of one vendor or all), and refresh tokens when asked. The PAT is never revoked. */
	async revokeTokens(vendor?: Vendor, options: RevokeOptions = {}): Promise<{ revoked: number }> {
		if (vendor !== undefined && !isVendor(vendor)) throw new Error(`Unknown vendor ${String(vendor)}`);
		return { revoked: this.core.tokens.revoke(vendor, options.refreshTokens === true) };
	}

	/** Ends every live access token (of one vendor or all) now, as its lifetime running out would; refresh tokens and the PAT keep working. */
	async expireTokens(vendor?: Vendor): Promise<{ expired: number }> {
		if (vendor !== undefined && !isVendor(vendor)) throw new Error(`Unknown vendor ${String(vendor)}`);
		return { expired: this.core.tokens.expire(vendor) };
	}

	/** Arms a trigger: its action runs as its Nth matching request arrives, before that request is handled. */
	async addTrigger(rule: TriggerRule): Promise<TriggerState> {
		return this.core.triggers.add(rule);
	}

	/** Every trigger added since the last reset, with what it counted and the ledger seq of each request it fired on. */
	async triggers(): Promise<TriggerState[]> {
		return this.core.triggers.list();
	}

	async clearTriggers(): Promise<void> {
		this.core.triggers.clear();
	}

	async setRateLimit(config: RateLimitConfig | null): Promise<void> {
		this.core.rateLimiter.set(config);
	}

	/** Refuses (429) a request that arrives while `limit` of the vendor's (or all) requests are open; null lifts it; so does `reset()`. */
	async setConcurrencyLimit(config: ConcurrencyLimitConfig | null): Promise<void> {
		this.core.openRequests.setLimit(config);
	}

	/** Requests open now and the most ever open at once since the last reset, per vendor and in all. */
	async openRequests(): Promise<OpenRequests> {
		return this.core.openRequests.snapshot();
	}

	async setFaults(rules: FaultRule[]): Promise<void> {
		if (!Array.isArray(rules)) throw new Error('rules must be a list');
		this.core.faults.set(rules);
	}

	async clearFaults(): Promise<void> {
		this.core.faults.clear();
	}

	async setLatency(ms: number): Promise<void> {
		if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new Error('ms must be a non-negative number');
		this.core.latencyMs = ms;
	}

	async ledger(sinceSeq?: number): Promise<LedgerSnapshot> {
		return this.core.ledger.snapshot(sinceSeq ?? 0);
	}

	async stats(): Promise<SandboxStats> {
		return this.core.ledger.stats();
	}

	async unlockEnkash(): Promise<void> {
		this.core.enkash.unlock();
	}

	async enkashAccount(): Promise<EnkashAccountState> {
		return this.core.enkash.accountState();
	}

	async setEnkashTokenCasing(casing: EnkashTokenCasing): Promise<void> {
		if (casing !== 'camel' && casing !== 'snake') throw new Error("casing must be 'camel' or 'snake'");
		this.core.enkash.casing = casing;
	}

	/**
	 * From now on Enkash refuses an expired, revoked or unknown access token with its UNAUTHORIZED
	 * envelope sent with HTTP `status` (default 200; e.g. 400, 403) instead of 401. null restores
	 * 401; so does `reset()`. Token requests keep their own answers.
	 */
	async setEnkashExpiryInBody(status: number | null = 200): Promise<void> {
		if (status !== null && !isAnswerStatus(status)) throw new Error('status must be an HTTP status 200..599, or null');
		this.core.enkash.expiryInBodyStatus = status;
	}

	async seedEnkashInvoices(count: number): Promise<SeededInvoices> {
		return this.core.enkash.seedInvoices(count);
	}

	async seedEnboarderReportRows(reportId: string, count: number): Promise<void> {
		this.core.enboarder.setReportRows(reportId, count);
	}
}

interface ControlCall {
	body: unknown;
	query: URLSearchParams;
	req: IncomingMessage;
	seed: number;
}

type ControlRoute = (control: SandboxControl, call: ControlCall) => Promise<unknown>;

const field = (body: unknown, name: string): unknown => (isPlainObject(body) ? body[name] : undefined);

const CONTROL_ROUTES: Record<string, ControlRoute> = {
	'GET /health': async (_control, { req, seed }) => ({
		status: 'ok',
		seed,
		vendors: vendorBaseUrls(`http://${req.headers.host ?? 'localhost'}`),
	}),
	'POST /reset': (control) => control.reset(),
	'PUT /token-lifetime': (control, { body }) => control.setTokenLifetime(field(body, 'vendor') as Vendor, field(body, 'seconds') as number),
	'PUT /token-response': (control, { body }) => {
		const { vendor, ...form } = isPlainObject(body) ? body : {};
		return control.setTokenResponse(vendor as Vendor, form as TokenResponseForm);
	},
	'POST /revoke': (control, { body }) =>
		control.revokeTokens((field(body, 'vendor') as Vendor | undefined) ?? undefined, { refreshTokens: field(body, 'refreshTokens') === true }),
	'POST /expire': (control, { body }) => control.expireTokens((field(body, 'vendor') as Vendor | undefined) ?? undefined),
	'POST /triggers': (control, { body }) => control.addTrigger(body as TriggerRule),
	'GET /triggers': (control) => control.triggers(),
	'DELETE /triggers': (control) => control.clearTriggers(),
	'PUT /rate-limit': (control, { body }) => control.setRateLimit(isPlainObject(body) && body.limit !== undefined ? (body as unknown as RateLimitConfig) : null),
	'DELETE /rate-limit': (control) => control.setRateLimit(null),
	'PUT /concurrency-limit': (control, { body }) =>
		control.setConcurrencyLimit(isPlainObject(body) && body.limit !== undefined ? (body as unknown as ConcurrencyLimitConfig) : null),
	'DELETE /concurrency-limit': (control) => control.setConcurrencyLimit(null),
	'GET /open-requests': (control) => control.openRequests(),
	'PUT /faults': (control, { body }) => control.setFaults((Array.isArray(body) ? body : field(body, 'rules')) as FaultRule[]),
	'DELETE /faults': (control) => control.clearFaults(),
	'PUT /latency': (control, { body }) => control.setLatency(field(body, 'ms') as number),
	'GET /ledger': (control, { query }) => control.ledger(Number(query.get('since') ?? 0) || 0),
	'GET /stats': (control) => control.stats(),
	'POST /enkash/unlock': (control) => control.unlockEnkash(),
	'GET /enkash/account': (control) => control.enkashAccount(),
	'PUT /enkash/token-casing': (control, { body }) => control.setEnkashTokenCasing(field(body, 'casing') as EnkashTokenCasing),
	'PUT /enkash/expiry-in-body': (control, { body }) => control.setEnkashExpiryInBody((field(body, 'status') as number | null | undefined) === undefined ? 200 : (field(body, 'status') as number | null)),
	'DELETE /enkash/expiry-in-body': (control) => control.setEnkashExpiryInBody(null),
	'POST /enkash/seed-invoices': (control, { body }) => control.seedEnkashInvoices(field(body, 'count') as number),
	'POST /enboarder/report-rows': (control, { body }) =>
		control.seedEnboarderReportRows(field(body, 'reportId') as string, field(body, 'count') as number),
};

/** `/__control/*`: JSON in and out; never in the ledger, never delayed, limited or faulted. */
export async function handleControlRequest(
	control: SandboxControl,
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	query: URLSearchParams,
	seed: number,
): Promise<void> {
	const route = CONTROL_ROUTES[`${(req.method ?? 'GET').toUpperCase()} ${path.replace(/\/+$/, '') || '/'}`];
	let reply: Reply;
	if (!route) reply = json(404, { error: `Unknown control endpoint ${req.method} ${path}` });
	else {
		try {
			const body = parseJson(await readBody(req));
			const result = await route(control, { body: body ?? null, query, req, seed });
			reply = json(200, result === undefined ? { ok: true } : result);
		} catch (error) {
			reply = json(400, { error: error instanceof Error ? error.message : String(error) });
		}
	}
	writeReply(res, reply);
}
