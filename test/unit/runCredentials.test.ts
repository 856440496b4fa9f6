/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { runCredentials } from '../../shared/transport/runCredentials';

/** A stand-in for a node run's context: only `getCredentials`, counting how often n8n would load and decrypt. */
function runContext(answers: Array<ICredentialDataDecryptedObject | Error>) {
	const calls: string[] = [];
	const context = {
		async getCredentials(type: string) {
			calls.push(type);
			const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
			if (answer instanceof Error) throw answer;
			return answer;
		},
	} as unknown as IExecuteFunctions;
	return { context, calls };
}

describe('runCredentials: one credential read per node run', () => {
	test('1,000 concurrent requests of one run read the credential once', async () => {
		const { context, calls } = runContext([{ apiKey: 'k' }]);
		const reads = await Promise.all(Array.from({ length: 1000 }, async () => await runCredentials(context, 'enboarderApi')));
		assert.equal(calls.length, 1);
		assert.ok(reads.every((read) => read.apiKey === 'k'));
	});

	test('each run, and each credential type, reads on its own', async () => {
		const first = runContext([{ apiKey: 'a' }]);
		const second = runContext([{ apiKey: 'b' }]);
		assert.equal((await runCredentials(first.context, 'enboarderApi')).apiKey, 'a');
		assert.equal((await runCredentials(second.context, 'enboarderApi')).apiKey, 'b');
		await runCredentials(first.context, 'enkashApi');
		assert.deepEqual(first.calls, ['enboarderApi', 'enkashApi']);
		assert.deepEqual(second.calls, ['enboarderApi']);
	});

	test('a failed read is not remembered: the next request asks again', async () => {
		const { context, calls } = runContext([new Error('database busy'), { apiKey: 'k' }]);
		await assert.rejects(runCredentials(context, 'enboarderApi'), /database busy/);
		assert.equal((await runCredentials(context, 'enboarderApi')).apiKey, 'k');
		assert.equal(calls.length, 2);
	});
});
