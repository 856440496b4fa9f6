import type { Random } from './random';
import type { ConcurrencyLimitConfig, FaultKind, FaultRule, OpenCount, OpenRequests, RateLimitConfig, Vendor } from './types';
import { isVendor, VENDORS } from './types';

const FAULT_KINDS: readonly FaultKind[] = ['429', '500', '503', 'drop', 'drop-after', 'delay', 'html', 'unauthorized'];

/** A status an answer can be sent with (no 1xx): for `unauthorized` faults and Enkash's expiry-in-body mode. */
export function isAnswerStatus(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 200 && value <= 599;
}

interface CompiledRule {
	rule: FaultRule;
	method?: string;
	matchPath: (path: string) => boolean;
	probability: number;
}

/** Throws on a malformed rule, so a typo in a test fails loudly instead of injecting nothing. */
export function validateFaultRule(rule: unknown, index: number): FaultRule {
	if (typeof rule !== 'object' || rule === null) throw new Error(`rules[${index}] must be an object`);
	const candidate = rule as FaultRule;
	if (!FAULT_KINDS.includes(candidate.kind)) {
		throw new Error(`rules[${index}].kind must be one of ${FAULT_KINDS.join(', ')}`);
	}
	if (candidate.vendor !== undefined && !isVendor(candidate.vendor)) throw new Error(`rules[${index}].vendor is unknown`);
	const probability = candidate.probability ?? 1;
	if (typeof probability !== 'number' || probability < 0 || probability > 1) {
		throw new Error(`rules[${index}].probability must be between 0 and 1`);
	}
	if (candidate.path !== undefined && typeof candidate.path !== 'string') throw new Error(`rules[${index}].path must be a string`);
	if (candidate.delayMs !== undefined && !(candidate.delayMs >= 0)) throw new Error(`rules[${index}].delayMs must be >= 0`);
	// Only Enkash has a token-refusal envelope to send.
	if (candidate.kind === 'unauthorized' && candidate.vendor !== 'enkash') throw new Error(`rules[${index}]: kind 'unauthorized' needs vendor 'enkash'`);
	if (candidate.status !== undefined && !isAnswerStatus(candidate.status)) throw new Error(`rules[${index}].status must be an HTTP status 200..599`);
	return { ...candidate };
}

/** Decides, per request and with the seeded PRNG, which fault (if any) a request suffers. */
export class FaultInjector {
	private rules: CompiledRule[] = [];

	constructor(private random: Random) {}

	reseed(random: Random): void {
		this.random = random;
	}

	set(rules: FaultRule[]): void {
		this.rules = rules.map((rule, index) => {
			const valid = validateFaultRule(rule, index);
			return {
				rule: valid,
				method: valid.method?.toUpperCase(),
				matchPath: pathMatcher(valid.path),
				probability: valid.probability ?? 1,
			};
		});
	}

	clear(): void {
		this.rules = [];
	}

	/** `path` is the path after the vendor prefix. The first matching rule that fires wins. */
	decide(vendor: Vendor, method: string, path: string): FaultRule | undefined {
		for (const compiled of this.rules) {
			const { rule } = compiled;
			if (rule.vendor && rule.vendor !== vendor) continue;
			if (compiled.method && compiled.method !== method) continue;
			if (!compiled.matchPath(path)) continue;
			if (this.random.next() < compiled.probability) return rule;
		}
		return undefined;
	}
}

/** A path prefix, or `/regexp/` (a string starting and ending with `/`); none matches every path. */
export function pathMatcher(path: string | undefined): (candidate: string) => boolean {
	if (!path) return () => true;
	if (path.length > 2 && path.startsWith('/') && path.endsWith('/')) {
		const pattern = new RegExp(path.slice(1, -1));
		return (candidate) => pattern.test(candidate);
	}
	return (candidate) => candidate.startsWith(path);
}

/** A fixed-window request counter or a token bucket (`burst` set), per vendor when the config names one, else shared by all vendors. */
export class RateLimiter {
	private config: RateLimitConfig | null = null;
	private windowStart = 0;
	private count = 0;
	/** Token bucket: what is in it, as of `filledAt`. */
	private tokens = 0;
	private filledAt = 0;

	constructor(private readonly clock: () => number = Date.now) {}

	set(config: RateLimitConfig | null): void {
		if (config !== null) {
			if (!(config.limit >= 0) || !(config.windowMs > 0)) throw new Error('rate limit needs limit >= 0 and windowMs > 0');
			if (config.vendor !== undefined && !isVendor(config.vendor)) throw new Error('rate limit vendor is unknown');
			if (config.burst !== undefined && !(typeof config.burst === 'number' && config.burst > 0)) throw new Error('rate limit burst must be > 0');
		}
		this.config = config;
		this.windowStart = 0;
		this.count = 0;
		this.tokens = config?.burst ?? 0;
		this.filledAt = this.clock();
	}

	/** Counts the request; returns the Retry-After seconds when it is over the limit. */
	check(vendor: Vendor): number | undefined {
		const config = this.config;
		if (!config || (config.vendor && config.vendor !== vendor)) return undefined;
		const now = this.clock();
		if (config.burst !== undefined) return this.take(config, config.burst, now);
		if (now - this.windowStart >= config.windowMs) {
			this.windowStart = now;
			this.count = 0;
		}
		this.count++;
		if (this.count <= config.limit) return undefined;
		return config.retryAfterSeconds ?? Math.max(1, Math.ceil((this.windowStart + config.windowMs - now) / 1000));
	}

	private take(config: RateLimitConfig, burst: number, now: number): number | undefined {
		const perMs = config.limit / config.windowMs;
		this.tokens = Math.min(burst, this.tokens + (now - this.filledAt) * perMs);
		this.filledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return undefined;
		}
		const untilNextMs = perMs > 0 ? (1 - this.tokens) / perMs : Number.POSITIVE_INFINITY;
		return config.retryAfterSeconds ?? Math.max(1, Math.ceil(Math.min(untilNextMs, 3_600_000) / 1000));
	}
}

/**
 * What is open at once, per vendor and in all, with the most ever open (since the last reset); and the
 * concurrency limit: a request arriving while `limit` are already open is refused (429) there and then.
 */
export class OpenRequestCounter {
	private config: ConcurrencyLimitConfig | null = null;
	private open = counts();
	private peak = counts();
	private totalOpen = 0;
	private totalPeak = 0;

	setLimit(config: ConcurrencyLimitConfig | null): void {
		if (config !== null) {
			if (!Number.isInteger(config.limit) || config.limit < 0) throw new Error('concurrency limit needs a whole limit >= 0');
			if (config.vendor !== undefined && !isVendor(config.vendor)) throw new Error('concurrency limit vendor is unknown');
			if (config.retryAfterSeconds !== undefined && !(Number.isInteger(config.retryAfterSeconds) && config.retryAfterSeconds >= 0)) {
				throw new Error('retryAfterSeconds must be a whole number >= 0');
			}
		}
		this.config = config;
	}

	/** Clears the limit and the peaks; requests still open keep counting until they end. */
	reset(): void {
		this.config = null;
		this.peak = { ...this.open };
		this.totalPeak = this.totalOpen;
	}

	/** A request arrives: the Retry-After seconds when the limit refuses it, else it counts as open until `leave`. */
	arrive(vendor: Vendor): number | undefined {
		this.peak[vendor] = Math.max(this.peak[vendor], this.open[vendor] + 1);
		this.totalPeak = Math.max(this.totalPeak, this.totalOpen + 1);
		const config = this.config;
		if (config && (!config.vendor || config.vendor === vendor)) {
			const openNow = config.vendor ? this.open[vendor] : this.totalOpen;
			if (openNow >= config.limit) return config.retryAfterSeconds ?? 1;
		}
		this.open[vendor]++;
		this.totalOpen++;
		return undefined;
	}

	leave(vendor: Vendor): void {
		this.open[vendor]--;
		this.totalOpen--;
	}

	snapshot(): OpenRequests {
		const byVendor = {} as Record<Vendor, OpenCount>;
		for (const vendor of VENDORS) byVendor[vendor] = { open: this.open[vendor], peak: this.peak[vendor] };
		return { ...byVendor, totals: { open: this.totalOpen, peak: this.totalPeak } };
	}
}

function counts(): Record<Vendor, number> {
	return Object.fromEntries(VENDORS.map((vendor) => [vendor, 0])) as Record<Vendor, number>;
}
