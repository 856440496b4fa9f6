/** Helpers shared by the contract tests: HTTP calls against a sandbox and the vendors' token requests. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls } from '../../sandbox';
import type { Sandbox, VendorBaseUrls } from '../../sandbox';

export interface CallOptions {
	method?: string;
	headers?: Record<string, string>;
	/** Sent as JSON with Content-Type application/json. */
	json?: unknown;
	/** Sent form-urlencoded. */
	form?: Record<string, string>;
	body?: string | FormData;
	redirect?: 'manual' | 'follow';
}

/** Response bodies are read loosely: the assertions are what check their shape. */
export type Json = any;

export interface CallResult<T = Json> {
	status: number;
	headers: Headers;
	body: T;
	ms: number;
}

export async function call<T = Json>(url: string, options: CallOptions = {}): Promise<CallResult<T>> {
	const headers: Record<string, string> = { ...(options.headers ?? {}) };
	let body: string | FormData | undefined = options.body;
	if (options.json !== undefined) {
		headers['Content-Type'] ??= 'application/json';
		body = JSON.stringify(options.json);
	} else if (options.form) {
		headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}
	const started = Date.now();
	const response = await fetch(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: options.redirect });
	const text = await response.text();
	let parsed: unknown = text;
	if (text && (response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
	return { status: response.status, headers: response.headers, body: parsed as T, ms: Date.now() - started };
}

export function basic(user: string, password: string): string {
	return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export function urlsOf(url: string): VendorBaseUrls {
	return vendorBaseUrls(url);
}

/**
 * The hooks every contract suite needs: one sandbox on a free port for the suite, reset before
 * each test (faults, triggers, ledger and records back to the seed), closed after the suite.
 * `started` receives the sandbox and its vendor URLs once it listens.
 */
export function useSandbox(started: (sandbox: Sandbox, urls: VendorBaseUrls) => void): void {
	let sandbox: Sandbox | undefined;
	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		started(sandbox, vendorBaseUrls(sandbox.url));
	});
	after(async () => await sandbox?.close());
	beforeEach(async () => await sandbox?.control.reset());
}

// --- Enboarder -----------------------------------------------------------------------------------

export async function enboarderToken(
	urls: VendorBaseUrls,
	options: { clientId?: string; clientSecret?: string; scope?: string } = {},
): Promise<string> {
	const { clientId = DEMO_CREDENTIALS.enboarder.clientId, clientSecret = DEMO_CREDENTIALS.enboarder.clientSecret } = options;
	const form: Record<string, string> = { grant_type: 'client_credentials' };
	if (options.scope) form.scope = options.scope;
	const result = await call(urls.enboarderTokenUrl, { headers: { Authorization: basic(clientId, clientSecret) }, form });
	assert.equal(result.status, 200, JSON.stringify(result.body));
	return result.body.access_token as string;
}

export const apiKeyHeader = { apikey: DEMO_CREDENTIALS.enboarder.apiKey };

// --- Partner -------------------------------------------------------------------------------------

export async function partnerToken(urls: VendorBaseUrls, readOnly = false): Promise<string> {
	const credentials = DEMO_CREDENTIALS.partner;
	const result = await call(urls.partnerTokenUrl, {
		headers: { Accept: 'application/json' },
		json: {
			grant_type: 'client_credentials',
			client_id: readOnly ? credentials.readOnlyClientId : credentials.clientId,
			client_secret: readOnly ? credentials.readOnlyClientSecret : credentials.clientSecret,
		},
	});
	assert.equal(result.status, 200, JSON.stringify(result.body));
	return result.body.access_token as string;
}

// --- Enkash --------------------------------------------------------------------------------------

export const enkashClientHeader = basic(DEMO_CREDENTIALS.enkash.oauthClientId, DEMO_CREDENTIALS.enkash.oauthClientSecret);
export const COMPANY = DEMO_CREDENTIALS.enkash.companyClientId;

export function enkashLogin(urls: VendorBaseUrls, password: string = DEMO_CREDENTIALS.enkash.password): Promise<CallResult> {
	return call(`${urls.enkash}/oauth/token`, {
		headers: { Authorization: enkashClientHeader },
		form: { username: DEMO_CREDENTIALS.enkash.username, password, grant_type: 'password', clientId: COMPANY },
	});
}

export async function enkashToken(urls: VendorBaseUrls): Promise<string> {
	const result = await enkashLogin(urls);
	assert.equal(result.status, 200, JSON.stringify(result.body));
	return (result.body.accessToken ?? result.body.access_token) as string;
}

/** Asserts the Enkash error envelope; returns its errorResponse. */
export function assertEnkashError(result: CallResult, status: number, errorType: string): Json {
	assert.equal(result.status, status, JSON.stringify(result.body));
	const body = result.body;
	assert.equal(body.payload, null);
	assert.equal(body.response_code, status);
	assert.equal(typeof body.response_message, 'string');
	assert.equal(body.errorResponse.errorType, errorType, JSON.stringify(body.errorResponse));
	assert.ok(Array.isArray(body.errorResponse.apiSubErrors));
	assert.equal(typeof body.errorResponse.errorMessage, 'string');
	assert.equal(typeof body.errorResponse.requestId, 'string');
	assert.match(body.errorResponse.timestamp, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	return body.errorResponse;
}

/** Asserts the Enkash success envelope; returns its payload. */
export function assertEnkashOk(result: CallResult): Json {
	assert.equal(result.status, 200, JSON.stringify(result.body).slice(0, 2000));
	assert.equal(result.body.errorResponse, null);
	assert.equal(result.body.response_code, 200);
	assert.equal(result.body.response_message, 'SUCCESS');
	return result.body.payload;
}

export function subErrorFields(errorResponse: { apiSubErrors: Array<{ field: string }> }): string[] {
	return errorResponse.apiSubErrors.map((error) => error.field).sort();
}

export function csvForm(csv: string, field = 'file'): FormData {
	const form = new FormData();
	form.append(field, new Blob([csv], { type: 'text/csv' }), 'upload.csv');
	return form;
}

// --- PAT -----------------------------------------------------------------------------------------

export const REDIRECT_URI = 'http://127.0.0.1:9/callback';

/** Runs the authorization-code flow; returns the token response body. */
export async function patAuthorize(urls: VendorBaseUrls, state = 'xyz'): Promise<string> {
	const query = new URLSearchParams({
		response_type: 'code',
		client_id: DEMO_CREDENTIALS.pat.oauthClientId,
		redirect_uri: REDIRECT_URI,
		state,
		scope: 'read write',
	});
	const result = await call(`${urls.patAuthorizeUrl}?${query}`, { redirect: 'manual' });
	assert.equal(result.status, 302);
	const location = new URL(result.headers.get('location')!);
	return location.searchParams.get('code')!;
}

export async function patTokens(urls: VendorBaseUrls): Promise<{ access_token: string; refresh_token: string; expires_in: number; scope: string }> {
	const code = await patAuthorize(urls);
	const result = await call(urls.patTokenUrl, {
		headers: { Authorization: basic(DEMO_CREDENTIALS.pat.oauthClientId, DEMO_CREDENTIALS.pat.oauthClientSecret) },
		form: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
	});
	assert.equal(result.status, 200, JSON.stringify(result.body));
	return result.body;
}
