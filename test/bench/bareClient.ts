/**
 * The reference: a bare HTTP client (Node's http module, keep-alive agent) doing the same calls as
 * the node, with no engine around it. Runs in its own process (see child.ts).
 *
 * - `create`: one password-grant token, then one `POST /api/v0/invoice` per invoice, `concurrency`
 *   at a time.
 * - `search`: one token, then `POST /api/v0/invoice/search` page after page until a short page,
 *   keeping every invoice (as Return All does), with the memory that takes.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { Agent, request } from 'node:http';

import { childMain, measureMemory, type MemoryPeak } from './child';

export interface EnkashLogin {
	baseUrl: string;
	oauthClientId: string;
	oauthClientSecret: string;
	username: string;
	password: string;
	companyClientId: string;
}

export type BareInput =
	| { mode: 'create'; login: EnkashLogin; count: number; concurrency: number; externalIdPrefix: string; customerId: string }
	| { mode: 'search'; login: EnkashLogin; pageSize: number };

export interface BareCreateResult {
	mode: 'create';
	ms: number;
	created: number;
	failed: number;
}

export interface BareSearchResult {
	mode: 'search';
	ms: number;
	records: number;
	pages: number;
	dataBytes: number;
	memory: MemoryPeak;
}

interface Answer {
	status: number;
	body: string;
}

function send(agent: Agent, method: string, url: string, headers: Record<string, string>, body?: string): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

async function token(agent: Agent, login: EnkashLogin): Promise<string> {
	const form = new URLSearchParams({ username: login.username, password: login.password, grant_type: 'password', clientId: login.companyClientId }).toString();
	const basic = Buffer.from(`${login.oauthClientId}:${login.oauthClientSecret}`).toString('base64');
	const answer = await send(agent, 'POST', `${login.baseUrl}/oauth/token`, { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, form);
	if (answer.status !== 200) throw new Error(`token request answered ${answer.status}`);
	const parsed = JSON.parse(answer.body) as { accessToken?: string; access_token?: string };
	const value = parsed.accessToken ?? parsed.access_token;
	if (!value) throw new Error('token response without a token');
	return value;
}

async function create(input: Extract<BareInput, { mode: 'create' }>): Promise<BareCreateResult> {
	const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });
	const started = performance.now();
	const bearer = `Bearer ${await token(agent, input.login)}`;
	const headers = { Authorization: bearer, 'Content-Type': 'application/json', Accept: 'application/json' };
	let next = 0;
	let created = 0;
	let failed = 0;
	const worker = async (): Promise<void> => {
		while (next < input.count) {
			const n = next++;
			const body = JSON.stringify({ customerId: input.customerId, baseAmount: 1 + (n % 500), dueDate: '2026-12-15', externalId: `${input.externalIdPrefix}${n}` });
			const answer = await send(agent, 'POST', `${input.login.baseUrl}/api/v0/invoice`, headers, body);
			const envelope = answer.status === 200 ? (JSON.parse(answer.body) as { payload?: { invoiceId?: string } }) : undefined;
			if (envelope?.payload?.invoiceId) created++;
			else failed++;
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency, input.count)) }, worker));
	const ms = performance.now() - started;
	agent.destroy();
	return { mode: 'create', ms, created, failed };
}

async function search(input: Extract<BareInput, { mode: 'search' }>): Promise<BareSearchResult> {
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	let pages = 0;
	let ms = 0;
	const { value: records, memory } = await measureMemory(async () => {
		const started = performance.now();
		const bearer = `Bearer ${await token(agent, input.login)}`;
		const all: unknown[] = [];
		for (let offset = 0; ; ) {
			const url = `${input.login.baseUrl}/api/v0/invoice/search?limit=${input.pageSize}&offset=${offset}&orderBy=createdOn&direction=ASC`;
			const answer = await send(agent, 'POST', url, { Authorization: bearer, 'Content-Type': 'application/json', Accept: 'application/json' }, '{}');
			if (answer.status !== 200) throw new Error(`search answered ${answer.status}`);
			const content = (JSON.parse(answer.body) as { payload: { content: unknown[] } }).payload.content;
			pages++;
			all.push(...content);
			offset += content.length;
			if (content.length < input.pageSize) break;
		}
		ms = performance.now() - started;
		return all;
	});
	agent.destroy();
	return { mode: 'search', ms, records: records.length, pages, dataBytes: Buffer.byteLength(JSON.stringify(records)), memory };
}

if (require.main === module) {
	childMain<BareInput, BareCreateResult | BareSearchResult>(async (input) => (input.mode === 'create' ? await create(input) : await search(input)));
}
