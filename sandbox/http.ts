/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** What a route answers; the server writes it (or, for a 'drop-after' fault, throws it away). */
export interface Reply {
	status: number;
	/** Serialised as JSON unless `text` is given. */
	body?: unknown;
	text?: string;
	headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, body, headers };
}

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export class BodyError extends Error {
	constructor(
		message: string,
		readonly kind: 'too-large' | 'invalid-json' | 'invalid-multipart',
	) {
		super(message);
	}
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new BodyError('Request body too large', 'too-large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function writeReply(res: ServerResponse, reply: Reply): void {
	const headers: Record<string, string> = { ...(reply.headers ?? {}) };
	let payload: string | undefined;
	if (reply.text !== undefined) {
		payload = reply.text;
	} else if (reply.body !== undefined && reply.status !== 204) {
		payload = JSON.stringify(reply.body);
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	}
	if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
	else if (reply.status !== 204 && reply.status !== 304) headers['Content-Length'] = '0';
	res.writeHead(reply.status, headers);
	res.end(payload);
}

export function mediaType(headers: IncomingHttpHeaders): string {
	return (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Parses a JSON body; an empty body is `undefined`. */
export function parseJson(body: Buffer): unknown {
	if (body.length === 0) return undefined;
	try {
		return JSON.parse(body.toString('utf8')) as unknown;
	} catch {
		throw new BodyError('Malformed JSON body', 'invalid-json');
	}
}

export function parseForm(body: Buffer): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of new URLSearchParams(body.toString('utf8'))) out[key] = value;
	return out;
}

export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!match) throw new BodyError('Multipart body without a boundary', 'invalid-multipart');
	const delimiter = Buffer.from(`--${match[1] ?? match[2].trim()}`);
	const parts: MultipartPart[] = [];
	let start = body.indexOf(delimiter);
	if (start < 0) throw new BodyError('Multipart body without parts', 'invalid-multipart');
	while (true) {
		start += delimiter.length;
		if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing "--"
		if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
		const end = body.indexOf(delimiter, start);
		if (end < 0) throw new BodyError('Unterminated multipart body', 'invalid-multipart');
		const headerEnd = body.indexOf('\r\n\r\n', start);
		if (headerEnd < 0 || headerEnd > end) throw new BodyError('Multipart part without headers', 'invalid-multipart');
		const headerText = body.subarray(start, headerEnd).toString('utf8');
		let dataEnd = end;
		if (body[dataEnd - 2] === 0x0d && body[dataEnd - 1] === 0x0a) dataEnd -= 2;
		const disposition = /content-disposition:([^\r\n]*)/i.exec(headerText)?.[1] ?? '';
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
		const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
		const partType = /content-type:\s*([^\r\n]*)/i.exec(headerText)?.[1]?.trim();
		if (name !== undefined) {
			parts.push({ name, filename, contentType: partType, data: body.subarray(headerEnd + 4, dataEnd) });
		}
		start = end;
	}
	return parts;
}

/** The `user:password` of an HTTP Basic header, or `undefined` when absent or malformed. */
export function basicCredentials(headers: IncomingHttpHeaders): { user: string; password: string } | undefined {
	const header = headers.authorization;
	if (!header || !/^basic\s+/i.test(header)) return undefined;
	const decoded = Buffer.from(header.replace(/^basic\s+/i, '').trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { user: safeDecode(decoded.slice(0, colon)), password: safeDecode(decoded.slice(colon + 1)) };
}

/** The token of an `Authorization: Bearer <token>` header; `undefined` when absent or another scheme. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
	const header = headers.authorization;
	if (!header) return undefined;
	const match = /^bearer\s+(\S+)\s*$/i.exec(header);
	return match ? match[1] : undefined;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return text;
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
