/** The adaptive concurrency limit of one vendor account: how many requests may be open at once, learnt from how the answers come back; and, once the vendor has refused for load, how fast they may be sent. */
import type { LoadProbe } from './eventLoopLoad';
import { RatePacer, type PacerSettings, type PacerState, type Sleeper } from './pacer';

/**
 * How a request that held a permit ended, as the limiter reads it:
 * - `answered`: the vendor answered (2xx, or a 4xx about the request itself); its latency is a sample.
 * - `overloaded`: 429 or 503, or no answer within the Timeout: the vendor is taking too much.
 * - `failed`: anything else (a dropped connection, a 500): says nothing about load, neither grows nor shrinks.
 */
export type LimiterOutcome = 'answered' | 'overloaded' | 'failed';

export interface LimiterSettings {
	/** The limit a new (or long idle) limiter starts from. */
	initialLimit: number;
	minLimit: number;
	/** The limit never grows past this, whatever the callers' caps. */
	maxLimit: number;
	/** The limit is multiplied by this on an overload (429, 503, timeout), at most once per window of requests sent before it. */
	overloadBackoff: number;
	/** …and by this when the recent latency has risen above the baseline. */
	latencyBackoff: number;
	/** Recent latency above `latencyTolerance` × baseline + `latencySlackMs` counts as rising. */
	latencyTolerance: number;
	/** Added to the tolerated latency, so a few milliseconds of jitter on a fast vendor are not read as a rise. */
	latencySlackMs: number;
	/** A window closes after max(minWindow, limit) answers: about one round of the permits. */
	minWindow: number;
	/** How fast the baseline follows a slower recent latency (it follows a faster one at once): 0..1 per window. */
	baselineDrift: number;
	/** Idle (nothing open) this long, the limiter starts afresh: the vendor's state has moved on since. */
	idleResetMs: number;
	/**
	 * A window's latency rise is not read as the vendor's when this process's event loop was busy at
	 * least this share of the window: the answers waited in our own queue, not the vendor's.
	 */
	busyLoop: number;
}

export const DEFAULT_LIMITER_SETTINGS: Readonly<LimiterSettings> = Object.freeze({
	initialLimit: 5,
	minLimit: 1,
	maxLimit: 500,
	overloadBackoff: 0.7,
	latencyBackoff: 0.9,
	latencyTolerance: 1.5,
	latencySlackMs: 10,
	minWindow: 8,
	baselineDrift: 0.1,
	idleResetMs: 5 * 60_000,
	busyLoop: 0.9,
});

/** Leave to send one request; `release` it exactly once when the request has ended, with how it ended (and a refusal's Retry-After, in ms). */
export interface Permit {
	release(outcome: LimiterOutcome, retryAfterMs?: number): void;
}

interface Waiter {
	cap: number;
	grant: (place: Place) => void;
}

/** A place under the concurrency limit, turned into a permit when the pace lets it send. */
interface Place {
	start(paceEpoch: number): Permit;
}

/** What the limiter knows, for tests, logs and benchmarks. */
export interface LimiterState {
	limit: number;
	inFlight: number;
	waiting: number;
	/** Latency the limiter compares against (ms), once it has one. */
	baselineMs: number | undefined;
	slowStart: boolean;
	/** The send rate (after the first 429 or 503) and any Retry-After pause; undefined without pacing. */
	pace: PacerState | undefined;
}

/**
 * An adaptive concurrency limit (AIMD with a latency gradient, after TCP Vegas, Netflix's
 * concurrency-limits and the AWS SDKs' adaptive retry mode). A permit is needed to send a request;
 * the limit is how many permits exist.
 *
 * - Grows while the answers stay fast and clean and the permits are all in use: doubling each window
 *   of answers until the first sign of overload (slow start), then one more per window.
 * - Shrinks multiplicatively (× `overloadBackoff`) on a 429, 503 or timeout, once for the requests
 *   that were sent under the same limit (their overloads are one event, not many).
 * - Shrinks (× `latencyBackoff`) when a window's median latency has risen above the baseline: the
 *   best recent latency, which drifts up slowly if the vendor gets slower for good. Not when this
 *   process's event loop was saturated over the window: a latency counted until our code reads the
 *   answer then rises with our own queue (n8n evaluating expressions, other executions), not the
 *   vendor's, and cutting would only slow the run (the vendor still has 429 and 503 to say "too much").
 *
 * Every measurement is counted in answers, not time: the clock only measures each request's latency
 * and notices a long idle. Waiting for a permit does not spin (a queue of resolvers), and a permit
 * released without an outcome still frees its place.
 */
export class ConcurrencyLimiter {
	private readonly settings: LimiterSettings;
	private current: number;
	private open = 0;
	private readonly queue: Waiter[] = [];
	private inSlowStart = true;
	/** Incremented by every decrease; a permit remembers the epoch it was granted in. */
	private epoch = 0;
	private baseline: number | undefined;
	private samples: number[] = [];
	private answersInWindow = 0;
	private saturated = false;
	/** The highest cap of the callers in this window: growth stops there. */
	private windowCap = 0;
	private lastActivity: number;
	private readonly pacer: RatePacer | undefined;

	/**
	 * `clock` and `sleeper` are the test's in unit tests; the node passes n8n-workflow's `sleep`
	 * (limiters.ts). Without a sleeper there is no pacing: the concurrency limit alone.
	 */
	constructor(
		settings: Partial<LimiterSettings> = {},
		private readonly clock: () => number = Date.now,
		sleeper?: Sleeper,
		pacerSettings: Partial<PacerSettings> = {},
		/** How busy the process's event loop was since the last call; the node passes eventLoopLoad() (limiters.ts). */
		private readonly load: LoadProbe = () => 0,
	) {
		this.settings = { ...DEFAULT_LIMITER_SETTINGS, ...settings };
		this.current = this.settings.initialLimit;
		this.lastActivity = clock();
		this.pacer = sleeper ? new RatePacer(pacerSettings, clock, sleeper) : undefined;
	}

	get state(): LimiterState {
		return { limit: this.current, inFlight: this.open, waiting: this.queue.length, baselineMs: this.baseline, slowStart: this.inSlowStart, pace: this.pacer?.state };
	}

	/**
	 * Resolves with a permit once fewer than min(limit, cap) requests are open and, after a 429 or
	 * 503, once the account's send rate (and any Retry-After) lets it go. `cap`: the caller's Max Concurrency.
	 */
	async acquire(cap: number = this.settings.maxLimit): Promise<Permit> {
		const bound = Math.max(1, Math.floor(cap));
		this.restartIfIdle();
		this.windowCap = Math.max(this.windowCap, bound);
		const place = await new Promise<Place>((grant) => {
			// Queued, then granted in turn: first come first served among the callers the limit lets through.
			this.queue.push({ cap: bound, grant });
			this.dispatch();
			if (this.queue.length > 0) this.saturated = true;
		});
		// The place is held while the pace is waited for (never failing: a sleep), so the rate, not a burst of places, decides when it goes.
		const paceEpoch = this.pacer ? await this.pacer.turn() : 0;
		return place.start(paceEpoch);
	}

	private allowed(cap: number): number {
		return Math.min(cap, Math.max(this.settings.minLimit, Math.floor(this.current)));
	}

	private grant(cap: number): Place {
		this.open++;
		if (this.open >= this.allowed(cap)) this.saturated = true;
		return {
			start: (paceEpoch) => {
				// Epoch and latency are counted from the send, after any pace wait.
				const epoch = this.epoch;
				const started = this.clock();
				let released = false;
				return {
					release: (outcome, retryAfterMs) => {
						if (released) return;
						released = true;
						// The limit and the rate are adjusted before the place is handed on, so the next request goes under them.
						this.pacer?.record(outcome, started, paceEpoch, retryAfterMs);
						this.record(outcome, epoch, this.clock() - started);
						this.open--;
						this.lastActivity = this.clock();
						this.dispatch();
					},
				};
			},
		};
	}

	/** Grants waiting callers, first come first served, as far as the limit (and each one's cap) allows. */
	private dispatch(): void {
		for (let index = 0; index < this.queue.length; ) {
			const waiter = this.queue[index];
			if (this.open >= this.allowed(waiter.cap)) {
				index++;
				continue;
			}
			this.queue.splice(index, 1);
			waiter.grant(this.grant(waiter.cap));
		}
	}

	private record(outcome: LimiterOutcome, epoch: number, latencyMs: number): void {
		if (outcome === 'failed') return;
		if (outcome === 'overloaded') {
			// Requests sent under the limit that was already cut add nothing: one overload event, one cut.
			if (epoch === this.epoch) this.decrease(this.settings.overloadBackoff);
			return;
		}
		this.samples.push(Math.max(0, latencyMs));
		this.answersInWindow++;
		if (this.answersInWindow >= Math.max(this.settings.minWindow, Math.floor(this.current))) this.closeWindow();
	}

	private closeWindow(): void {
		const recent = median(this.samples);
		const { latencyTolerance, latencySlackMs, baselineDrift, maxLimit } = this.settings;
		const baseline = this.baseline;
		const rising = baseline !== undefined && recent > baseline * latencyTolerance + latencySlackMs;
		// Read for every window, so each reading covers exactly one window.
		const ownQueue = this.load() >= this.settings.busyLoop;
		if (rising && !ownQueue) {
			this.decrease(this.settings.latencyBackoff);
			// The baseline moves a little towards the slower latency: a vendor that is slower for good is not chased down forever.
			this.baseline = baseline + (recent - baseline) * baselineDrift;
			return;
		}
		// A rise from our own queue says nothing of the vendor: the baseline stays, and the window counts as clean.
		if (!rising) this.baseline = baseline === undefined || recent < baseline ? recent : baseline + (recent - baseline) * baselineDrift;
		// Only a limit in use is raised: idle permits prove nothing about what the vendor can take.
		if (this.saturated) {
			const grown = this.inSlowStart ? this.current * 2 : this.current + 1;
			this.current = Math.max(this.current, Math.min(grown, this.windowCap, maxLimit));
		}
		this.newWindow();
	}

	private decrease(factor: number): void {
		this.current = Math.max(this.settings.minLimit, this.current * factor);
		this.inSlowStart = false;
		this.epoch++;
		// An overload ends the window early: the next load reading starts here.
		this.load();
		this.newWindow();
	}

	private newWindow(): void {
		this.samples = [];
		this.answersInWindow = 0;
		this.saturated = this.queue.length > 0;
		this.windowCap = this.queue.reduce((cap, waiter) => Math.max(cap, waiter.cap), 0);
	}

	private restartIfIdle(): void {
		if (this.open > 0 || this.clock() - this.lastActivity < this.settings.idleResetMs) return;
		this.current = this.settings.initialLimit;
		this.inSlowStart = true;
		this.baseline = undefined;
		this.epoch++;
		this.newWindow();
		this.pacer?.reset();
	}
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
