/** The sandbox's token response control (`setTokenResponse`): every token endpoint, every form of expires_in, opaque and JWT tokens. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ACCESS_TOKEN_FORMS, DEMO_CREDENTIALS, EXPIRES_IN_FORMS, SandboxClient, SEED_FACTS } from '../../sandbox';
import type { ExpiresInForm, Sandbox, Vendor, VendorBaseUrls } from '../../sandbox';
import { apiKeyHeader, basic, call, enkashClientHeader, enkashLogin, patTokens, sleep, useSandbox } from './support';

type Json = Record<string, unknown>;

function claimsOf(token: string): Json {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Json;
}

/** The four token endpoints, each with a way to get a token answer and to use its token once. */
interface Endpoint {
	name: string;
	vendor: Vendor;
	/** The lifetime field's name in this answer. */
	field: 'expires_in' | 'expiresIn';
	answer(urls: VendorBaseUrls): Promise<Json>;
	accessToken(body: Json): string;
	/** Status of one API call made with the token. */
	use(urls: VendorBaseUrls, token: string): Promise<number>;
}

const enkashUse = async (urls: VendorBaseUrls, token: string) =>
	(await call(`${urls.enkash}/api/v0/customer/${SEED_FACTS.enkash.activeCustomerId}/contacts`, { headers: { Authorization: `Bearer ${token}` } })).status;

const ENDPOINTS: Endpoint[] = [
	{
		name: 'Enkash password grant',
		vendor: 'enkash',
		field: 'expiresIn',
		answer: async (urls) => (await enkashLogin(urls)).body as Json,
		accessToken: (body) => body.accessToken as string,
		use: enkashUse,
	},
	{
		name: 'Enkash refresh grant',
		vendor: 'enkash',
		field: 'expiresIn',
		answer: async (urls) => {
			const login = (await enkashLogin(urls)).body as Json;
			const form = { grant_type: 'refresh_token', refresh_token: login.refreshToken as string };
			return (await call(`${urls.enkash}/oauth/token`, { headers: { Authorization: enkashClientHeader }, form })).body as Json;
		},
		accessToken: (body) => body.accessToken as string,
		use: enkashUse,
	},
	{
		name: 'Enboarder OAuth2 client credentials',
		vendor: 'enboarder',
		field: 'expires_in',
		answer: async (urls) => {
			const headers = { Authorization: basic(DEMO_CREDENTIALS.enboarder.clientId, DEMO_CREDENTIALS.enboarder.clientSecret) };
			return (await call(urls.enboarderTokenUrl, { headers, form: { grant_type: 'client_credentials' } })).body as Json;
		},
		accessToken: (body) => body.access_token as string,
		use: async (urls, token) => (await call(`${urls.enboarder}/reports/workflows`, { headers: { Authorization: token } })).status,
	},
	{
		name: 'Partner API client credentials',
		vendor: 'partner',
		field: 'expires_in',
		answer: async (urls) => {
			const json = { grant_type: 'client_credentials', client_id: DEMO_CREDENTIALS.partner.clientId, client_secret: DEMO_CREDENTIALS.partner.clientSecret };
			return (await call(urls.partnerTokenUrl, { json })).body as Json;
		},
		accessToken: (body) => body.access_token as string,
		use: async (urls, token) => (await call(`${urls.partner}/api/bookings/none`, { headers: { Authorization: `Bearer ${token}` } })).status,
	},
	{
		name: 'PAT authorization code',
		vendor: 'pat',
		field: 'expires_in',
		answer: async (urls) => (await patTokens(urls)) as unknown as Json,
		accessToken: (body) => body.access_token as string,
		use: async (urls, token) => (await call(`${urls.pat}/api/me`, { headers: { Authorization: `Bearer ${token}` } })).status,
	},
];

/** The Partner API answers 404 for an unknown booking once the token is accepted. */
const ACCEPTED: Record<Vendor, number> = { enkash: 200, enboarder: 200, partner: 404, pat: 200 };

/** What `expires_in` reads for a 300-second token, by form; `undefined`: the field is left out. */
const STATED: Record<ExpiresInForm, unknown> = {
	number: 300,
	'numeric-string': '300',
	missing: undefined,
	null: null,
	zero: 0,
	negative: -300,
	'not-a-number': 'abc',
};

describe('Sandbox token responses (setTokenResponse)', () => {
	let sandbox: Sandbox;
	let urls: VendorBaseUrls;

	useSandbox((started, startedUrls) => {
		sandbox = started;
		urls = startedUrls;
	});

	for (const endpoint of ENDPOINTS) {
		describe(endpoint.name, () => {
			for (const form of EXPIRES_IN_FORMS) {
				test(`expires_in ${form}`, async () => {
					await sandbox.control.setTokenLifetime(endpoint.vendor, 300);
					await sandbox.control.setTokenResponse(endpoint.vendor, { expiresIn: form });
					const body = await endpoint.answer(urls);
					if (STATED[form] === undefined) assert.ok(!(endpoint.field in body), `no ${endpoint.field}: ${Object.keys(body).join(', ')}`);
					else assert.deepEqual(body[endpoint.field], STATED[form]);
					assert.ok(!('expires_in' in body && 'expiresIn' in body));
					assert.equal(await endpoint.use(urls, endpoint.accessToken(body)), ACCEPTED[endpoint.vendor], 'the token itself is good');
				});
			}

			test("a JWT whose exp is the token's real expiry: accepted until then, refused after", async () => {
				await sandbox.control.setTokenLifetime(endpoint.vendor, 1);
				await sandbox.control.setTokenResponse(endpoint.vendor, { accessToken: 'jwt', expiresIn: 'missing' });
				const before = Date.now();
				const body = await endpoint.answer(urls);
				const after = Date.now();
				const token = endpoint.accessToken(body);
				assert.equal(token.split('.').length, 3);
				const claims = claimsOf(token);
				assert.equal(typeof claims.exp, 'number');
				assert.equal(typeof claims.iat, 'number');
				assert.ok(Math.abs((claims.exp as number) - (claims.iat as number) - 1) < 1e-6, 'exp − iat is the lifetime');
				const expMs = (claims.exp as number) * 1000;
				assert.ok(expMs >= before + 1000 && expMs <= after + 1000, `exp ${expMs} within [${before + 1000}, ${after + 1000}]`);
				assert.equal(await endpoint.use(urls, token), ACCEPTED[endpoint.vendor]);
				await sleep(Math.max(0, expMs - Date.now()) + 50);
				assert.equal(await endpoint.use(urls, token), 401, 'refused once exp has passed');
				assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'expired');
			});
		});
	}

	test('Partner: opaque tokens work (scopes from the issued token), and a JWT must still bear the signature', async () => {
		await sandbox.control.setTokenResponse('partner', { accessToken: 'opaque' });
		const partner = ENDPOINTS.find((e) => e.vendor === 'partner')!;
		const opaque = partner.accessToken(await partner.answer(urls));
		assert.equal(opaque.split('.').length, 1);
		assert.equal(await partner.use(urls, opaque), 404);
		const readOnly = await call(urls.partnerTokenUrl, {
			json: { grant_type: 'client_credentials', client_id: DEMO_CREDENTIALS.partner.readOnlyClientId, client_secret: DEMO_CREDENTIALS.partner.readOnlyClientSecret },
		});
		const created = await call(`${urls.partner}/api/bookings`, { headers: { Authorization: `Bearer ${readOnly.body.access_token}` }, json: {} });
		assert.equal(created.status, 403);

		await sandbox.control.setTokenResponse('partner', {});
		const jwt = partner.accessToken(await partner.answer(urls));
		const [header, payload] = jwt.split('.');
		assert.equal(await partner.use(urls, `${header}.${payload}.${'A'.repeat(43)}`), 401);
	});

	test('defaults: expires_in a number; Partner tokens JWTs, the others opaque', async () => {
		for (const endpoint of ENDPOINTS) {
			const body = await endpoint.answer(urls);
			assert.equal(typeof body[endpoint.field], 'number', endpoint.name);
			assert.equal(endpoint.accessToken(body).split('.').length, endpoint.vendor === 'partner' ? 3 : 1, endpoint.name);
		}
	});

	test('Enkash snake_case answers follow the form too', async () => {
		await sandbox.control.setEnkashTokenCasing('snake');
		await sandbox.control.setTokenResponse('enkash', { expiresIn: 'numeric-string', accessToken: 'jwt' });
		const body = (await enkashLogin(urls)).body as Json;
		assert.equal(body.expires_in, '300');
		assert.equal(typeof claimsOf(body.access_token as string).exp, 'number');
		await sandbox.control.setTokenResponse('enkash', { expiresIn: 'missing' });
		assert.deepEqual(Object.keys((await enkashLogin(urls)).body).sort(), ['access_token', 'refresh_token', 'scope', 'token_type']);
	});

	test('a vendor setting leaves the other vendors alone; fields left out return to the default; reset() clears it', async () => {
		await sandbox.control.setTokenResponse('enkash', { expiresIn: 'zero', accessToken: 'jwt' });
		const [enkash, enkashRefresh, enboarder] = ENDPOINTS;
		assert.equal(typeof (await enboarder.answer(urls)).expires_in, 'number');
		assert.equal((await enkash.answer(urls)).expiresIn, 0);
		await sandbox.control.setTokenResponse('enkash', { accessToken: 'jwt' });
		const body = await enkashRefresh.answer(urls);
		assert.equal(body.expiresIn, 300);
		assert.equal((body.accessToken as string).split('.').length, 3);
		await sandbox.control.reset();
		const reset = await enkash.answer(urls);
		assert.equal(reset.expiresIn, 300);
		assert.equal((reset.accessToken as string).split('.').length, 1);
	});

	test('bad values are refused, in process and over HTTP', async () => {
		const client = new SandboxClient(sandbox.url);
		for (const control of [sandbox.control, client]) {
			await assert.rejects(control.setTokenResponse('nobody' as never, {}), /Unknown vendor/);
			await assert.rejects(control.setTokenResponse('enkash', { expiresIn: 'soon' as never }), /expiresIn must be one of number, numeric-string/);
			await assert.rejects(control.setTokenResponse('enkash', { accessToken: 'paseto' as never }), /accessToken must be one of opaque, jwt/);
			await assert.rejects(control.setTokenResponse('enkash', { lifetime: 5 } as never), /Unknown token response field lifetime/);
		}
		assert.deepEqual(ACCESS_TOKEN_FORMS, ['opaque', 'jwt']);
	});

	test('SandboxClient drives it over HTTP', async () => {
		const client = new SandboxClient(sandbox.url);
		await client.setTokenResponse('enboarder', { expiresIn: 'negative', accessToken: 'jwt' });
		const body = await ENDPOINTS[2].answer(urls);
		assert.equal(body.expires_in, -3600);
		assert.equal(typeof claimsOf(body.access_token as string).exp, 'number');
		assert.equal((await call(`${urls.enboarder}/reports/workflows`, { headers: apiKeyHeader })).status, 200);
	});
});
