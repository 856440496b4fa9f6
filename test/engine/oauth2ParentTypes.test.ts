/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { HarnessCredentialsHelper, packageTypes } from '../harness';
import { hostData } from '../harness/runWorkflow';

/** Our authorization-code credential extends n8n's own oAuth2Api, as n8n's CLI resolves it. */
describe('oAuth2Api-based credentials in the harness', () => {
	test('the parent type is known and its fields merge under ours', () => {
		const { credentialTypes } = packageTypes();
		assert.deepEqual(credentialTypes.getParentTypes('authorizationCodeOAuth2Api'), ['oAuth2Api']);
		const helper = new HarnessCredentialsHelper();
		const names = helper.getCredentialsProperties('authorizationCodeOAuth2Api').map((p) => p.name);
		for (const name of ['clientId', 'clientSecret', 'accessTokenUrl', 'authUrl', 'grantType', 'oauthTokenData']) assert.ok(names.includes(name), name);
		const grantType = helper.getCredentialsProperties('authorizationCodeOAuth2Api').find((p) => p.name === 'grantType');
		assert.equal(grantType?.type, 'hidden', 'our hidden grant type wins over the parent option list');
	});

	test('decrypted data carries the parent defaults, our fixed grant and the stored token data', async () => {
		const helper = new HarnessCredentialsHelper();
		await helper.add({
			id: 'code',
			type: 'authorizationCodeOAuth2Api',
			data: { authUrl: 'https://a.example/authorize', accessTokenUrl: 'https://a.example/token', clientId: 'client', clientSecret: 'client-secret', oauthTokenData: { access_token: 'at-123456', refresh_token: 'rt-123456' } },
		});
		const data = await helper.getDecrypted(hostData(helper, undefined, 'x', 'y'), { id: 'code', name: 'code' }, 'authorizationCodeOAuth2Api', 'manual');
		assert.equal(data.grantType, 'authorizationCode');
		assert.equal(data.authentication, 'header');
		assert.equal(data.clientCredentialType, 'clientSecret', "n8n's own default from oAuth2Api");
		assert.equal(data.useDynamicClientRegistration, false, "n8n's own default from oAuth2Api");
		assert.deepEqual(data.oauthTokenData, { access_token: 'at-123456', refresh_token: 'rt-123456' });
	});
});
