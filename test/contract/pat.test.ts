/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { DEMO_CREDENTIALS, PAT_USER } from '../../sandbox';
import type { Sandbox, VendorBaseUrls } from '../../sandbox';
import { REDIRECT_URI, basic, call, patAuthorize, patTokens, sleep, useSandbox } from './support';

const T = DEMO_CREDENTIALS.pat;
const clientAuth = { Authorization: basic(T.oauthClientId, T.oauthClientSecret) };

describe('PAT API contract', () => {
	let sandbox: Sandbox;
	let urls: VendorBaseUrls;
	let me: string;

	useSandbox((started, startedUrls) => {
		sandbox = started;
		urls = startedUrls;
		me = `${urls.pat}/api/me`;
	});

	const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

	describe('GET /api/me', () => {
		test('accepts the personal access token as Bearer', async () => {
			const result = await call(me, { headers: bearer(T.personalAccessToken) });
			assert.equal(result.status, 200);
			assert.deepEqual(result.body, { ...PAT_USER, authenticatedBy: 'pat' });
		});

		test('the PAT does not expire and survives revocation', async () => {
			await sandbox.control.setTokenLifetime('pat', 1);
			await sandbox.control.revokeTokens('pat', { refreshTokens: true });
			assert.equal((await call(me, { headers: bearer(T.personalAccessToken) })).status, 200);
		});

		test('missing, wrong and non-Bearer credentials are 401 invalid_token', async () => {
			for (const headers of [{}, bearer('sandbox-pat-wrong'), { Authorization: T.personalAccessToken }] as Array<Record<string, string>>) {
				const result = await call(me, { headers });
				assert.equal(result.status, 401);
				assert.equal(result.body.error, 'invalid_token');
				assert.match(result.headers.get('www-authenticate') ?? '', /^Bearer/);
			}
			assert.deepEqual((await sandbox.control.ledger()).requests.map((r) => r.auth), ['missing', 'invalid', 'invalid']);
		});
	});

	describe('GET /oauth/authorize', () => {
		test('auto-consents: 302 to redirect_uri with code and state', async () => {
			const query = new URLSearchParams({ response_type: 'code', client_id: T.oauthClientId, redirect_uri: REDIRECT_URI, state: 's-123', scope: 'read' });
			const result = await call(`${urls.patAuthorizeUrl}?${query}`, { redirect: 'manual' });
			assert.equal(result.status, 302);
			const location = new URL(result.headers.get('location')!);
			assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI);
			assert.equal(location.searchParams.get('state'), 's-123');
			assert.ok((location.searchParams.get('code') ?? '').length >= 20);
		});

		test('an unknown client is 400 and does not redirect', async () => {
			const query = new URLSearchParams({ response_type: 'code', client_id: 'nobody', redirect_uri: REDIRECT_URI, state: 's' });
			const result = await call(`${urls.patAuthorizeUrl}?${query}`, { redirect: 'manual' });
			assert.equal(result.status, 400);
			assert.equal(result.body.error, 'invalid_client');
			assert.equal(result.headers.get('location'), null);
		});
	});

	describe('POST /oauth/token', () => {
		test('authorization_code grant answers RFC 6749 snake_case; the token works on /api/me', async () => {
			const tokens = await patTokens(urls);
			assert.deepEqual(Object.keys(tokens).sort(), ['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
			assert.equal((tokens as Record<string, unknown>).token_type, 'Bearer');
			assert.equal(tokens.expires_in, 3600);
			assert.equal(tokens.scope, 'read write');
			const result = await call(me, { headers: bearer(tokens.access_token) });
			assert.deepEqual(result.body, { ...PAT_USER, authenticatedBy: 'oauth2' });
			const entry = (await sandbox.control.ledger()).requests.find((r) => r.kind === 'token')!;
			assert.deepEqual([entry.grant, entry.auth, entry.status], ['authorization_code', 'ok', 200]);
		});

		test('client credentials may come in the body, and the body may be JSON', async () => {
			const code = await patAuthorize(urls);
			const result = await call(urls.patTokenUrl, {
				json: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: T.oauthClientId, client_secret: T.oauthClientSecret },
			});
			assert.equal(result.status, 200);
			assert.equal(typeof result.body.access_token, 'string');
		});

		test('a code is single-use, and redirect_uri must match', async () => {
			const code = await patAuthorize(urls);
			const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI };
			assert.equal((await call(urls.patTokenUrl, { headers: clientAuth, form })).status, 200);
			const reused = await call(urls.patTokenUrl, { headers: clientAuth, form });
			assert.equal(reused.status, 400);
			assert.equal(reused.body.error, 'invalid_grant');
			assert.equal(typeof reused.body.error_description, 'string');
			const other = await patAuthorize(urls);
			const mismatch = await call(urls.patTokenUrl, { headers: clientAuth, form: { ...form, code: other, redirect_uri: 'http://127.0.0.1:9/elsewhere' } });
			assert.equal(mismatch.status, 400);
			assert.equal(mismatch.body.error, 'invalid_grant');
			const unknown = await call(urls.patTokenUrl, { headers: clientAuth, form: { ...form, code: 'made-up' } });
			assert.equal(unknown.body.error, 'invalid_grant');
		});

		test('a wrong client is 401 invalid_client; another grant is 400 unsupported_grant_type', async () => {
			const code = await patAuthorize(urls);
			const wrong = await call(urls.patTokenUrl, {
				headers: { Authorization: basic(T.oauthClientId, 'nope') },
				form: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
			});
			assert.equal(wrong.status, 401);
			assert.equal(wrong.body.error, 'invalid_client');
			const missing = await call(urls.patTokenUrl, { form: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI } });
			assert.equal(missing.status, 401);
			const grant = await call(urls.patTokenUrl, { headers: clientAuth, form: { grant_type: 'client_credentials' } });
			assert.equal(grant.status, 400);
			assert.equal(grant.body.error, 'unsupported_grant_type');
		});

		test('refresh_token grant issues new tokens and retires the old refresh token', async () => {
			const first = await patTokens(urls);
			const refreshed = await call(urls.patTokenUrl, { headers: clientAuth, form: { grant_type: 'refresh_token', refresh_token: first.refresh_token } });
			assert.equal(refreshed.status, 200);
			assert.notEqual(refreshed.body.access_token, first.access_token);
			assert.notEqual(refreshed.body.refresh_token, first.refresh_token);
			assert.equal(refreshed.body.scope, 'read write');
			assert.equal((await call(me, { headers: bearer(refreshed.body.access_token) })).status, 200);
			const reused = await call(urls.patTokenUrl, { headers: clientAuth, form: { grant_type: 'refresh_token', refresh_token: first.refresh_token } });
			assert.equal(reused.status, 400);
			assert.equal(reused.body.error, 'invalid_grant');
			const grants = (await sandbox.control.ledger()).requests.filter((r) => r.kind === 'token').map((r) => r.grant);
			assert.deepEqual(grants, ['authorization_code', 'refresh_token', 'refresh_token']);
		});

		test('an expired OAuth access token is 401; refreshing fixes it', async () => {
			await sandbox.control.setTokenLifetime('pat', 1);
			const tokens = await patTokens(urls);
			assert.equal(tokens.expires_in, 1);
			await sleep(1100);
			const expired = await call(me, { headers: bearer(tokens.access_token) });
			assert.equal(expired.status, 401);
			assert.equal(expired.body.error, 'invalid_token');
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'expired');
			const refreshed = await call(urls.patTokenUrl, { headers: clientAuth, form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token } });
			assert.equal((await call(me, { headers: bearer(refreshed.body.access_token) })).status, 200);
		});

		test('revoked access and refresh tokens are rejected', async () => {
			const tokens = await patTokens(urls);
			await sandbox.control.revokeTokens('pat');
			const revoked = await call(me, { headers: bearer(tokens.access_token) });
			assert.equal(revoked.status, 401);
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'revoked');
			const refreshed = await call(urls.patTokenUrl, { headers: clientAuth, form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token } });
			assert.equal(refreshed.status, 200, 'refresh tokens survive unless asked');
			await sandbox.control.revokeTokens('pat', { refreshTokens: true });
			const rejected = await call(urls.patTokenUrl, { headers: clientAuth, form: { grant_type: 'refresh_token', refresh_token: refreshed.body.refresh_token } });
			assert.equal(rejected.status, 400);
			assert.equal(rejected.body.error, 'invalid_grant');
		});
	});

	test('unknown routes are 404', async () => {
		assert.equal((await call(`${urls.pat}/api/nothing`, { headers: bearer(T.personalAccessToken) })).status, 404);
	});
});
