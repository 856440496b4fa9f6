/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IHttpRequestHelper } from 'n8n-workflow';

import { requestToken, TokenRequestError } from '../../shared/token';

// Token requests retry through the shared engine (shared/transport/retry.ts): the same Retry-After
// reading (seconds or an HTTP date), the same backoff with jitter, both made deterministic here.

type Answer = { statusCode: number; headers?: Record<string, string>; body?: unknown } | { code: string };

function endpoint(...answers: Answer[]) {
	let calls = 0;
	const helpers = {
		httpRequest: async () => {
			const answer = answers[Math.min(calls++, answers.length - 1)];
			if ('code' in answer) throw Object.assign(new Error(`connect ${answer.code}`), { code: answer.code, config: { headers: { Authorization: 'Basic c2VjcmV0' } } });
			return { body: {}, headers: {}, ...answer };
		},
	} as unknown as IHttpRequestHelper['helpers'];
	return { helpers, calls: () => calls };
}

const waits: number[] = [];
const request = { vendor: 'Acme', url: 'https://auth.example.com/token', form: { grant_type: 'client_credentials' }, wait: async (ms: number) => void waits.push(ms), random: () => 0.5 };
const TOKEN = { statusCode: 200, body: { access_token: 'token-1', expires_in: 300 } };

describe('requestToken retries through the shared engine', () => {
	test('503 with Retry-After in seconds, then a token: waits exactly that long', async () => {
		waits.length = 0;
		const server = endpoint({ statusCode: 503, headers: { 'retry-after': '2' } }, TOKEN);
		assert.equal((await requestToken(server.helpers, request)).accessToken, 'token-1');
		assert.deepEqual([server.calls(), waits], [2, [2000]]);
	});

	test('429 with Retry-After as an HTTP date: honoured (the old loop fell back to backoff)', async () => {
		waits.length = 0;
		const at = new Date(Date.now() + 5000).toUTCString();
		const server = endpoint({ statusCode: 429, headers: { 'Retry-After': at } }, TOKEN);
		assert.equal((await requestToken(server.helpers, request)).accessToken, 'token-1');
		assert.equal(waits.length, 1);
		assert.ok(waits[0] > 3000 && waits[0] <= 5000, `waited ${waits[0]} ms`);
	});

	test('without Retry-After: backoff doubling from 500 ms, jitter from the injected source; three attempts in all', async () => {
		for (const [random, expected] of [
			[0.5, [500, 1000]],
			[0, [375, 750]],
		] as const) {
			waits.length = 0;
			const server = endpoint({ statusCode: 503 });
			await assert.rejects(requestToken(server.helpers, { ...request, random: () => random }), (error: TokenRequestError) => error.httpStatus === 503 && !error.rejected);
			assert.deepEqual([server.calls(), waits], [3, expected]);
		}
	});

	test('a Retry-After beyond 10 s is not waited for', async () => {
		waits.length = 0;
		const server = endpoint({ statusCode: 429, headers: { 'retry-after': '60' } }, TOKEN);
		await assert.rejects(requestToken(server.helpers, request), /busy or unavailable \(HTTP 429/);
		assert.deepEqual([server.calls(), waits], [1, []]);
	});

	test('connection refused is asked again; a reset (the login may have been applied) is not; neither error carries the request', async () => {
		waits.length = 0;
		const refused = endpoint({ code: 'ECONNREFUSED' }, TOKEN);
		assert.equal((await requestToken(refused.helpers, request)).accessToken, 'token-1');
		assert.equal(refused.calls(), 2);

		const reset = endpoint({ code: 'ECONNRESET' }, TOKEN);
		await assert.rejects(requestToken(reset.helpers, request), (error: Error) => {
			assert.equal(error.message, 'Could not reach the Acme token endpoint (ECONNRESET)');
			assert.ok(!JSON.stringify({ ...error }).includes('c2VjcmV0'));
			return true;
		});
		assert.equal(reset.calls(), 1);
	});

	test('a refusal (401) is final at once', async () => {
		waits.length = 0;
		const server = endpoint({ statusCode: 401, body: { error: 'invalid_client' } }, TOKEN);
		await assert.rejects(requestToken(server.helpers, request), /Acme refused the token request \(HTTP 401: invalid_client\)/);
		assert.deepEqual([server.calls(), waits], [1, []]);
	});
});
