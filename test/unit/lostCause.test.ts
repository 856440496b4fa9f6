/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * What our request pipeline reads from a failed request when the NodeApiError has lost the HTTP
 * client's error, as on n8n 1.123 and 2.8 (their n8n-workflow's ExecutionBaseError re-declares
 * `cause` as a class field, so the AxiosError it wraps is gone): only `httpCode`, `context.data`
 * (a JSON object body) and `messages` remain. Each failure is a real axios exchange wrapped the way
 * httpRequestWithAuthentication wraps it; the cause is then removed as those releases remove it.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import axios from 'axios';
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { ENKASH_TOKEN_REFUSAL } from '../../nodes/Enkash/transport/errorResponse';
import { errorBody } from '../../shared/transport/errorBody';
import { isTimeout } from '../../shared/transport/responseChecks';
import { classifyFailure, retryAfterMs } from '../../shared/transport/retry';

const node: INode = { id: 'lost-cause', name: 'Enkash', type: 'n8n-nodes-token-connectors.enkash', typeVersion: 1, position: [0, 0], parameters: {} };

type Answer = { status: number; headers?: Record<string, string>; body: unknown } | 'silent';
let answer: Answer = 'silent';
let server: http.Server;
let baseUrl = '';

before(async () => {
	server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			if (answer === 'silent') return;
			res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
			res.end(JSON.stringify(answer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
	server.closeAllConnections();
	server.close();
});

const client = axios.create({ httpAgent: new http.Agent({ keepAlive: false }), timeout: 100 });

/** The NodeApiError n8n hands the node for `given`: with the axios error (newest n8n) or without it (1.123, 2.8). */
async function failure(given: Answer, keepsCause: boolean): Promise<NodeApiError> {
	answer = given;
	const thrown = await client.get(`${baseUrl}/invoice`).then(
		() => assert.fail('expected the request to fail'),
		(error: unknown) => new NodeApiError(node, error as JsonObject),
	);
	if (!keepsCause) Object.defineProperty(thrown, 'cause', { value: undefined, writable: true, configurable: true });
	return thrown;
}

const NOT_FOUND = { errorResponse: { errorType: 'RECORD_NOT_FOUND', errorMessage: 'Customer KC1 not found', requestId: 'r-1', apiSubErrors: [] }, payload: null };
const REFUSED = { errorResponse: { errorType: 'UNAUTHORIZED', errorMessage: 'Access token expired', requestId: 'r-2', apiSubErrors: [] }, payload: null };

for (const keepsCause of [true, false]) {
	describe(keepsCause ? 'a NodeApiError that keeps its cause (newest n8n)' : 'a NodeApiError that lost its cause (n8n 1.123, 2.8)', () => {
		test("the vendor's error body, and its status", async () => {
			const error = await failure({ status: 404, body: NOT_FOUND }, keepsCause);
			assert.equal(error.cause === undefined, !keepsCause);
			assert.deepEqual(errorBody(error), NOT_FOUND);
			assert.equal(error.httpCode, '404');
			assert.equal(classifyFailure(error), 'final');
		});

		test('a token refusal said in the body of a 400 is read', async () => {
			const error = await failure({ status: 400, body: REFUSED }, keepsCause);
			assert.equal(ENKASH_TOKEN_REFUSAL.read(errorBody(error))?.reason, 'UNAUTHORIZED: Access token expired');
		});

		test('a body that is not a JSON object is no error body', async () => {
			assert.equal(errorBody(await failure({ status: 500, body: ['a', 'list'] }, keepsCause)), undefined);
			assert.equal(errorBody(await failure({ status: 500, body: 'text' }, keepsCause)), undefined);
		});

		test('a 429 is retried; its Retry-After is known only while the cause is kept', async () => {
			const error = await failure({ status: 429, headers: { 'retry-after': '2' }, body: { message: 'slow down' } }, keepsCause);
			assert.equal(classifyFailure(error), 'rate-limited');
			// Nothing else in n8n's error carries the response's headers: the retry waits our own backoff.
			assert.equal(retryAfterMs(error), keepsCause ? 2000 : undefined);
		});

		test('a request that outlived its timeout is a timeout, and an ambiguous failure', async () => {
			const error = await failure('silent', keepsCause);
			assert.equal(isTimeout(error), true, JSON.stringify({ message: error.message, httpCode: error.httpCode, messages: error.messages }));
			assert.equal(classifyFailure(error), 'ambiguous');
		});
	});
}
