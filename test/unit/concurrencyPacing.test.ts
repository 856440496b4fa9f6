/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * Concurrency: Automatic's rate pacing (shared/concurrency/pacer.ts), in discrete-event simulations
 * on a fake clock: the limiter's clock and sleeper are the simulation's, so every run is the same
 * and no test depends on timing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ConcurrencyLimiter } from '../../shared/concurrency/limiter';
import type { PacerSettings } from '../../shared/concurrency/pacer';
import { RateLimiter } from '../../sandbox/faults';

/** Lets every promise that can settle settle (no time passes). */
const settled = async () => await new Promise((resolve) => setImmediate(resolve));

/** A discrete-event clock: `after(ms)` resolves when the simulation reaches that time; `sleep` is the limiter's sleeper. */
function simulation(start = 1_000_000) {
	const clock = { now: start };
	const events: Array<{ at: number; seq: number; done: () => void }> = [];
	let seq = 0;
	const after = async (ms: number) => await new Promise<void>((done) => events.push({ at: clock.now + Math.max(0, ms), seq: seq++, done }));
	/** Runs events in time order until `until` settles (or the queue is empty with nothing left to settle: a deadlock). */
	const run = async (until: Promise<unknown>) => {
		let finished = false;
		void until.then(() => (finished = true));
		let idleRounds = 0;
		while (!finished) {
			await settled();
			events.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const event = events.shift();
			if (!event) {
				if (++idleRounds > 100) throw new Error('deadlock: nothing scheduled and the run has not finished');
				continue;
			}
			idleRounds = 0;
			clock.now = event.at;
			event.done();
		}
	};
	return { clock, read: () => clock.now, after, run };
}

interface VendorRun {
	items: number;
	/** Items at once (the item runner), each under the limiter. */
	workers: number;
	cap: number;
	latencyMs: number;
	/** A token bucket: requests a second and how many at once after a pause; undefined: no limit. */
	rate?: { perSecond: number; burst: number };
	/** The Retry-After the vendor sends with a 429 (ms); undefined: the sandbox's (until the next token, in whole seconds, at least 1). */
	retryAfterMs?: number;
	/** Tries per item (retry.ts's default 4): a 429 waits its Retry-After, then the item tries again. */
	maxAttempts?: number;
	pacer?: Partial<PacerSettings>;
}

/**
 * `items` creates through the limiter against a vendor rate-limited like the sandbox (its very token
 * bucket, on the simulation's clock): the vendor counts a request when it arrives (at send), answers
 * 429 at once with Retry-After when the bucket is empty, else answers after `latencyMs`.
 */
async function rateLimited(options: VendorRun) {
	const sim = simulation();
	const limiter = new ConcurrencyLimiter({}, sim.read, sim.after, options.pacer);
	const bucket = new RateLimiter(sim.read);
	if (options.rate) bucket.set({ limit: options.rate.perSecond, windowMs: 1000, burst: options.rate.burst });
	const start = sim.clock.now;
	let requests = 0;
	let refused = 0;
	let failedItems = 0;
	let next = 0;
	const sends: number[] = [];
	const worker = async () => {
		while (next < options.items) {
			next++;
			for (let attempt = 1; ; attempt++) {
				const permit = await limiter.acquire(options.cap);
				requests++;
				sends.push(sim.clock.now);
				const retryAfterSeconds = options.rate ? bucket.check('enkash') : undefined;
				if (retryAfterSeconds !== undefined) {
					refused++;
					const retryAfterMs = options.retryAfterMs ?? retryAfterSeconds * 1000;
					await sim.after(1);
					permit.release('overloaded', retryAfterMs);
					if (attempt >= (options.maxAttempts ?? 4)) {
						failedItems++;
						break;
					}
					await sim.after(retryAfterMs);
					continue;
				}
				await sim.after(options.latencyMs);
				permit.release('answered');
				break;
			}
		}
	};
	await sim.run(Promise.all(Array.from({ length: options.workers }, worker)));
	const ms = sim.clock.now - start;
	return { requests, refused, failedItems, ms, share: refused / requests, sends, limiter, perSecond: ((options.items - failedItems) * 1000) / ms };
}

const SANDBOX_LIMIT = { perSecond: 100, burst: 10 };

describe('Rate pacing against a token-bucket vendor (100 requests/s, burst 10, 20 ms, Retry-After: 1 as the sandbox; simulated, deterministic)', () => {
	test('2,000 creates, 50 at once, Max Concurrency 50: at most 2 % answered 429, at least 85 % of the allowed rate, every item created', async () => {
		const result = await rateLimited({ items: 2000, workers: 50, cap: 50, latencyMs: 20, rate: SANDBOX_LIMIT });
		console.log(`2,000 creates: ${result.requests} requests, ${result.refused} × 429 (${(result.share * 100).toFixed(2)} %), ${(result.ms / 1000).toFixed(2)} s, ${result.perSecond.toFixed(1)} created/s`);
		assert.equal(result.failedItems, 0);
		assert.ok(result.share <= 0.02, `${result.refused} of ${result.requests} answered 429`);
		assert.ok(result.perSecond >= 85, `${result.perSecond.toFixed(1)} created a second`);
		const pace = result.limiter.state.pace!;
		// Near the limit in the end (above it only while the last items no longer fill the rate).
		assert.ok(pace.rate! >= 85 && pace.rate! <= 120, `paced at ${pace.rate} requests/s in the end`);
	});

	test('with every Retry-After (1 s) pausing the whole account instead: still at most 2 % answered 429, at least 85 % of the allowed rate (each pause costs a second)', async () => {
		const result = await rateLimited({ items: 2000, workers: 50, cap: 50, latencyMs: 20, rate: SANDBOX_LIMIT, pacer: { accountPauseOverMs: 0 } });
		console.log(`2,000 creates, every pause account-wide: ${result.requests} requests, ${result.refused} × 429, ${(result.ms / 1000).toFixed(2)} s, ${result.perSecond.toFixed(1)} created/s`);
		assert.equal(result.failedItems, 0);
		assert.ok(result.share <= 0.02, `${result.refused} of ${result.requests} answered 429`);
		assert.ok(result.perSecond >= 85, `${result.perSecond.toFixed(1)} created a second`);
	});

	test('a vendor with no limit is never paced: the same time as the concurrency limit alone, no pace', async () => {
		const run = { items: 1000, workers: 50, cap: 50, latencyMs: 20 };
		const paced = await rateLimited(run);
		const sim = simulation();
		const plain = new ConcurrencyLimiter({}, sim.read);
		const start = sim.clock.now;
		let next = 0;
		const worker = async () => {
			while (next < run.items) {
				next++;
				const permit = await plain.acquire(run.cap);
				await sim.after(run.latencyMs);
				permit.release('answered');
			}
		};
		await sim.run(Promise.all(Array.from({ length: run.workers }, worker)));
		assert.equal(paced.refused, 0);
		assert.equal(paced.limiter.state.pace!.rate, undefined, 'no pacing before a refusal');
		assert.equal(paced.ms, sim.clock.now - start, 'not one ms slower than without a pacer');
	});
});

describe('Rate pacing: Retry-After, failures, deadlock', () => {
	test('a Retry-After over 1 s on one request holds every new send of the account until it has passed; a 1 s one only cuts the rate', async () => {
		const sim = simulation();
		const limiter = new ConcurrencyLimiter({}, sim.read, sim.after);
		const sendTimes: number[] = [];
		const flow = (async () => {
			const first = await limiter.acquire(10);
			const second = await limiter.acquire(10);
			await sim.after(5);
			const refusedAt = sim.clock.now;
			first.release('overloaded', 3000);
			// The second request, already sent, ends as it ends; every new send waits for the pause.
			second.release('answered');
			await Promise.all(
				Array.from({ length: 3 }, async () => {
					const permit = await limiter.acquire(10);
					sendTimes.push(sim.clock.now);
					await sim.after(20);
					permit.release('answered');
				}),
			);
			return refusedAt;
		})();
		await sim.run(flow);
		const refusedAt = await flow;
		assert.ok(Math.min(...sendTimes) >= refusedAt + 3000, `first new send ${Math.min(...sendTimes) - refusedAt} ms after the refusal`);
		const pace = limiter.state.pace!;
		assert.equal(pace.pausedUntil, refusedAt + 3000);
		assert.equal(pace.rate, undefined, 'refused before any answer: nothing measured, so paused but not paced (pacing from zero would crawl from 1/s)');

		const short = simulation();
		const other = new ConcurrencyLimiter({}, short.read, short.after);
		const times: number[] = [];
		const shortFlow = (async () => {
			// 20 answered, one every 10 ms, then a 429 with Retry-After: 1.
			for (let n = 0; n < 20; n++) {
				const answered = await other.acquire(10);
				await short.after(10);
				answered.release('answered');
			}
			const permit = await other.acquire(10);
			await short.after(5);
			const refused = short.clock.now;
			permit.release('overloaded', 1000);
			const next = await other.acquire(10);
			times.push(short.clock.now - refused);
			next.release('answered');
		})();
		await short.run(shortFlow);
		assert.ok(times[0] < 50, `a Retry-After of 1 s does not pause the account (next send ${times[0]} ms later)`);
		assert.notEqual(other.state.pace!.rate, undefined, 'but the account is paced from then on');
	});

	test('1,000 sends that fail (429 with Retry-After 2 s, 503, dropped connections): every permit and every paced turn comes back, nothing left waiting', async () => {
		const sim = simulation();
		const limiter = new ConcurrencyLimiter({}, sim.read, sim.after);
		let ended = 0;
		const outcomes = [
			(permit: { release: (o: 'overloaded' | 'failed' | 'answered', ms?: number) => void }) => permit.release('overloaded', 2000),
			(permit: { release: (o: 'overloaded' | 'failed' | 'answered', ms?: number) => void }) => permit.release('overloaded'),
			(permit: { release: (o: 'overloaded' | 'failed' | 'answered', ms?: number) => void }) => permit.release('failed'),
		];
		const all = Promise.all(
			Array.from({ length: 1000 }, async (_, n) => {
				const permit = await limiter.acquire(50);
				await sim.after(n % 7);
				outcomes[n % 3](permit);
				ended++;
			}),
		);
		await sim.run(all);
		assert.equal(ended, 1000);
		const state = limiter.state;
		assert.deepEqual([state.inFlight, state.waiting, state.pace!.waiting], [0, 0, 0]);
		assert.equal(state.pace!.rate, undefined, 'nothing was ever answered: no rate to measure, so no pace (the 2 s Retry-After pauses still held the account)');
	});

	test('idle for 5 minutes, pacing is forgotten with the limit: the next burst goes unpaced', async () => {
		const sim = simulation();
		const limiter = new ConcurrencyLimiter({}, sim.read, sim.after);
		const flow = (async () => {
			for (let n = 0; n < 10; n++) {
				const answered = await limiter.acquire(10);
				await sim.after(10);
				answered.release('answered');
			}
			const permit = await limiter.acquire(10);
			await sim.after(5);
			permit.release('overloaded', 0);
			assert.notEqual(limiter.state.pace!.rate, undefined, 'paced after the 429');
			await sim.after(5 * 60_000);
			const later = await limiter.acquire(10);
			later.release('answered');
		})();
		await sim.run(flow);
		await flow;
		assert.equal(limiter.state.pace!.rate, undefined);
	});
});
