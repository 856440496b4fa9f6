/**
 * A stand-in chat model on the sandbox's port, so the example AI Agent workflow runs on a fresh
 * machine with no model account: OpenAI's Chat Completions API (`POST /model/v1/chat/completions`,
 * what n8n's OpenAI Chat Model node sends with "Use Responses API" off; give its credential the
 * Base URL `<sandbox>/model/v1` and any API key).
 *
 * It understands no language. It makes the tool calls written in the prompt, as lines
 * `call <Tool_Name> {json arguments}`, one per turn in that order, then answers with what the last
 * tool returned. The real-n8n tests script their own replies through the same wire format
 * (`completion`), recording what n8n sent.
 */
import type { Reply as HttpReply } from './http';

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
export type ModelReply = { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> } | { content: string };

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

const CALL_LINE = /^\s*call\s+([A-Za-z0-9_-]{1,64})\s+(\{.*\})\s*$/;

/** The stand-in model's reply: the next `call` line of the prompt not yet made, else the last tool's answer. */
export function promptedReply(request: ChatRequest): ModelReply {
	const prompt = request.messages.filter((message) => message.role === 'user').map(messageText).join('\n');
	const calls = prompt
		.split('\n')
		.map((line) => CALL_LINE.exec(line))
		.filter((found): found is RegExpExecArray => found !== null);
	const made = request.messages.filter((message) => message.role === 'assistant' && (message.tool_calls?.length ?? 0) > 0).length;
	if (made < calls.length) {
		const [, name, args] = calls[made];
		try {
			return { toolCalls: [{ name, arguments: JSON.parse(args) as Record<string, unknown> }] };
		} catch {
			return { content: `The sandbox model could not read the arguments of "call ${name}": they must be one JSON object on the same line.` };
		}
	}
	if (calls.length === 0) {
		return {
			content:
				'I am the sandbox\'s stand-in model: I understand no language. Write the tool calls to make in the prompt, one per line, as `call Tool_Name {"argument": "value"}`; or connect a real chat model.',
		};
	}
	const last = toolResults(request).at(-1)?.text ?? '';
	return { content: `Done: ${calls.length} tool call(s) made. The last tool answered: ${last.length > 1500 ? `${last.slice(0, 1500)}…` : last}` };
}

/** The Chat Completions answer carrying `reply`: JSON, or server-sent chunks when the request streams. */
export function completion(request: ChatRequest, reply: ModelReply, turn: number): HttpReply {
	const id = `chatcmpl-sandbox-${turn}`;
	const toolCalls = 'toolCalls' in reply ? reply.toolCalls.map((call, index): ChatToolCall => ({ id: `call_${turn}_${index}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } })) : undefined;
	const message = toolCalls ? { role: 'assistant', content: null, tool_calls: toolCalls } : { role: 'assistant', content: (reply as { content: string }).content };
	const finish = toolCalls ? 'tool_calls' : 'stop';
	if (request.stream) {
		const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
			`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: request.model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
		const delta = toolCalls ? { role: 'assistant', tool_calls: toolCalls.map((call, index) => ({ index, ...call })) } : { role: 'assistant', content: message.content };
		return { status: 200, text: `${chunk(delta, null)}${chunk({}, finish)}data: [DONE]\n\n`, headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } };
	}
	return {
		status: 200,
		body: { id, object: 'chat.completion', created: 0, model: request.model, choices: [{ index: 0, message, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } },
	};
}

/** The models list (n8n's model picker and credential test ask for it). */
export function modelList(): HttpReply {
	return { status: 200, body: { object: 'list', data: [{ id: 'sandbox-model', object: 'model', created: 0, owned_by: 'sandbox' }] } };
}

/** A request under MODEL_PREFIX (path without it): the stand-in model's answer. */
export function handleModelRequest(method: string, path: string, body: string, turn: number): HttpReply {
	if (method === 'GET' && /^\/v1\/models\/?$/.test(path)) return modelList();
	if (method !== 'POST' || !/^\/v1\/chat\/completions\/?$/.test(path)) {
		return { status: 404, body: { error: { message: `The sandbox model serves POST /v1/chat/completions and GET /v1/models, not ${method} ${path}`, type: 'invalid_request_error' } } };
	}
	let request: ChatRequest;
	try {
		request = JSON.parse(body) as ChatRequest;
	} catch {
		return { status: 400, body: { error: { message: 'The request body is not JSON', type: 'invalid_request_error' } } };
	}
	if (!Array.isArray(request.messages)) return { status: 400, body: { error: { message: 'messages is required', type: 'invalid_request_error' } } };
	return completion(request, promptedReply(request), turn);
}
