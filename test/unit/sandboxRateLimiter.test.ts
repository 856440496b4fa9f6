/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { RateLimiter } from '../../sandbox/faults';

function limiterAt(start = 1_000_000) {
	const clock = { now: start };
	return { clock, limiter: new RateLimiter(() => clock.now) };
}

describe('sandbox rate limit', () => {
	test('fixed window: `limit` in the window, then Retry-After the seconds left; a new window starts afresh', () => {
		const { clock, limiter } = limiterAt();
		limiter.set({ limit: 2, windowMs: 1000 });
		assert.deepEqual([limiter.check('enkash'), limiter.check('enkash'), limiter.check('enkash')], [undefined, undefined, 1]);
		clock.now += 1000;
		assert.equal(limiter.check('enkash'), undefined);
	});

	test('token bucket: starts full with `burst`, then lets through `limit` per window, evenly', () => {
		const { clock, limiter } = limiterAt();
		limiter.set({ vendor: 'enkash', limit: 100, windowMs: 1000, burst: 5 });
		const burst = Array.from({ length: 6 }, () => limiter.check('enkash'));
		assert.deepEqual(burst, [undefined, undefined, undefined, undefined, undefined, 1], 'five at once, the sixth refused with Retry-After 1');
		assert.equal(limiter.check('enboarder'), undefined, 'another vendor is not limited');
		clock.now += 10;
		assert.equal(limiter.check('enkash'), undefined, 'one token every 10 ms');
		assert.equal(limiter.check('enkash'), 1);
		// A steady 100 per second for 10 s: one request every 10 ms all pass, a second one in the same 10 ms does not.
		let passed = 0;
		let refused = 0;
		for (let tick = 0; tick < 1000; tick++) {
			clock.now += 10;
			for (let request = 0; request < 2; request++) {
				if (limiter.check('enkash') === undefined) passed++;
				else refused++;
			}
		}
		assert.deepEqual([passed, refused], [1000, 1000]);
		// Idle for a long time: the bucket holds no more than `burst`.
		clock.now += 60_000;
		assert.equal(Array.from({ length: 6 }, () => limiter.check('enkash')).filter((answer) => answer === undefined).length, 5);
	});

	test('token bucket: a given Retry-After is sent as is; a burst must be positive', () => {
		const { limiter } = limiterAt();
		limiter.set({ limit: 1, windowMs: 60_000, burst: 1, retryAfterSeconds: 7 });
		assert.deepEqual([limiter.check('partner'), limiter.check('partner')], [undefined, 7]);
		assert.throws(() => limiter.set({ limit: 1, windowMs: 1000, burst: 0 }), /burst must be > 0/);
	});

	test('token bucket: Retry-After is the seconds until the next token, at least 1', () => {
		const { limiter } = limiterAt();
		limiter.set({ limit: 1, windowMs: 5000, burst: 1 });
		assert.deepEqual([limiter.check('enkash'), limiter.check('enkash')], [undefined, 5]);
	});
});
