/**
 * Our Partner API and Personal Access Token credentials used from n8n's own HTTP Request node
 * ("Predefined Credential Type") in a real n8n: n8n runs our preAuthentication, persists the token
 * in its database and reuses it in the next execution.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { assertRan, log, prepareN8n, type PreparedN8n } from './support';

function httpRequestWorkflow(id: string, credentialType: string, credentialId: string, parameters: Record<string, unknown>) {
	return {
		id,
		name: `HTTP Request with ${credentialType}`,
		nodes: [
			{ parameters: {}, id: `${id}-trigger`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			{
				parameters: { authentication: 'predefinedCredentialType', nodeCredentialType: credentialType, options: {}, ...parameters },
				id: `${id}-http`,
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				credentials: { [credentialType]: { id: credentialId, name: credentialId } },
			},
		],
		connections: { Start: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * What n8n's "Connect my account" does: the browser follows the authorization URL (the sandbox
 * consents at once) back to n8n's callback with a code, which n8n exchanges for tokens.
 */
async function authorizationCodeFlow(urls: ReturnType<typeof vendorBaseUrls>): Promise<Record<string, unknown>> {
	const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
	const authorize = new URL(urls.patAuthorizeUrl);
	authorize.search = new URLSearchParams({ response_type: 'code', client_id: DEMO_CREDENTIALS.pat.oauthClientId, redirect_uri: redirectUri, state: 'e2e' }).toString();
	const consent = await fetch(authorize, { redirect: 'manual' });
	assert.equal(consent.status, 302);
	const code = new URL(consent.headers.get('location')!).searchParams.get('code');
	assert.ok(code, 'the authorization server returned a code');
	const exchange = await fetch(urls.patTokenUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${Buffer.from(`${DEMO_CREDENTIALS.pat.oauthClientId}:${DEMO_CREDENTIALS.pat.oauthClientSecret}`).toString('base64')}`,
		},
		body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
	});
	assert.equal(exchange.status, 200);
	return (await exchange.json()) as Record<string, unknown>;
}

describe("n8n's HTTP Request node with our credentials (real n8n)", { concurrency: false }, () => {
	let n8n: PreparedN8n;
	let sandbox: Sandbox;

	before(
		async () => {
			sandbox = await startSandbox({ port: 0 });
			n8n = await prepareN8n();
			const urls = vendorBaseUrls(sandbox.url);
			const oauthTokenData = await authorizationCodeFlow(urls);
			await n8n.lib.importCredentials(n8n.app, {
				env: n8n.env,
				userFolder: n8n.userFolder,
				credentials: [
					{
						id: 'e2ePartner',
						name: 'e2ePartner',
						type: 'partnerApi',
						data: { tokenUrl: urls.partnerTokenUrl, clientId: DEMO_CREDENTIALS.partner.clientId, clientSecret: DEMO_CREDENTIALS.partner.clientSecret },
					},
					{ id: 'e2ePat', name: 'e2ePat', type: 'personalAccessTokenApi', data: { baseUrl: urls.pat, token: DEMO_CREDENTIALS.pat.personalAccessToken } },
					{
						id: 'e2eOAuth2Code',
						name: 'e2eOAuth2Code',
						type: 'authorizationCodeOAuth2Api',
						data: {
							authUrl: urls.patAuthorizeUrl,
							accessTokenUrl: urls.patTokenUrl,
							clientId: DEMO_CREDENTIALS.pat.oauthClientId,
							clientSecret: DEMO_CREDENTIALS.pat.oauthClientSecret,
							scope: '',
							authentication: 'header',
							oauthTokenData,
						},
					},
				],
			});
			await n8n.lib.importWorkflows(n8n.app, {
				env: n8n.env,
				userFolder: n8n.userFolder,
				workflows: [
					httpRequestWorkflow('e2ePartnerBooking', 'partnerApi', 'e2ePartner', {
						method: 'POST',
						url: `${urls.partner}/api/bookings`,
						sendBody: true,
						specifyBody: 'json',
						jsonBody: JSON.stringify({ customer_name: 'Ada Lovelace', customer_email: 'ada@example.com', starts_at: '2026-12-01T10:00:00+05:30', party_size: 2 }),
					}),
					httpRequestWorkflow('e2ePatMe', 'personalAccessTokenApi', 'e2ePat', { method: 'GET', url: `${urls.pat}/api/me` }),
					httpRequestWorkflow('e2eOAuth2Me', 'authorizationCodeOAuth2Api', 'e2eOAuth2Code', { method: 'GET', url: `${urls.pat}/api/me` }),
				],
			});
			log('HTTP Request workflows imported');
		},
		{ timeout: 15 * 60_000 },
	);

	after(async () => {
		await sandbox?.close();
		n8n?.dispose();
	});

	test('Partner API: a booking is created with a fetched token, and the next execution reuses the persisted token', { timeout: 3 * 60_000 }, async () => {
		const first = await n8n.execute('e2ePartnerBooking');
		assertRan(first, 'first run');
		const [booking] = n8n.lib.nodeOutputJson(first.run, 'HTTP Request') ?? [];
		assert.equal(booking?.customer_name, 'Ada Lovelace');

		const second = await n8n.execute('e2ePartnerBooking');
		assertRan(second, 'second run');

		const { requests, records } = await sandbox.control.ledger();
		const partner = requests.filter((r) => r.vendor === 'partner');
		assert.deepEqual(
			partner.map((r) => [r.kind, r.method, r.path, r.status]),
			[
				['token', 'POST', '/api/oauth/token', 200],
				['api', 'POST', '/api/bookings', 201],
				['api', 'POST', '/api/bookings', 201],
			],
			'one token for both executions: the second one read it back from n8n',
		);
		assert.equal(records.filter((r) => r.type === 'booking').length, 2);
	});

	test('Partner API: a revoked token is renewed once and the request resent', { timeout: 3 * 60_000 }, async () => {
		await sandbox.control.revokeTokens('partner');
		const before = (await sandbox.control.ledger()).requests.length;
		const result = await n8n.execute('e2ePartnerBooking');
		assertRan(result, 'the run');
		const partner = (await sandbox.control.ledger()).requests.slice(before).filter((r) => r.vendor === 'partner');
		assert.deepEqual(
			partner.map((r) => [r.kind, r.path, r.status]),
			[
				['api', '/api/bookings', 401],
				['token', '/api/oauth/token', 200],
				['api', '/api/bookings', 201],
			],
		);
	});

	test('Personal access token: GET /api/me as the token owner', { timeout: 3 * 60_000 }, async () => {
		const result = await n8n.execute('e2ePatMe');
		assertRan(result, 'the run');
		const [me] = n8n.lib.nodeOutputJson(result.run, 'HTTP Request') ?? [];
		assert.equal(me?.authenticatedBy, 'pat');
	});

	test('OAuth2 authorization code: an expired or revoked access token is refreshed with the refresh token, then reused', { timeout: 3 * 60_000 }, async () => {
		await sandbox.control.revokeTokens('pat');
		const before = (await sandbox.control.ledger()).requests.length;
		const first = await n8n.execute('e2eOAuth2Me');
		assertRan(first, 'first run');
		const [me] = n8n.lib.nodeOutputJson(first.run, 'HTTP Request') ?? [];
		assert.equal(me?.authenticatedBy, 'oauth2');

		const second = await n8n.execute('e2eOAuth2Me');
		assertRan(second, 'second run');
		const pat = (await sandbox.control.ledger()).requests.slice(before).filter((r) => r.vendor === 'pat');
		assert.deepEqual(
			pat.map((r) => [r.kind, r.grant ?? '', r.path, r.status]),
			[
				['api', '', '/api/me', 401],
				['token', 'refresh_token', '/oauth/token', 200],
				['api', '', '/api/me', 200],
				['api', '', '/api/me', 200],
			],
			'refreshed once; the second execution used the refreshed token n8n persisted',
		);
	});
});
