/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { enkashCredentialData, HarnessCredentialsHelper, resetTokenState, testCredential } from '../harness';

/** Every credential type's Test button, as n8n's editor runs it, with good and with bad values. */
describe('credential Test buttons (sandbox)', () => {
	let sandbox: Sandbox;
	let urls: ReturnType<typeof vendorBaseUrls>;

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		urls = vendorBaseUrls(sandbox.url);
	});
	after(async () => await sandbox.close());
	beforeEach(async () => {
		await sandbox.control.reset();
		resetTokenState();
	});

	async function press(type: string, data: ICredentialDataDecryptedObject) {
		const helper = new HarnessCredentialsHelper();
		await helper.add({ id: `${type}-under-test`, type, data });
		return await testCredential(helper, { id: `${type}-under-test`, type });
	}

	const cases: Array<{
		type: string;
		good: () => ICredentialDataDecryptedObject;
		bad: () => ICredentialDataDecryptedObject;
		secret: string;
		failure: RegExp;
	}> = [
		{
			type: 'enboarderApi',
			good: () => ({ region: 'custom', baseUrl: urls.enboarder, apiKey: DEMO_CREDENTIALS.enboarder.apiKey }),
			bad: () => ({ region: 'custom', baseUrl: urls.enboarder, apiKey: 'wrong-api-key-123' }),
			secret: 'wrong-api-key-123',
			failure: /^Enboarder refused the API key \(401 Unauthorized\): check that it is the current key/,
		},
		{
			type: 'enboarderOAuth2Api',
			good: () => ({
				region: 'custom',
				baseUrl: urls.enboarder,
				tokenUrl: urls.enboarderTokenUrl,
				clientId: DEMO_CREDENTIALS.enboarder.clientId,
				clientSecret: DEMO_CREDENTIALS.enboarder.clientSecret,
			}),
			bad: () => ({
				region: 'custom',
				baseUrl: urls.enboarder,
				tokenUrl: urls.enboarderTokenUrl,
				clientId: DEMO_CREDENTIALS.enboarder.clientId,
				clientSecret: 'wrong-client-secret-123',
			}),
			secret: 'wrong-client-secret-123',
			failure: /^Enboarder refused the token request \(HTTP 401: Client authentication failed\)$/,
		},
		{
			type: 'enkashApi',
			good: () => enkashCredentialData(sandbox.url),
			bad: () => enkashCredentialData(sandbox.url, { password: 'wrong-password-123' }),
			secret: 'wrong-password-123',
			failure: /^Enkash refused the token request \(HTTP 401: .+\)\. Check the username, password/,
		},
		{
			type: 'partnerApi',
			good: () => ({ tokenUrl: urls.partnerTokenUrl, clientId: DEMO_CREDENTIALS.partner.clientId, clientSecret: DEMO_CREDENTIALS.partner.clientSecret }),
			bad: () => ({ tokenUrl: urls.partnerTokenUrl, clientId: DEMO_CREDENTIALS.partner.clientId, clientSecret: 'wrong-partner-secret-123' }),
			secret: 'wrong-partner-secret-123',
			failure: /^Partner API refused the token request \(HTTP 401: Client authentication failed\)$/,
		},
		{
			type: 'personalAccessTokenApi',
			good: () => ({ baseUrl: urls.pat, token: DEMO_CREDENTIALS.pat.personalAccessToken }),
			bad: () => ({ baseUrl: urls.pat, token: 'wrong-pat-123' }),
			secret: 'wrong-pat-123',
			failure: /^The API refused the personal access token \(401 Unauthorized\): it may be wrong, expired or revoked$/,
		},
	];

	for (const { type, good, bad, secret, failure } of cases) {
		test(`${type}: passes with the sandbox's values`, async () => {
			assert.deepEqual(await press(type, good()), { status: 'OK', message: 'Connection successful!' });
		});

		test(`${type}: fails clearly with a wrong secret, without showing it`, async () => {
			const result = await press(type, bad());
			assert.equal(result.status, 'Error');
			assert.match(result.message, failure);
			assert.doesNotMatch(result.message, new RegExp(secret));
		});
	}

	test('enboarderOAuth2Api: Canada says there is no token URL, without a request', async () => {
		const result = await press('enboarderOAuth2Api', { region: 'ca', clientId: 'id', clientSecret: 'secret' });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /no OAuth2 token URL for the Canada region/);
		assert.equal((await sandbox.control.ledger()).requests.length, 0);
	});

	test('a plain-HTTP token URL outside loopback is refused before any request', async () => {
		const result = await press('partnerApi', { tokenUrl: 'http://partner.example.com/api/oauth/token', clientId: 'a', clientSecret: 'b' });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /Token URL must use HTTPS/);
	});
});
