/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { retryAllowance, withRetries, type RetryAllowance } from '../../shared/transport/retry';

// A create and the look-ups sent between its tries share one allowance: each failure worth retrying
// takes one, an answer takes none, so the two retry counts add up instead of multiplying.

const lost = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const unavailable = () => ({ response: { status: 503, headers: { 'retry-after': '0' } } });
const quick = { wait: async () => {}, random: () => 0.5 };

/** A create whose every answer is lost, with a look-up that runs `lookUp` under the create's allowance. */
async function createAlwaysLost(maxAttempts: number, lookUp: (allowance: RetryAllowance) => Promise<unknown>) {
	const log: string[] = [];
	const allowance = retryAllowance(maxAttempts);
	await assert.rejects(
		withRetries(
			async () => {
				log.push('send');
				throw lost();
			},
			{ ...quick, allowance, beforeResendAfterAmbiguous: async () => await lookUp(allowance) },
		),
		/socket hang up/,
	);
	return { log, allowance };
}

describe('one retry allowance for a create and its look-ups', () => {
	test('look-ups that answer cost nothing: N sends, N − 1 look-ups', async () => {
		const lookUps: string[] = [];
		const { log } = await createAlwaysLost(4, async () => void lookUps.push('look-up'));
		assert.deepEqual([log.length, lookUps.length], [4, 3]);
	});

	test('a look-up that fails spends the same allowance: N requests in all', async () => {
		let lookUpTries = 0;
		const { log, allowance } = await createAlwaysLost(4, async (shared) =>
			await withRetries(
				async () => {
					lookUpTries++;
					throw unavailable();
				},
				{ ...quick, allowance: shared, policy: { maxAttempts: 10 } },
			),
		);
		// One send (1), then look-up tries until the shared allowance of 4 is spent (2, 3, 4).
		assert.deepEqual([log.length, lookUpTries, allowance.failures], [1, 3, 4]);
	});

	test('without a shared allowance each request counts its own, as before', async () => {
		let tries = 0;
		await assert.rejects(
			withRetries(
				async () => {
					tries++;
					throw unavailable();
				},
				{ ...quick, policy: { maxAttempts: 3 } },
			),
		);
		assert.equal(tries, 3);
	});
});
