/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';

import axios, { AxiosError, AxiosHeaders } from 'axios';
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import {
	DEFAULT_RETRY_POLICY,
	classifyFailure,
	retryAfterMs,
	withRetries,
	type RetryEvent,
	type RetryOptions,
} from '../../shared/transport/retry';

// Errors are produced the way n8n produces them: a real HTTP exchange through axios, the thrown
// AxiosError wrapped in `new NodeApiError(node, error)` (what httpRequestWithAuthentication does).

type Step =
	| { status: number; headers?: Record<string, string>; body?: unknown }
	| 'reset' // TCP RST after reading the request: "read ECONNRESET"
	| 'hangup' // socket closed without a response: "socket hang up"
	| 'silent'; // never answers: the client times out

const node: INode = {
	id: 'retry-test',
	name: 'Enkash',
	type: 'n8n-nodes-token-connectors.enkash',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

let server: http.Server;
let baseUrl = '';
let steps: Step[] = [];
let hits = 0;

function script(...next: Step[]) {
	steps = next;
	hits = 0;
}

before(async () => {
	server = http.createServer((req, res) => {
		hits++;
		req.resume();
		req.on('end', () => {
			const step = steps.shift() ?? { status: 200, body: { ok: true } };
			if (step === 'reset') req.socket.resetAndDestroy();
			else if (step === 'hangup') req.socket.destroy();
			else if (step !== 'silent') {
				res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
				res.end(JSON.stringify(step.body ?? { status: step.status }));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
	server.closeAllConnections();
	server.close();
});

beforeEach(() => script());

// No keep-alive: every request gets its own connection, so a reset never leaks into the next test.
const client = axios.create({ httpAgent: new http.Agent({ keepAlive: false }), timeout: 150 });

async function send(url = `${baseUrl}/invoices`): Promise<unknown> {
	try {
		const response = await client.post(url, { externalId: 'INV-1' });
		return response.data;
	} catch (error) {
		throw new NodeApiError(node, error as JsonObject);
	}
}

/** One real failure, as n8n would hand it to a node. */
async function failure(step: Step, url?: string): Promise<NodeApiError> {
	script(step);
	const error = await send(url).then(
		() => assert.fail('expected the request to fail'),
		(thrown: unknown) => thrown,
	);
	assert.ok(error instanceof NodeApiError);
	return error;
}

async function deadUrl(): Promise<string> {
	const closed = http.createServer();
	await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
	const { port } = closed.address() as AddressInfo;
	await new Promise<void>((resolve) => closed.close(() => resolve()));
	return `http://127.0.0.1:${port}/invoices`;
}

function recorder(extra: RetryOptions = {}) {
	const waits: number[] = [];
	const events: RetryEvent[] = [];
	const options: RetryOptions = {
		wait: async (ms) => {
			waits.push(ms);
		},
		onRetry: (event) => events.push(event),
		random: () => 0.5, // no jitter
		...extra,
	};
	return { waits, events, options };
}

/** Runs `send` under withRetries and also keeps every error an attempt threw. */
function attempts() {
	const errors: unknown[] = [];
	const numbers: number[] = [];
	const attempt = async (n: number) => {
		numbers.push(n);
		try {
			return await send();
		} catch (error) {
			errors.push(error);
			throw error;
		}
	};
	return { attempt, errors, numbers };
}

describe('what n8n hands us', () => {
	test('an HTTP error: httpCode is the status as a string, cause is the AxiosError with AxiosHeaders', async () => {
		const error = await failure({ status: 429, headers: { 'Retry-After': '1' } });
		assert.equal(error.httpCode, '429');
		assert.ok(error.cause instanceof AxiosError);
		assert.equal(error.cause.response?.status, 429);
		assert.ok(error.cause.response?.headers instanceof AxiosHeaders);
		assert.equal(error.cause.response?.headers['retry-after'], '1');
		assert.equal(classifyFailure(error), 'rate-limited');
		assert.equal(retryAfterMs(error), 1000);
	});

	test('a transport error: httpCode holds the code, not a status', async () => {
		const error = await failure('reset');
		assert.equal(error.httpCode, 'ECONNRESET');
		assert.ok(error.cause instanceof AxiosError);
		assert.equal(error.cause.code, 'ECONNRESET');
		assert.equal(error.cause.response, undefined);
	});
});

describe('classifyFailure', () => {
	test('503 is unavailable', async () => {
		assert.equal(classifyFailure(await failure({ status: 503 })), 'unavailable');
	});

	for (const status of [502, 504]) {
		test(`${status} is ambiguous (a gateway may answer after the origin applied the request)`, async () => {
			assert.equal(classifyFailure(await failure({ status })), 'ambiguous');
		});
	}

	for (const status of [400, 401, 403, 404, 409, 422, 500]) {
		test(`${status} is final`, async () => {
			assert.equal(classifyFailure(await failure({ status })), 'final');
		});
	}

	test('a connection reset after the request was read is ambiguous', async () => {
		assert.equal(classifyFailure(await failure('reset')), 'ambiguous');
		assert.equal(hits, 1, 'the server did receive the request');
	});

	test('a socket hang-up is ambiguous', async () => {
		const error = await failure('hangup');
		assert.match(String((error.cause as Error).message), /socket hang up/);
		assert.equal(classifyFailure(error), 'ambiguous');
		// Also when only the message says so (no code anywhere).
		assert.equal(classifyFailure(new NodeApiError(node, new Error('socket hang up') as unknown as JsonObject)), 'ambiguous');
	});

	test('a client timeout is ambiguous', async () => {
		const error = await failure('silent');
		assert.ok(['ECONNABORTED', 'ETIMEDOUT'].includes(String((error.cause as AxiosError).code)));
		assert.equal(classifyFailure(error), 'ambiguous');
	});

	test('connection refused is unavailable (the request never left)', async () => {
		const error = await failure({ status: 200 }, await deadUrl());
		assert.equal((error.cause as AxiosError).code, 'ECONNREFUSED');
		assert.equal(classifyFailure(error), 'unavailable');
	});

	test('codes nested a few causes deep are found; unknown things are final', () => {
		const socket = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
		const wrapped = new Error('fetch failed', { cause: new Error('request failed', { cause: socket }) });
		assert.equal(classifyFailure(wrapped), 'ambiguous');
		assert.equal(classifyFailure(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' })), 'ambiguous');
		assert.equal(classifyFailure(new Error('boom')), 'final');
		assert.equal(classifyFailure('boom'), 'final');
		assert.equal(classifyFailure(undefined), 'final');
		const cyclic: { cause?: unknown } = {};
		cyclic.cause = cyclic;
		assert.equal(classifyFailure(cyclic), 'final');
	});
});

describe('retryAfterMs', () => {
	test('HTTP-date form, from a real response', async () => {
		const now = Math.floor(Date.now() / 1000) * 1000; // HTTP-dates have whole seconds
		const error = await failure({ status: 503, headers: { 'Retry-After': new Date(now + 7000).toUTCString() } });
		assert.equal(retryAfterMs(error, now), 7000);
		assert.equal(retryAfterMs(error, now + 10_000), 0, 'a date in the past means now');
	});

	test('absent or unparsable is undefined', async () => {
		assert.equal(retryAfterMs(await failure({ status: 503 })), undefined);
		assert.equal(retryAfterMs(await failure({ status: 503, headers: { 'Retry-After': 'soon-ish' } })), undefined);
		assert.equal(retryAfterMs(await failure({ status: 503, headers: { 'Retry-After': '1.5' } })), undefined);
		assert.equal(retryAfterMs(new Error('no response')), undefined);
	});

	test('plain-object headers in any casing, arrays, and a get() without the value', () => {
		// NodeApiError over a plain object keeps it in `errorResponse` (no `cause`).
		const plain = new NodeApiError(node, { response: { status: 429, headers: { 'RETRY-AFTER': '3' } } } as unknown as JsonObject);
		assert.equal(plain.cause, undefined);
		assert.equal(plain.httpCode, '429');
		assert.equal(classifyFailure(plain), 'rate-limited');
		assert.equal(retryAfterMs(plain), 3000);
		assert.equal(retryAfterMs({ response: { headers: { 'retry-after': ['2', '9'] } } }), 2000);
		const getOnly = { response: { headers: { get: (name: string) => (name === 'retry-after' ? '4' : undefined) } } };
		assert.equal(retryAfterMs(getOnly), 4000);
	});
});

describe('withRetries', () => {
	test('the defaults are the documented ones', () => {
		assert.deepEqual({ ...DEFAULT_RETRY_POLICY }, { maxAttempts: 4, maxWaitMs: 30_000, baseDelayMs: 500 });
	});

	test('success on the first try: one request, no wait', async () => {
		const { waits, options } = recorder();
		const run = attempts();
		assert.deepEqual(await withRetries(run.attempt, options), { ok: true });
		assert.deepEqual(run.numbers, [1]);
		assert.deepEqual(waits, []);
		assert.equal(hits, 1);
	});

	test('429 with Retry-After: 1, then success: one retry after exactly 1000 ms', async () => {
		const { waits, events, options } = recorder();
		const run = attempts();
		script({ status: 429, headers: { 'Retry-After': '1' } }, { status: 201, body: { id: 7 } });
		assert.deepEqual(await withRetries(run.attempt, options), { id: 7 });
		assert.deepEqual(waits, [1000]);
		assert.deepEqual(events, [{ attempt: 1, kind: 'rate-limited', waitMs: 1000 }]);
		assert.equal(hits, 2);
	});

	test('Retry-After is honoured even when backoff would be shorter, and on a 503', async () => {
		const { waits, options } = recorder({ policy: { baseDelayMs: 10 } });
		script({ status: 503, headers: { 'Retry-After': '2' } });
		await withRetries(attempts().attempt, options);
		assert.deepEqual(waits, [2000]);
	});

	test('Retry-After as an HTTP-date is honoured', async () => {
		const { waits, options } = recorder();
		script({ status: 429, headers: { 'Retry-After': new Date(Date.now() + 3000).toUTCString() } });
		await withRetries(attempts().attempt, options);
		assert.equal(waits.length, 1);
		assert.ok(waits[0] > 1000 && waits[0] <= 3000, `waited ${waits[0]} ms`);
	});

	test('503 three times, then success: backoff doubles from baseDelayMs', async () => {
		const { waits, events, options } = recorder();
		const run = attempts();
		script({ status: 503 }, { status: 503 }, { status: 503 }, { status: 200, body: 'done' });
		assert.equal(await withRetries(run.attempt, options), 'done');
		assert.deepEqual(run.numbers, [1, 2, 3, 4]);
		assert.deepEqual(waits, [500, 1000, 2000]);
		assert.deepEqual(
			events.map((event) => event.kind),
			['unavailable', 'unavailable', 'unavailable'],
		);
	});

	test('jitter stays within ±25 %', async () => {
		for (const [random, expected] of [
			[0, [375, 750]],
			[0.999_999, [625, 1250]],
		] as const) {
			const { waits, options } = recorder({ random: () => random });
			script({ status: 503 }, { status: 503 });
			await withRetries(attempts().attempt, options);
			assert.deepEqual(waits, expected);
		}
	});

	test('backoff is capped at maxWaitMs', async () => {
		const { waits, options } = recorder({ policy: { maxAttempts: 5, baseDelayMs: 500, maxWaitMs: 1200 } });
		script({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
		await withRetries(attempts().attempt, options);
		assert.deepEqual(waits, [500, 1000, 1200, 1200]);
	});

	test('a Retry-After longer than maxWaitMs gives up at once with that error', async () => {
		const { waits, options } = recorder();
		const run = attempts();
		script({ status: 429, headers: { 'Retry-After': '120' } });
		await assert.rejects(withRetries(run.attempt, options), (error) => error === run.errors[0]);
		assert.equal((run.errors[0] as NodeApiError).httpCode, '429');
		assert.deepEqual(waits, []);
		assert.equal(hits, 1);
	});

	test('attempts exhausted: throws the last NodeApiError unchanged, never more than maxAttempts', async () => {
		const { waits, options } = recorder();
		const run = attempts();
		script({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 200 });
		await assert.rejects(withRetries(run.attempt, options), (error) => error === run.errors[3]);
		assert.equal(run.errors.length, 4);
		assert.notEqual(run.errors[3], run.errors[2]);
		assert.ok(run.errors[3] instanceof NodeApiError);
		assert.equal(run.errors[3].httpCode, '503');
		assert.deepEqual(waits, [500, 1000, 2000]);
		assert.equal(hits, 4);
	});

	test('maxAttempts: 1 means no retry', async () => {
		const { waits, options } = recorder({ policy: { maxAttempts: 1 } });
		script({ status: 503 });
		await assert.rejects(withRetries(attempts().attempt, options), NodeApiError);
		assert.deepEqual(waits, []);
		assert.equal(hits, 1);
	});

	for (const status of [400, 401, 404, 422, 500]) {
		test(`${status} is not retried and comes back as the same object`, async () => {
			const { waits, options } = recorder();
			const run = attempts();
			script({ status });
			await assert.rejects(withRetries(run.attempt, options), (error) => error === run.errors[0]);
			assert.equal((run.errors[0] as NodeApiError).httpCode, String(status));
			assert.deepEqual(waits, []);
			assert.equal(hits, 1);
		});
	}

	test('connection reset: not resent by default (it may have been applied)', async () => {
		const { waits, options } = recorder();
		const run = attempts();
		script('reset', { status: 201 });
		await assert.rejects(withRetries(run.attempt, options), (error) => error === run.errors[0]);
		assert.equal(classifyFailure(run.errors[0]), 'ambiguous');
		assert.deepEqual(waits, []);
		assert.equal(hits, 1);
	});

	test('connection reset with resendAmbiguous: resent after backoff', async () => {
		const { waits, events, options } = recorder({ resendAmbiguous: true });
		script('reset', { status: 201, body: { id: 1 } });
		assert.deepEqual(await withRetries(attempts().attempt, options), { id: 1 });
		assert.deepEqual(events, [{ attempt: 1, kind: 'ambiguous', waitMs: 500 }]);
		assert.deepEqual(waits, [500]);
		assert.equal(hits, 2);
	});

	test('connection reset with a lookup that finds the record: returned, not resent', async () => {
		const log: string[] = [];
		const { options } = recorder({
			wait: async (ms) => void log.push(`wait ${ms}`),
			beforeResendAfterAmbiguous: async () => {
				log.push('lookup');
				return { id: 42, externalId: 'INV-1' };
			},
		});
		script('reset', { status: 201, body: { id: 43 } });
		assert.deepEqual(await withRetries(attempts().attempt, options), { id: 42, externalId: 'INV-1' });
		assert.deepEqual(log, ['wait 500', 'lookup']);
		assert.equal(hits, 1);
	});

	test('connection reset with a lookup that finds nothing: resent', async () => {
		let lookups = 0;
		const { options } = recorder({
			beforeResendAfterAmbiguous: async () => {
				lookups++;
				return undefined;
			},
		});
		script('reset', { status: 201, body: { id: 43 } });
		assert.deepEqual(await withRetries(attempts().attempt, options), { id: 43 });
		assert.equal(lookups, 1);
		assert.equal(hits, 2);
	});

	test('a failing lookup stops without resending and throws the request error', async () => {
		const run = attempts();
		const { options } = recorder({
			beforeResendAfterAmbiguous: async () => {
				throw new Error('lookup failed');
			},
		});
		script('reset', { status: 201 });
		await assert.rejects(withRetries(run.attempt, options), (error) => error === run.errors[0]);
		assert.equal(hits, 1);
	});

	test('the lookup is not consulted for rate limits', async () => {
		let lookups = 0;
		const { options } = recorder({ beforeResendAfterAmbiguous: async () => ++lookups });
		script({ status: 429, headers: { 'Retry-After': '0' } }, { status: 200, body: 'sent' });
		assert.equal(await withRetries(attempts().attempt, options), 'sent');
		assert.equal(lookups, 0);
	});

	test('connection refused is retried', async () => {
		const dead = await deadUrl();
		const { events, options } = recorder();
		const urls: string[] = [];
		const result = await withRetries(async (n) => {
			const url = n === 1 ? dead : `${baseUrl}/invoices`;
			urls.push(url);
			return await send(url);
		}, options);
		assert.deepEqual(result, { ok: true });
		assert.deepEqual(events, [{ attempt: 1, kind: 'unavailable', waitMs: 500 }]);
		assert.equal(urls.length, 2);
	});

	test('without a wait option it really sleeps (n8n-workflow sleep)', async () => {
		script({ status: 503 }, { status: 200, body: 'late' });
		const started = performance.now();
		assert.equal(await withRetries(attempts().attempt, { policy: { baseDelayMs: 40 }, random: () => 0.5 }), 'late');
		assert.ok(performance.now() - started >= 35);
	});
});
