/** The one retry engine: every API request and every token request is retried here, with the same backoff and Retry-After reading. */
import { sleep } from 'n8n-workflow';

import { settle } from '../settle';

export interface RetryPolicy {
	/** Total attempts including the first (default 4). */
	maxAttempts: number;
	/** Longest single wait in ms (default 30_000); a longer Retry-After means give up. */
	maxWaitMs: number;
	/** First backoff in ms when the server gives no Retry-After (default 500), doubled each attempt, with jitter. */
	baseDelayMs: number;
}

/** The defaults, here only: the node's Options (Retry Attempts, Max Retry Wait) show and fall back to these. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxAttempts: 4, maxWaitMs: 30_000, baseDelayMs: 500 });

/**
 * How many tries may still fail, shared between a request and the look-ups sent between its tries:
 * each failure worth retrying (of the request or of a look-up) takes one, an answer takes none. A
 * create's look-ups draw on the create's allowance instead of having their own, so the two retry
 * counts add up rather than multiply.
 */
export interface RetryAllowance {
	readonly maxAttempts: number;
	failures: number;
}

export function retryAllowance(maxAttempts: number): RetryAllowance {
	return { maxAttempts: Math.max(1, Math.floor(maxAttempts)), failures: 0 };
}

export type FailureKind = 'rate-limited' | 'unavailable' | 'ambiguous' | 'final';

export interface RetryEvent {
	attempt: number;
	kind: FailureKind;
	waitMs: number;
}

export interface RetryOptions {
	policy?: Partial<RetryPolicy>;
	/**
	 * Called before resending after an ambiguous failure (the request may have been applied: e.g. look
	 * up an invoice by externalId). Return a value to use as the result instead of resending, or
	 * undefined to resend. If the lookup itself fails, nothing is resent and the request's error is thrown.
	 */
	beforeResendAfterAmbiguous?: () => Promise<unknown | undefined>;
	/** Whether an 'ambiguous' failure may be resent at all (default false: only idempotent requests or those with beforeResendAfterAmbiguous). */
	resendAmbiguous?: boolean;
	/** Shared with the request this one is a look-up for; without it the policy's maxAttempts bound this request alone. */
	allowance?: RetryAllowance;
	onRetry?: (event: RetryEvent) => void;
	/** For tests: replaces sleep. */
	wait?: (ms: number) => Promise<void>;
	/** For tests: jitter source in [0,1). */
	random?: () => number;
}

type Level = Record<string, unknown>;

const isObject = (value: unknown): value is Level => typeof value === 'object' && value !== null;

/**
 * The error and what it wraps: n8n's NodeApiError keeps an Error it wraps in `cause` (the AxiosError)
 * and a plain object in `errorResponse`; Node's own errors nest further `cause`s. Bounded and
 * cycle-safe because these objects hold sockets and circular references.
 */
function chain(error: unknown): Level[] {
	const levels: Level[] = [];
	const queue: unknown[] = [error];
	while (queue.length > 0 && levels.length < 8) {
		const level = queue.shift();
		if (!isObject(level) || levels.includes(level)) continue;
		levels.push(level);
		queue.push(level.cause, level.errorResponse);
	}
	return levels;
}

function toStatus(value: unknown): number | undefined {
	const status = typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : value;
	return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

function statusOf(levels: Level[]): number | undefined {
	for (const level of levels) {
		const response = isObject(level.response) ? level.response : {};
		// httpCode is n8n's reading; for transport failures it holds the code ('ECONNRESET'), not a status.
		const status = toStatus(level.httpCode) ?? toStatus(response.status) ?? toStatus(response.statusCode) ?? toStatus(level.statusCode);
		if (status !== undefined) return status;
	}
	return undefined;
}

/** The request never reached the server: resending cannot duplicate anything. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED']);
/** The connection failed after the request may have been written: the server may have applied it. */
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'UND_ERR_SOCKET',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

/** The HTTP status a failed request was answered with, or undefined when no answer came (a dropped connection, a timeout). */
export function failureStatus(error: unknown): number | undefined {
	return statusOf(chain(error));
}

export function classifyFailure(error: unknown): FailureKind {
	const levels = chain(error);
	const status = statusOf(levels);
	// A response means the server answered, so the status decides even if a code is also present.
	if (status !== undefined) {
		if (status === 429) return 'rate-limited';
		if (status === 503) return 'unavailable';
		// A gateway's 502/504 can follow a request the origin applied: resend only what is safe to resend.
		if (status === 502 || status === 504) return 'ambiguous';
		return 'final'; // 401 included: the token layer owns renewal, retrying here would only repeat it.
	}
	const codes = levels.flatMap((level) => [level.code, level.httpCode]).filter((code): code is string => typeof code === 'string');
	if (codes.some((code) => NOT_SENT_CODES.has(code))) return 'unavailable';
	if (codes.some((code) => MAYBE_SENT_CODES.has(code))) return 'ambiguous';
	if (levels.some((level) => typeof level.message === 'string' && /socket hang up/i.test(level.message))) {
		return 'ambiguous';
	}
	return 'final';
}

/** Axios gives an AxiosHeaders (with `get`), hand-built errors a plain object with any casing. */
function readHeader(headers: unknown, name: string): unknown {
	if (!isObject(headers)) return undefined;
	if (typeof headers.get === 'function') {
		const value: unknown = (headers.get as (key: string) => unknown).call(headers, name);
		if (value !== undefined && value !== null) return value;
	}
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/**
 * The pause a 429 or 503 asked for, from its Retry-After header (seconds or an HTTP date). Only the
 * HTTP client's error carries the response's headers, and n8n 1.x and 2.8 drop it (the NodeApiError's
 * `cause`): there nothing carries the header, this gives undefined and the retry waits our own backoff.
 */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | undefined {
	for (const level of chain(error)) {
		const response = isObject(level.response) ? level.response : {};
		let value = readHeader(response.headers, 'retry-after') ?? readHeader(level.headers, 'retry-after');
		if (Array.isArray(value)) value = value[0];
		if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value * 1000;
		if (typeof value !== 'string') continue;
		const text = value.trim();
		if (/^\d+$/.test(text)) return Number(text) * 1000;
		// Date.parse accepts bare numbers and odd forms; an HTTP-date always has a weekday/month name.
		const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	return undefined;
}

function resolvePolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
	// `??` per field rather than a spread, so an explicit `undefined` keeps the default.
	return {
		maxAttempts: Math.max(1, Math.floor(partial?.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts)),
		maxWaitMs: Math.max(0, partial?.maxWaitMs ?? DEFAULT_RETRY_POLICY.maxWaitMs),
		baseDelayMs: Math.max(0, partial?.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs),
	};
}

/** undefined = give up: the server asked for a longer pause than we are willing to hold the item. */
function waitBeforeRetry(error: unknown, attempt: number, policy: RetryPolicy, random: () => number): number | undefined {
	const asked = retryAfterMs(error);
	if (asked !== undefined) return asked <= policy.maxWaitMs ? asked : undefined;
	// ±25 % jitter so parallel items that failed together do not come back together.
	const jitter = 1 + (random() * 2 - 1) * 0.25;
	return Math.round(Math.min(policy.maxWaitMs, policy.baseDelayMs * 2 ** (attempt - 1) * jitter));
}

export async function withRetries<T>(
	attempt: (attemptNumber: number) => Promise<T>,
	options: RetryOptions = {},
): Promise<T> {
	const policy = resolvePolicy(options.policy);
	const allowance = options.allowance ?? retryAllowance(policy.maxAttempts);
	const wait = options.wait ?? sleep;
	const random = options.random ?? Math.random;
	const lookup = options.beforeResendAfterAmbiguous;
	// A lookup makes resending safe (it finds what the lost attempt created), so it implies permission.
	const mayResendAmbiguous = options.resendAmbiguous === true || lookup !== undefined;

	for (let attemptNumber = 1; ; attemptNumber++) {
		const outcome = await settle(async () => await attempt(attemptNumber));
		if (outcome.ok) return outcome.value;
		const { error } = outcome;

		const kind = classifyFailure(error);
		const retryable = kind === 'rate-limited' || kind === 'unavailable' || (kind === 'ambiguous' && mayResendAmbiguous);
		if (!retryable) throw error;
		allowance.failures++;
		if (allowance.failures >= allowance.maxAttempts) throw error;
		const waitMs = waitBeforeRetry(error, attemptNumber, policy, random);
		if (waitMs === undefined) throw error;

		options.onRetry?.({ attempt: attemptNumber, kind, waitMs });
		await wait(waitMs);

		if (kind === 'ambiguous' && lookup) {
			// Looked up after the pause, so a request still being applied has had time to land.
			const found = await settle(lookup);
			// Unable to tell whether the first send was applied: resending could duplicate it, so stop here.
			if (!found.ok) throw error;
			if (found.value !== undefined) return found.value as T;
		}
	}
}
