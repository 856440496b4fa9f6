/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * A scripted chat model for n8n's AI Agent in the real-n8n tests: the sandbox model's wire format
 * (OpenAI Chat Completions, `sandbox/model.ts`) on a loopback port of its own, answering from the
 * test's script and recording every request as received, so a test reads what reached the model
 * (the tool results, the errors, that no secret did). No real model, no network beyond 127.0.0.1.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { completion, type ChatRequest, type ModelReply } from '../../sandbox';
import { readBody, writeReply } from '../../sandbox/http';

export { toolResults } from '../../sandbox';
export type { ChatRequest } from '../../sandbox';
export type Reply = ModelReply;

/** Decides the reply to each request; `turn` counts the requests from 0. */
export type Script = (request: ChatRequest, turn: number) => Reply;

export interface OpenAiStub {
	/** The base URL to give n8n's OpenAI credential (`…/v1`). */
	url: string;
	/** Every chat request, parsed, in order. */
	requests: ChatRequest[];
	/** Every request body exactly as received (for the secret audit). */
	rawBodies: string[];
	/** Requests to any other route (method and path), which n8n should not need. */
	otherRoutes: string[];
	stop(): Promise<void>;
}

export async function startOpenAiStub(script: Script): Promise<OpenAiStub> {
	const requests: ChatRequest[] = [];
	const rawBodies: string[] = [];
	const otherRoutes: string[] = [];
	const server = createServer((req, res) => {
		void (async () => {
			const body = (await readBody(req)).toString('utf8');
			rawBodies.push(body);
			const path = (req.url ?? '').split('?')[0];
			if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
				otherRoutes.push(`${req.method} ${path}`);
				writeReply(res, { status: 404, body: { error: { message: `the stub does not serve ${req.method} ${path}`, type: 'invalid_request_error' } } });
				return;
			}
			const request = JSON.parse(body) as ChatRequest;
			const turn = requests.push(request) - 1;
			writeReply(res, completion(request, script(request, turn), turn));
		})().catch((error: unknown) => writeReply(res, { status: 500, body: { error: { message: error instanceof Error ? error.message : String(error), type: 'stub_error' } } }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		rawBodies,
		otherRoutes,
		stop: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
