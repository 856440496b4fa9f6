/** The send rate of one vendor account once it has refused a request for load (429, 503): paced sends, and its Retry-After honoured for the whole account. */

export interface PacerSettings {
	/**
	 * After a refusal the rate is cut to this share of the rate the vendor was taking. The AWS SDKs cut
	 * their send rate to 0.7×; this cuts the answered rate (what the vendor let through, about its
	 * limit), so a smaller cut keeps below it.
	 */
	cutFactor: number;
	/**
	 * How fast the rate grows back (CUBIC's C, requests/s per s³; the AWS SDKs use 0.4): back to the
	 * rate before the cut after ∛(rate × (1 − cutFactor) / growth) seconds (10 s at 100/s), then
	 * probing beyond it. Slow, because every probe past a vendor's limit costs a 429.
	 */
	growth: number;
	/** The rate the vendor was taking is measured over this much sending time (paused time left out)… */
	measureWindowMs: number;
	/** …and never over less than this, so a first burst is not read as the vendor's rate. */
	minMeasureMs: number;
	/** After a cut measured over less than a full window (the first refusal, a few ms into a burst), the rate was a guess: it doubles every this many ms of sending until the next refusal. */
	probeDoublingMs: number;
	/** Never paced slower than this (requests/s). */
	minRate: number;
	/**
	 * A Retry-After longer than this pauses every new send of the account until it has passed. One of
	 * 1 s or less (the least HTTP can say, which vendors send for any sub-second wait) delays only the
	 * refused request's retry, which always waits its full Retry-After; the cut rate paces the rest.
	 */
	accountPauseOverMs: number;
	/** A Retry-After longer than this is not honoured for the whole account (the request's own retry still decides what to do with it). */
	maxPauseMs: number;
}

export const DEFAULT_PACER_SETTINGS: Readonly<PacerSettings> = Object.freeze({
	cutFactor: 0.9,
	growth: 0.01,
	measureWindowMs: 1000,
	minMeasureMs: 250,
	probeDoublingMs: 1000,
	minRate: 1,
	accountPauseOverMs: 1000,
	maxPauseMs: 60_000,
});

/** Waits `ms` (n8n-workflow's `sleep` in the node; the test's own clock in unit tests). */
export type Sleeper = (ms: number) => Promise<void>;

/** What the pacer knows, for tests, logs and benchmarks. */
export interface PacerState {
	/** Requests per second sends are paced to; undefined before the first refusal (no pacing). */
	rate: number | undefined;
	/** The rate the last cut was made from (CUBIC's W_max). */
	maxRate: number | undefined;
	/** New sends wait until this time (a Retry-After), when it is in the future. */
	pausedUntil: number;
	waiting: number;
}

/**
 * A client-side send rate, after the AWS SDKs' adaptive retry mode (a token bucket whose fill rate
 * is set from the measured throughput at the time of throttling, cut ×0.7 on a throttle and grown
 * back with a CUBIC curve). Off until the vendor first refuses for load: a vendor without limits is
 * never slowed down.
 *
 * - On a refusal of a request sent under the current rate (one cut per event, as for the concurrency
 *   limit): the rate the vendor took (answered sends per second over the last second of sending, at
 *   most the rate in force) becomes W_max, and the rate is cut to W_max × `cutFactor`.
 * - It then grows as W_max + C·(t − K)³, t the sending time since the cut: concave back to W_max,
 *   flat around it, then probing beyond.
 * - A Retry-After over 1 s on any refusal holds every new send of the account until it has passed.
 * - The first cut, a few ms into a first burst, measures little: the rate then doubles every second
 *   of sending until the next refusal, which is measured over a full window. A refusal before any
 *   answer measures nothing and sets no pace (a Retry-After over 1 s still pauses the account).
 *
 * Sends are let through one at a time, first come first served, one every 1/rate seconds; waiting
 * is a single loop of `sleep`s, never a spin.
 */
export class RatePacer {
	private readonly settings: PacerSettings;
	private rate: number | undefined;
	private maxRate = 0;
	/** The last cut was measured over less than a full window: grow exponentially (probe), not along the cubic. */
	private probing = false;
	/** When the rate was last cut (growth is counted from here, paused time left out). */
	private cutAt = 0;
	private pausedUntil = 0;
	/** Time spent paused since the cut, not counted as growth time. */
	private pausedSinceCut = 0;
	private nextAt = 0;
	/** Incremented by every cut; a send remembers the epoch it was sent in. */
	private epoch = 0;
	/** Send times of answered requests (oldest first), within the measure window. */
	private answered: number[] = [];
	/** When sending (re)started: after the last pause, or the first send. */
	private activeSince: number | undefined;
	private readonly queue: Array<() => void> = [];
	private pumping = false;

	constructor(
		settings: Partial<PacerSettings> = {},
		private readonly clock: () => number,
		private readonly sleeper: Sleeper,
	) {
		this.settings = { ...DEFAULT_PACER_SETTINGS, ...settings };
	}

	get state(): PacerState {
		return { rate: this.rate === undefined ? undefined : this.currentRate(this.clock()), maxRate: this.rate === undefined ? undefined : this.maxRate, pausedUntil: this.pausedUntil, waiting: this.queue.length };
	}

	get pacing(): boolean {
		return this.rate !== undefined || this.pausedUntil > this.clock();
	}

	/** Resolves when this send may go: at once when not pacing and not paused; returns the epoch to hand back to `record`. */
	async turn(): Promise<number> {
		const now = this.clock();
		this.activeSince ??= now;
		if (!this.pacing && this.queue.length === 0) return this.epoch;
		await new Promise<void>((go) => {
			this.queue.push(go);
			void this.pump();
		});
		return this.epoch;
	}

	/** A single loop lets the queue through, one every 1/rate, none before a pause has passed. */
	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.queue.length > 0) {
				const now = this.clock();
				const at = Math.max(this.nextAt, this.pausedUntil);
				if (now < at) {
					// Whole milliseconds, as timers have them (and so a fractional wait always moves the clock past `at`).
					await this.sleeper(Math.max(1, Math.ceil(at - now)));
					continue;
				}
				const go = this.queue.shift()!;
				const rate = this.currentRate(now);
				// Counted from the slot, not from when the timer fired: a late timer (a busy machine) does not
				// lower the rate; at most one interval is made up, so lateness never turns into a burst.
				const interval = rate === undefined ? 0 : 1000 / rate;
				this.nextAt = Math.max(this.nextAt, now - interval) + interval;
				go();
			}
		} finally {
			this.pumping = false;
		}
	}

	/** How a send ended: `answered` is measured, `overloaded` cuts the rate (once per epoch) and pauses for its Retry-After. */
	record(outcome: 'answered' | 'overloaded' | 'failed', sentAt: number, epoch: number, retryAfterMs?: number): void {
		const now = this.clock();
		if (outcome === 'answered') {
			this.answered.push(sentAt);
			this.trim(now);
			return;
		}
		if (outcome !== 'overloaded') return;
		if (epoch === this.epoch) this.cut(now);
		const { accountPauseOverMs, maxPauseMs } = this.settings;
		if (retryAfterMs !== undefined && retryAfterMs > accountPauseOverMs && retryAfterMs <= maxPauseMs) this.pause(now, now + retryAfterMs);
	}

	private cut(now: number): void {
		const { taken, full } = this.measured(now);
		const inForce = this.currentRate(now);
		// A refusal before any answer has no rate to measure: pacing from zero would crawl from 1 request/s.
		// The concurrency cut and the refused request's own Retry-After apply; the first refusal after answers sets the pace.
		if (inForce === undefined && taken === 0) return;
		const from = inForce === undefined ? taken : Math.min(inForce, taken);
		this.probing = !full;
		this.maxRate = Math.max(this.settings.minRate, from);
		this.rate = Math.max(this.settings.minRate, this.maxRate * this.settings.cutFactor);
		this.cutAt = now;
		// A pause still running counts as paused time from the cut on.
		this.pausedSinceCut = Math.max(0, this.pausedUntil - now);
		this.epoch++;
		// The next send waits one interval of the new rate from now.
		this.nextAt = Math.max(this.nextAt, now + 1000 / this.rate);
	}

	private pause(now: number, until: number): void {
		if (until <= this.pausedUntil) return;
		// Paused time is neither growth time nor sending time.
		const from = Math.max(now, this.pausedUntil);
		if (this.rate !== undefined) this.pausedSinceCut += until - from;
		this.pausedUntil = until;
		this.activeSince = until;
		this.answered = [];
		void this.pump();
	}

	/** Answered sends per second over the last measure window of sending (at least `minMeasureMs`); `full` when a whole window was sending. */
	private measured(now: number): { taken: number; full: boolean } {
		this.trim(now);
		const { measureWindowMs, minMeasureMs } = this.settings;
		const sending = now - (this.activeSince ?? now);
		const span = Math.max(minMeasureMs, Math.min(measureWindowMs, sending));
		const since = now - span;
		const count = this.answered.filter((at) => at >= since).length;
		return { taken: (count * 1000) / span, full: sending >= measureWindowMs };
	}

	private trim(now: number): void {
		const since = now - this.settings.measureWindowMs;
		let drop = 0;
		while (drop < this.answered.length && this.answered[drop] < since) drop++;
		if (drop > 0) this.answered.splice(0, drop);
	}

	/** The rate at `now`: W_max + C·(t − K)³ over the sending time t since the cut; undefined when not pacing. */
	private currentRate(now: number): number | undefined {
		if (this.rate === undefined) return undefined;
		const { growth, cutFactor, minRate } = this.settings;
		const paused = this.pausedSinceCut - Math.max(0, this.pausedUntil - now);
		const t = Math.max(0, now - this.cutAt - paused) / 1000;
		if (this.probing) return this.rate * 2 ** ((t * 1000) / this.settings.probeDoublingMs);
		const k = Math.cbrt((this.maxRate * (1 - cutFactor)) / growth);
		return Math.max(minRate, this.maxRate + growth * (t - k) ** 3);
	}

	/** Forgets what it learnt (the limiter's idle reset): no pacing until the next refusal. */
	reset(): void {
		this.rate = undefined;
		this.maxRate = 0;
		this.probing = false;
		this.answered = [];
		this.activeSince = undefined;
		this.epoch++;
	}
}
