/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { concurrencySetting } from '../../shared/concurrency/concurrencySetting';
import { ConcurrencyLimiter, DEFAULT_LIMITER_SETTINGS, type LimiterOutcome, type Permit } from '../../shared/concurrency/limiter';
import { forgetLimiters, limiterFor, limiterKey } from '../../shared/concurrency/limiters';
import { limiterOutcome, withConcurrencyPermit } from '../../shared/transport/concurrencyPermit';

/** Lets every promise that can settle settle (no time passes: the limiter's clock is the test's). */
const settled = async () => await new Promise((resolve) => setImmediate(resolve));

function fakeClock(start = 1_000_000) {
	const clock = { now: start };
	return { clock, read: () => clock.now };
}

/** Asks for `count` permits and reports which were granted so far. */
function ask(limiter: ConcurrencyLimiter, count: number, cap?: number) {
	const granted: Permit[] = [];
	for (let index = 0; index < count; index++) void limiter.acquire(cap).then((permit) => granted.push(permit));
	return granted;
}

/**
 * Runs `answers` requests with more demand than the limit (so its permits are all in use), each
 * answered after `latencyMs` of the fake clock; returns the limit after each closed window.
 */
async function runBusy(limiter: ConcurrencyLimiter, clock: { now: number }, answers: number, latencyMs: number, outcome: LimiterOutcome = 'answered', cap = 50) {
	let demand = 0;
	const open: Permit[] = [];
	let done = 0;
	const want = () => {
		while (demand < cap + 1) {
			demand++;
			void limiter.acquire(cap).then((permit) => open.push(permit));
		}
	};
	want();
	await settled();
	while (done < answers) {
		assert.ok(open.length > 0, 'a permit is open');
		clock.now += latencyMs;
		// Every open request answers at the same moment, one after another.
		const batch = open.splice(0, open.length);
		for (const permit of batch) {
			if (done >= answers) {
				permit.release('failed');
				continue;
			}
			permit.release(outcome);
			done++;
			demand--;
		}
		want();
		await settled();
	}
	// Hand back what is still open or waiting, without an outcome that moves the limit.
	for (let drained = 0; drained < 2 * cap + 2; drained++) {
		for (const permit of open.splice(0, open.length)) permit.release('failed');
		await settled();
	}
}

describe('ConcurrencyLimiter: permits', () => {
	test('min(limit, cap) permits at once, the rest wait in order; a released permit hands its place on; releasing twice frees one place', async () => {
		const { read } = fakeClock();
		const limiter = new ConcurrencyLimiter({}, read);
		const granted = ask(limiter, 8);
		await settled();
		assert.equal(granted.length, DEFAULT_LIMITER_SETTINGS.initialLimit, 'the limit starts at 5');
		assert.deepEqual([limiter.state.inFlight, limiter.state.waiting], [5, 3]);
		granted[0].release('failed');
		granted[0].release('failed');
		await settled();
		assert.equal(granted.length, 6, 'one place handed on, not two');
		assert.deepEqual([limiter.state.inFlight, limiter.state.waiting], [5, 2]);

		const capped = new ConcurrencyLimiter({}, read);
		const two = ask(capped, 4, 2);
		await settled();
		assert.equal(two.length, 2, 'a caller with Max Concurrency 2 gets 2 even under a limit of 5');
		const other = ask(capped, 1, 10);
		await settled();
		assert.equal(other.length, 1, 'a caller with a higher cap is not held behind it');
	});

	test('a permit released by a failure frees its place: 1,000 failing requests through 5 permits never deadlock', async () => {
		const { read } = fakeClock();
		const limiter = new ConcurrencyLimiter({}, read);
		let ended = 0;
		await Promise.all(
			Array.from({ length: 1000 }, async () => {
				const permit = await limiter.acquire(50);
				permit.release('failed');
				ended++;
			}),
		);
		assert.equal(ended, 1000);
		assert.deepEqual([limiter.state.inFlight, limiter.state.waiting, limiter.state.limit], [0, 0, 5], "'failed' neither grows nor shrinks the limit");
	});
});

describe('ConcurrencyLimiter: the limit', () => {
	test('grows while answers stay fast and the permits are all in use: doubles per window in slow start, up to the callers\' Max Concurrency', async () => {
		const { clock, read } = fakeClock();
		const limiter = new ConcurrencyLimiter({}, read);
		await runBusy(limiter, clock, 8, 20);
		assert.equal(limiter.state.limit, 10, 'one window of 8 answers: 5 → 10');
		await runBusy(limiter, clock, 10, 20);
		assert.equal(limiter.state.limit, 20);
		await runBusy(limiter, clock, 200, 20);
		assert.equal(limiter.state.limit, 50, 'never above the cap');
		assert.equal(limiter.state.baselineMs, 20);
	});

	test('idle permits prove nothing: with one request at a time the limit does not grow', async () => {
		const { clock, read } = fakeClock();
		const limiter = new ConcurrencyLimiter({}, read);
		for (let index = 0; index < 100; index++) {
			const permit = await limiter.acquire(50);
			clock.now += 20;
			permit.release('answered');
		}
		assert.equal(limiter.state.limit, 5);
	});

	test('a 429 (or 503, or timeout) cuts the limit to 0.7×, once for the requests sent under the same limit; then +1 per window', async () => {
		const { clock, read } = fakeClock();
		const limiter = new ConcurrencyLimiter({}, read);
		await runBusy(limiter, clock, 18, 20); // 5 → 10 → 20
		assert.equal(limiter.state.limit, 20);
		const permits = ask(limiter, 20);
		await settled();
		for (const permit of permits) permit.release('overloaded');
		assert.equal(limiter.state.limit, 14, 'twenty overloads of requests sent under one limit: one cut');
		assert.equal(limiter.state.slowStart, false);
		await runBusy(limiter, clock, 14, 20);
		assert.equal(limiter.state.limit, 15, 'after the first cut: one more per window of answers');
		const next = await limiter.acquire(50);
		next.release('overloaded');
		assert.equal(limiter.state.limit, 15 * 0.7);
		for (let cut = 0; cut < 20; cut++) (await limiter.acquire(50)).release('overloaded');
		assert.equal(limiter.state.limit, 1, 'never below 1');
	});

	test('rising latency shrinks the limit (×0.9 per window); a vendor that stays slower is accepted again as the baseline drifts', async () => {
		const { clock, read } = fakeClock();
		const limiter = new ConcurrencyLimiter({}, read);
		await runBusy(limiter, clock, 18, 20); // slow start to 20 at 20 ms
		const before = limiter.state.limit;
		await runBusy(limiter, clock, 20, 100);
		assert.ok(limiter.state.limit < before, `100 ms after 20 ms shrinks it (${before} → ${limiter.state.limit})`);
		const shrunk = limiter.state.limit;
		await runBusy(limiter, clock, 2000, 100);
		assert.ok(limiter.state.limit > shrunk, `after the baseline has moved to 100 ms it grows again (${shrunk} → ${limiter.state.limit})`);
		assert.ok(limiter.state.baselineMs! > 60 && limiter.state.baselineMs! <= 100, String(limiter.state.baselineMs));
	});

	test('a latency rise while this process\'s event loop is saturated is our own queue: no cut, the baseline stays, the limit grows to the cap; the same rise with an idle loop cuts', async () => {
		const run = async (busy: number) => {
			const { clock, read } = fakeClock();
			let readings = 0;
			const limiter = new ConcurrencyLimiter({}, read, undefined, {}, () => {
				readings++;
				return busy;
			});
			await runBusy(limiter, clock, 18, 20); // slow start 5 → 10 → 20 at 20 ms (the baseline)
			const before = limiter.state.limit;
			await runBusy(limiter, clock, 20, 100); // five times slower: what a saturated n8n process measures
			const firstSlowWindow = limiter.state.limit;
			await runBusy(limiter, clock, 400, 100);
			return { before, firstSlowWindow, after: limiter.state.limit, baseline: limiter.state.baselineMs, readings };
		};
		const saturated = await run(0.97);
		assert.equal(saturated.before, 20);
		assert.ok(saturated.firstSlowWindow >= 20, `no cut (${saturated.firstSlowWindow})`);
		assert.equal(saturated.after, 50, 'grown to the callers\' Max Concurrency, as for clean answers');
		assert.equal(saturated.baseline, 20, 'the baseline is still the vendor\'s 20 ms');
		assert.ok(saturated.readings >= 10, `the loop is read once per window (${saturated.readings} readings)`);
		const idle = await run(0.5);
		assert.ok(idle.firstSlowWindow < idle.before, `with the loop half idle the rise is the vendor's: cut (${idle.before} → ${idle.firstSlowWindow})`);
	});

	test('a few milliseconds of jitter on a fast vendor is no rise (the slack)', async () => {
		const { clock, read } = fakeClock();
		const limiter = new ConcurrencyLimiter({}, read);
		await runBusy(limiter, clock, 8, 1);
		await runBusy(limiter, clock, 10, 9);
		assert.equal(limiter.state.limit, 20);
	});

	test('idle for 5 minutes, it starts afresh from the initial limit', async () => {
		const { clock, read } = fakeClock();
		const limiter = new ConcurrencyLimiter({}, read);
		await runBusy(limiter, clock, 18, 20);
		assert.equal(limiter.state.limit, 20);
		clock.now += DEFAULT_LIMITER_SETTINGS.idleResetMs - 1;
		(await limiter.acquire()).release('failed');
		assert.equal(limiter.state.limit, 20, 'not yet');
		clock.now += DEFAULT_LIMITER_SETTINGS.idleResetMs;
		(await limiter.acquire()).release('failed');
		assert.deepEqual([limiter.state.limit, limiter.state.slowStart, limiter.state.baselineMs], [5, true, undefined]);
	});
});

/**
 * A vendor that refuses (429, Retry-After 0) any request arriving while `capacity` are open, and
 * answers the others after `latencyMs`; `workers` items at a time, each retried until answered. A
 * discrete-event simulation on the fake clock: the same run every time.
 */
async function simulate(options: { items: number; capacity: number; latencyMs: number; workers: number; cap: number }) {
	const { clock, read } = fakeClock();
	const limiter = new ConcurrencyLimiter({}, read);
	const events: Array<{ at: number; seq: number; done: () => void }> = [];
	let seq = 0;
	let open = 0;
	let peakOpen = 0;
	let refused = 0;
	let answered = 0;
	let next = 0;
	const limits: number[] = [];
	const after = async (ms: number) => await new Promise<void>((done) => events.push({ at: clock.now + ms, seq: seq++, done }));
	const worker = async () => {
		while (next < options.items) {
			next++;
			for (;;) {
				const permit = await limiter.acquire(options.cap);
				if (open >= options.capacity) {
					refused++;
					await after(0);
					permit.release('overloaded');
					continue;
				}
				open++;
				peakOpen = Math.max(peakOpen, open);
				await after(options.latencyMs);
				open--;
				answered++;
				permit.release('answered');
				limits.push(limiter.state.limit);
				break;
			}
		}
	};
	const all = Promise.all(Array.from({ length: options.workers }, worker));
	let finished = false;
	void all.then(() => (finished = true));
	while (!finished) {
		await settled();
		events.sort((a, b) => a.at - b.at || a.seq - b.seq);
		const event = events.shift();
		if (!event) continue;
		clock.now = event.at;
		event.done();
	}
	return { refused, answered, peakOpen, limits, limiter };
}

describe('ConcurrencyLimiter against a vendor that refuses more than 8 open at once (simulated, deterministic)', () => {
	test('1,000 items, 50 workers, Max Concurrency 50: every item answered, 429s on at most 1 in 15 requests, the limit settles around 8', async () => {
		const result = await simulate({ items: 1000, capacity: 8, latencyMs: 20, workers: 50, cap: 50 });
		assert.equal(result.answered, 1000);
		assert.ok(result.refused <= 1000 / 15, `${result.refused} refused`);
		const late = result.limits.slice(500);
		assert.ok(Math.min(...late) >= 5 && Math.max(...late) < 11, `the limit after the first 500 answers: ${Math.min(...late)}..${Math.max(...late)}`);
	});

	test('Max Concurrency 4 below the vendor\'s capacity: never more than 4 open, no 429', async () => {
		const result = await simulate({ items: 300, capacity: 8, latencyMs: 20, workers: 50, cap: 4 });
		assert.deepEqual([result.answered, result.refused, result.peakOpen], [300, 0, 4]);
	});
});

describe('Concurrency setting and limiter key', () => {
	const run = (typeVersion: number, options: Record<string, unknown>) =>
		({
			getInputData: () => [],
			getNode: () => ({ typeVersion }),
			getNodeParameter: (name: string, _index: number, fallback: unknown) => (name === 'options' ? options : fallback),
		}) as unknown as IExecuteFunctions;

	test('version 1 without a setting: Fixed 5; version 1.1: Automatic, Max 50; a number set means Fixed in every version', () => {
		assert.deepEqual(concurrencySetting(run(1, {})), { mode: 'fixed', count: 5 });
		assert.deepEqual(concurrencySetting(run(1.1, {})), { mode: 'automatic', max: 50 });
		assert.deepEqual(concurrencySetting(run(1, { concurrency: 10 })), { mode: 'fixed', count: 10 });
		assert.deepEqual(concurrencySetting(run(1.1, { concurrency: 10 })), { mode: 'fixed', count: 10 });
		assert.deepEqual(concurrencySetting(run(1.1, { concurrencyMode: 'fixed' })), { mode: 'fixed', count: 5 });
		assert.deepEqual(concurrencySetting(run(1, { concurrencyMode: 'automatic', maxConcurrency: 20, concurrency: 3 })), { mode: 'automatic', max: 20 });
		assert.equal(concurrencySetting({ getNode: () => ({ typeVersion: 1.1 }) } as never), undefined, 'a trigger or list search: no setting, no limiter');
	});

	test('one key per vendor account: a renewed token keeps it; another secret or base URL gets another', () => {
		const enkash: ICredentialDataDecryptedObject = { baseUrl: 'https://a.example', username: 'u', password: 'p', accessToken: 'one' };
		assert.equal(limiterKey('enkashApi', enkash), limiterKey('enkashApi', { ...enkash, accessToken: 'two', tokenRenewAt: 5 }));
		assert.notEqual(limiterKey('enkashApi', enkash), limiterKey('enkashApi', { ...enkash, password: 'q' }));
		const key: ICredentialDataDecryptedObject = { region: 'eu', apiKey: 'k1' };
		assert.equal(limiterKey('enboarderApi', key), limiterKey('enboarderApi', { ...key, oauthTokenData: { access_token: 'x' } }));
		assert.notEqual(limiterKey('enboarderApi', key), limiterKey('enboarderApi', { ...key, apiKey: 'k2' }));
		assert.ok(!limiterKey('enboarderApi', key).includes('k1'), 'no secret in clear');
	});

	test('the pipeline\'s permit: Automatic takes one per send and returns it however the send ends; Fixed takes none', async () => {
		forgetLimiters();
		const credentials: ICredentialDataDecryptedObject = { region: 'eu', apiKey: 'k1' };
		const limiter = limiterFor(limiterKey('enboarderApi', credentials));
		let open = 0;
		let most = 0;
		const send = async (fail: boolean) => {
			open++;
			most = Math.max(most, open);
			await settled();
			open--;
			// A 500 ('failed'): a 429 would also pace the account with real sleeps (the pacing's own release is tested on a fake clock, concurrencyPacing.test.ts).
			if (fail) throw Object.assign(new Error('refused'), { httpCode: '500' });
			return 'ok';
		};
		const automatic = run(1.1, { maxConcurrency: 3 });
		const outcomes = await Promise.allSettled(Array.from({ length: 200 }, async (_, n) => await withConcurrencyPermit(automatic, 'enboarderApi', credentials, async () => await send(n % 2 === 0))));
		assert.deepEqual([outcomes.filter((o) => o.status === 'fulfilled').length, most, limiter.state.inFlight, limiter.state.waiting], [100, 3, 0, 0]);
		most = 0;
		const fixed = run(1.1, { concurrency: 3 });
		await Promise.all(Array.from({ length: 10 }, async () => await withConcurrencyPermit(fixed, 'enboarderApi', credentials, async () => await send(false))));
		assert.equal(most, 10, 'Fixed: the item runner alone decides (here 10 sends at once)');
	});

	test('how a request ended, as the limiter reads it', () => {
		const answered = (status: number) => ({ httpCode: String(status), response: { status } });
		assert.equal(limiterOutcome(answered(429)), 'overloaded');
		assert.equal(limiterOutcome(answered(503)), 'overloaded');
		assert.equal(limiterOutcome({ code: 'ECONNABORTED', message: 'timeout of 1000ms exceeded' }), 'overloaded');
		assert.equal(limiterOutcome(answered(404)), 'answered');
		assert.equal(limiterOutcome(answered(500)), 'failed');
		assert.equal(limiterOutcome({ code: 'ECONNRESET' }), 'failed');
	});
});
