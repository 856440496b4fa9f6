/** The token schemes: one registry, every token credential in it and delegating to it, a request layer that names no vendor. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { AuthorizationCodeOAuth2Api } from '../../credentials/AuthorizationCodeOAuth2Api.credentials';
import { EnboarderApi } from '../../credentials/EnboarderApi.credentials';
import { EnboarderOAuth2Api } from '../../credentials/EnboarderOAuth2Api.credentials';
import { EnkashApi } from '../../credentials/EnkashApi.credentials';
import { PartnerApi } from '../../credentials/PartnerApi.credentials';
import { PersonalAccessTokenApi } from '../../credentials/PersonalAccessTokenApi.credentials';
import { TOKEN_FIELDS, TOKEN_SCHEMES, TokenManager, TokenRequestError, refusedByServer, tokenScheme, type TokenScheme } from '../../shared/token';

function packageRoot(): string {
	let dir = __dirname;
	while (!existsSync(join(dir, 'package.json')) || !readFileSync(join(dir, 'package.json'), 'utf8').includes('"n8n-nodes-token-connectors"')) dir = dirname(dir);
	return dir;
}

const root = packageRoot();

const CREDENTIALS = { AuthorizationCodeOAuth2Api, EnboarderApi, EnboarderOAuth2Api, EnkashApi, PartnerApi, PersonalAccessTokenApi };

/** Every credential class the package ships: those package.json's `n8n` section lists, which n8n loads. */
function shippedCredentials(): ICredentialType[] {
	const files = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } }).n8n.credentials;
	const classes = files.map((file) => /([^/]+)\.credentials\.js$/.exec(file)?.[1] ?? file);
	assert.deepEqual(classes.sort(), Object.keys(CREDENTIALS).sort(), 'this test knows every shipped credential');
	return Object.values(CREDENTIALS).map((type) => new type());
}

describe('token schemes: one registry', () => {
	const credentials = shippedCredentials();

	test('every credential with a preAuthentication has exactly one scheme; nothing else has one', () => {
		const renewing = credentials.filter((type) => typeof type.preAuthentication === 'function').map((type) => type.name).sort();
		assert.deepEqual(renewing, ['enboarderOAuth2Api', 'enkashApi', 'partnerApi']);
		assert.deepEqual(TOKEN_SCHEMES.map((scheme) => scheme.credentialType).sort(), renewing);
		for (const type of credentials) assert.equal(tokenScheme(type.name) !== undefined, renewing.includes(type.name), type.name);
	});

	test('each token credential declares what its scheme persists, and its preAuthentication and authenticate are the scheme’s', async () => {
		for (const scheme of TOKEN_SCHEMES) {
			const type = credentials.find((candidate) => candidate.name === scheme.credentialType)!;
			const names = type.properties.map((property) => property.name);
			for (const field of [...TOKEN_FIELDS, ...scheme.persists]) assert.ok(names.includes(field.name), `${type.name} declares ${field.name}`);
			assert.equal(type.authenticate, scheme.apply, `${type.name}: authenticate is the scheme's apply`);

			const mutable = scheme as { obtain: TokenScheme['obtain'] };
			const original = mutable.obtain;
			const calls: unknown[][] = [];
			mutable.obtain = async (...args) => (calls.push(args), { accessToken: 'obtained' });
			try {
				const helpers = {} as IHttpRequestHelper['helpers'];
				const data: ICredentialDataDecryptedObject = { clientId: 'id' };
				const result = await type.preAuthentication!.call({ helpers } as IHttpRequestHelper, data);
				assert.deepEqual(result, { accessToken: 'obtained' });
				assert.deepEqual(calls, [[helpers, data]], `${type.name}: preAuthentication is the scheme's obtain`);
			} finally {
				mutable.obtain = original;
			}
		}
	});

	test('only the Enkash password grant coordinates password logins', () => {
		assert.deepEqual(TOKEN_SCHEMES.filter((scheme) => scheme.passwordLogin).map((scheme) => scheme.credentialType), ['enkashApi']);
	});

	test('the request layer imports no vendor module: only the token module, which finds the scheme', () => {
		const source = readFileSync(join(root, 'shared', 'transport', 'authenticatedRequest.ts'), 'utf8');
		const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]).sort();
		assert.deepEqual(imports, ['../errorKinds', '../settle', '../token', './runCredentials', 'n8n-workflow']);
		assert.doesNotMatch(source, /enkash|enboarder|partner/i);
	});

	test('an identity changes with every secret the token request sends', () => {
		const base: Record<string, ICredentialDataDecryptedObject> = {
			enkashApi: { environment: 'custom', baseUrl: 'https://enkash.example', oauthClientId: 'c', oauthClientSecret: 's', username: 'u', password: 'p', companyClientId: 'CEK' },
			enboarderOAuth2Api: { region: 'custom', baseUrl: 'https://api.example', tokenUrl: 'https://auth.example/oauth2/token', clientId: 'c', clientSecret: 's', scopes: ['api/workflow.basic'] },
			partnerApi: { tokenUrl: 'https://partner.example/api/oauth/token', clientId: 'c', clientSecret: 's' },
		};
		for (const scheme of TOKEN_SCHEMES) {
			const credentials = base[scheme.credentialType];
			const identity = scheme.identity(credentials);
			assert.equal(scheme.identity({ ...credentials }), identity, `${scheme.credentialType}: stable`);
			assert.equal(scheme.identity({ ...credentials, accessToken: 'x', tokenRenewAt: 5 }), identity, `${scheme.credentialType}: the token is no part of it`);
			for (const field of Object.keys(credentials).filter((name) => name !== 'environment' && name !== 'region' && !(name === 'baseUrl' && scheme.credentialType !== 'enkashApi'))) {
				const changed = Array.isArray(credentials[field]) ? ['api/settings.all'] : `${String(credentials[field])}x`;
				assert.notEqual(scheme.identity({ ...credentials, [field]: changed }), identity, `${scheme.credentialType}: ${field}`);
			}
			assert.doesNotMatch(identity, /enkash\.example|partner\.example|auth\.example/);
		}
	});

	test('a refusal is a token endpoint that answered no; an unreachable or busy one is none', () => {
		const refused = new TokenRequestError('Enkash refused the token request (HTTP 401)', 401, true);
		const busy = new TokenRequestError("Enkash's token endpoint is busy or unavailable (HTTP 503)", 503, false);
		for (const scheme of TOKEN_SCHEMES) {
			assert.equal(scheme.refusal(refused), refused);
			assert.equal(scheme.refusal(busy), undefined);
			assert.equal(scheme.refusal(new Error('ECONNRESET')), undefined);
		}
		assert.equal(refusedByServer(refused), refused);
	});

	test('apply sends the stored token in the scheme’s own header, and refuses a due one', async () => {
		const request: IHttpRequestOptions = { url: 'https://api.example/x' };
		const fresh = { accessToken: 'tok', tokenRenewAt: Date.now() + 60_000 };
		assert.equal((await tokenScheme('enkashApi')!.apply(fresh, request)).headers?.Authorization, 'Bearer tok');
		assert.equal((await tokenScheme('partnerApi')!.apply(fresh, request)).headers?.Authorization, 'Bearer tok');
		assert.equal((await tokenScheme('enboarderOAuth2Api')!.apply(fresh, request)).headers?.Authorization, 'tok');
		for (const scheme of TOKEN_SCHEMES) await assert.rejects(scheme.apply({ accessToken: 'tok', tokenRenewAt: 1 }, request), { name: 'TokenDueError' });
	});
});

describe('TokenManager: refused right after a renewal, per run', () => {
	test('remembered per run and key; another run, or a cleared manager, may renew once more', () => {
		const manager = new TokenManager();
		const run = {};
		manager.refusedAfterRenewal(run, 'k', 'renewed-1');
		assert.equal(manager.wasRefusedAfterRenewal(run, 'k', 'renewed-1'), true);
		assert.equal(manager.wasRefusedAfterRenewal(run, 'k', 'renewed-2'), false);
		assert.equal(manager.wasRefusedAfterRenewal(run, 'other', 'renewed-1'), false);
		assert.equal(manager.wasRefusedAfterRenewal({}, 'k', 'renewed-1'), false, 'the next run tries a renewal again');
		assert.equal(manager.wasRefused('k', 'renewed-1'), false, 'a different record from the tokens never handed out again');
		manager.clear();
		assert.equal(manager.wasRefusedAfterRenewal(run, 'k', 'renewed-1'), false);
	});
});
