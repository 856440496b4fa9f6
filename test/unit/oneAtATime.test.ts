/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { oneAtATime, pendingKeys } from '../../shared/oneAtATime';

const tick = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('oneAtATime', () => {
	test('tasks with one key run one after the other, in order; other keys run alongside', async () => {
		const log: string[] = [];
		const task = (name: string, ms: number) => async () => {
			log.push(`start ${name}`);
			await tick(ms);
			log.push(`end ${name}`);
			return name;
		};
		const results = await Promise.all([oneAtATime('a', task('a1', 30)), oneAtATime('a', task('a2', 1)), oneAtATime('b', task('b1', 5))]);
		assert.deepEqual(results, ['a1', 'a2', 'b1']);
		assert.ok(log.indexOf('end a1') < log.indexOf('start a2'), log.join(', '));
		assert.ok(log.indexOf('start b1') < log.indexOf('end a1'), 'b does not wait for a');
		assert.equal(pendingKeys(), 0, 'nothing left behind');
	});

	test('a failed task does not block the next one with the same key, and its error reaches its caller', async () => {
		const first = oneAtATime('k', async () => {
			throw new Error('boom');
		});
		const second = oneAtATime('k', async () => 'ran');
		await assert.rejects(first, /boom/);
		assert.equal(await second, 'ran');
		assert.equal(pendingKeys(), 0);
	});
});
