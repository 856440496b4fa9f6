/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * A loopback stand-in for an OpenAI-compatible chat model, for n8n's AI Agent in the real-n8n tests:
 * `POST /v1/chat/completions` answers from a script (tool calls, then a final answer) and every
 * request is recorded as received, so a test can read what reached the model (the tool results, the
 * errors, that no secret did). No real model, no network beyond 127.0.0.1.
 *
 * Speaks the Chat Completions API (n8n's OpenAI Chat Model node with "Use Responses API" off): a
 * JSON answer, or server-sent chunks when the request asks to stream.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: ChatToolCall[];
	tool_call_id?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: { type?: string; properties?: Record<string, { type?: string; description?: string }>; required?: string[] } };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
}

/** What the model says next: call tools (by the names n8n gave them), or answer. */
export type Reply = { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> } | { content: string };

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

/** The text of a message's content (a string, or the text parts of a list). */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** The results of the tool calls the model made, as n8n sent them back (role `tool`), in order. */
export function toolResults(request: ChatRequest): Array<{ callId: string; text: string }> {
	return request.messages.filter((message) => message.role === 'tool').map((message) => ({ callId: message.tool_call_id ?? '', text: messageText(message) }));
}

export async function startOpenAiStub(script: Script): Promise<OpenAiStub> {
	const requests: ChatRequest[] = [];
	const rawBodies: string[] = [];
	const otherRoutes: string[] = [];
	let calls = 0;
	const server = createServer((req, res) => {
		void handle(req, res).catch((error: unknown) => {
			res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ error: { message: error instanceof Error ? error.message : String(error), type: 'stub_error' } }));
		});
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const body = await readBody(req);
		rawBodies.push(body);
		const path = (req.url ?? '').split('?')[0];
		if (req.method === 'GET' && path.endsWith('/models')) {
			json(res, 200, { object: 'list', data: [{ id: 'stub-model', object: 'model', created: 0, owned_by: 'stub' }] });
			return;
		}
		if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
			otherRoutes.push(`${req.method} ${path}`);
			json(res, 404, { error: { message: `the stub does not serve ${req.method} ${path}`, type: 'invalid_request_error' } });
			return;
		}
		const request = JSON.parse(body) as ChatRequest;
		requests.push(request);
		const turn = calls++;
		const reply = script(request, turn);
		const id = `chatcmpl-stub-${turn}`;
		const message =
			'toolCalls' in reply
				? {
						role: 'assistant',
						content: null,
						tool_calls: reply.toolCalls.map((call, index): ChatToolCall => ({ id: `call_${turn}_${index}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } })),
					}
				: { role: 'assistant', content: reply.content };
		const finish = 'toolCalls' in reply ? 'tool_calls' : 'stop';
		if (request.stream) {
			res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
			const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: request.model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
			const delta =
				'toolCalls' in reply
					? { role: 'assistant', tool_calls: (message.tool_calls ?? []).map((call, index) => ({ index, ...call })) }
					: { role: 'assistant', content: reply.content };
			res.write(chunk(delta, null));
			res.write(chunk({}, finish));
			res.end('data: [DONE]\n\n');
			return;
		}
		json(res, 200, {
			id,
			object: 'chat.completion',
			created: 0,
			model: request.model,
			choices: [{ index: 0, message, finish_reason: finish }],
			usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
		});
	}

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

function json(res: ServerResponse, status: number, value: unknown): void {
	const text = JSON.stringify(value);
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
	res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
