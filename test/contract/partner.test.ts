/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { DEMO_CREDENTIALS, startSandbox } from '../../sandbox';
import type { Sandbox, VendorBaseUrls } from '../../sandbox';
import { call, partnerToken, sleep, urlsOf, useSandbox } from './support';

const P = DEMO_CREDENTIALS.partner;

function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
	const [header, payload] = token.split('.');
	return {
		header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
		claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
	};
}

describe('Partner API contract', () => {
	let sandbox: Sandbox;
	let urls: VendorBaseUrls;
	let bookings: string;

	useSandbox((started, startedUrls) => {
		sandbox = started;
		urls = startedUrls;
		bookings = `${urls.partner}/api/bookings`;
	});

	const booking = (extra: Record<string, unknown> = {}) => ({
		customer_name: 'Ravi Kumar',
		customer_email: 'ravi@example.com',
		starts_at: '2030-05-01T18:30:00+05:30',
		party_size: 4,
		external_reference: 'ORDER-1',
		...extra,
	});
	const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

	describe('POST /api/oauth/token', () => {
		test('issues a real HS256 JWT with the documented claims', async () => {
			const result = await call(urls.partnerTokenUrl, {
				headers: { Accept: 'application/json' },
				json: { grant_type: 'client_credentials', client_id: P.clientId, client_secret: P.clientSecret },
			});
			assert.equal(result.status, 200);
			assert.deepEqual(Object.keys(result.body).sort(), ['access_token', 'expires_in', 'token_type']);
			assert.equal(result.body.token_type, 'Bearer');
			assert.equal(result.body.expires_in, 3600);
			const { header, claims } = decodeJwt(result.body.access_token);
			assert.deepEqual(header, { typ: 'JWT', alg: 'HS256' });
			for (const claim of ['aud', 'jti', 'iat', 'nbf', 'exp', 'sub', 'scopes', 'user_id', 'partner_id', 'is_test']) {
				assert.ok(claim in claims, `claim ${claim}`);
			}
			assert.equal(claims.sub, '');
			assert.equal(claims.is_test, true);
			assert.deepEqual(claims.scopes, ['bookings:create', 'bookings:read', 'bookings:delete']);
			assert.ok(Math.abs((claims.exp as number) - (claims.iat as number) - 3600) < 0.01);
		});

		test('the read-only client gets only bookings:read', async () => {
			const { claims } = decodeJwt(await partnerToken(urls, true));
			assert.deepEqual(claims.scopes, ['bookings:read']);
		});

		test('a body that is not JSON is 415', async () => {
			const result = await call(urls.partnerTokenUrl, {
				form: { grant_type: 'client_credentials', client_id: P.clientId, client_secret: P.clientSecret },
			});
			assert.equal(result.status, 415);
		});

		test('a wrong or missing client is 401 invalid_client', async () => {
			for (const body of [
				{ grant_type: 'client_credentials', client_id: P.clientId, client_secret: 'wrong' },
				{ grant_type: 'client_credentials', client_id: 'unknown', client_secret: P.clientSecret },
				{ grant_type: 'client_credentials' },
			]) {
				const result = await call(urls.partnerTokenUrl, { json: body });
				assert.equal(result.status, 401);
				assert.equal(result.body.error, 'invalid_client');
			}
		});

		test('another grant type is 400 unsupported_grant_type', async () => {
			const result = await call(urls.partnerTokenUrl, {
				json: { grant_type: 'refresh_token', client_id: P.clientId, client_secret: P.clientSecret, refresh_token: 'x' },
			});
			assert.equal(result.status, 400);
			assert.equal(result.body.error, 'unsupported_grant_type');
		});
	});

	describe('bookings', () => {
		test('create (201), read (200), delete (204), then 404', async () => {
			const token = await partnerToken(urls);
			const created = await call(bookings, { headers: bearer(token), json: booking() });
			assert.equal(created.status, 201);
			assert.equal(typeof created.body.id, 'string');
			assert.equal(created.body.status, 'confirmed');
			assert.equal(created.body.customer_email, 'ravi@example.com');
			const read = await call(`${bookings}/${created.body.id}`, { headers: bearer(token) });
			assert.equal(read.status, 200);
			assert.deepEqual(read.body, created.body);
			const deleted = await call(`${bookings}/${created.body.id}`, { method: 'DELETE', headers: bearer(token) });
			assert.equal(deleted.status, 204);
			const gone = await call(`${bookings}/${created.body.id}`, { headers: bearer(token) });
			assert.equal(gone.status, 404);
			assert.equal(typeof gone.body.message, 'string');
			const goneDelete = await call(`${bookings}/${created.body.id}`, { method: 'DELETE', headers: bearer(token) });
			assert.equal(goneDelete.status, 404);
			const records = (await sandbox.control.ledger()).records;
			assert.deepEqual(records.map((r) => [r.vendor, r.type, r.id, r.externalId]), [['partner', 'booking', created.body.id, 'ORDER-1']]);
		});

		test('an invalid body is 422 {message, errors:{field:[msg]}}', async () => {
			const token = await partnerToken(urls);
			const result = await call(bookings, {
				headers: bearer(token),
				json: { customer_email: 'not-an-email', starts_at: 'tomorrow', party_size: 0 },
			});
			assert.equal(result.status, 422);
			assert.equal(typeof result.body.message, 'string');
			assert.deepEqual(Object.keys(result.body.errors).sort(), ['customer_email', 'customer_name', 'party_size', 'starts_at']);
			for (const messages of Object.values(result.body.errors)) {
				assert.ok(Array.isArray(messages) && messages.length > 0 && typeof messages[0] === 'string');
			}
			assert.equal((await sandbox.control.ledger()).records.length, 0);
		});

		test('missing, malformed, tampered, foreign tokens are 401 Unauthenticated.', async () => {
			const token = await partnerToken(urls);
			const [h, p, s] = token.split('.');
			const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
			const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp as number + 99999 })).toString('base64url')}.${s}`;
			const other = await startSandbox({ port: 0 });
			let foreign: string;
			try {
				foreign = await partnerToken(urlsOf(other.url));
			} finally {
				await other.close();
			}
			for (const headers of [{}, { Authorization: 'Bearer' }, { Authorization: 'Bearer nonsense' }, { Authorization: token }, bearer(tampered), bearer(foreign)]) {
				const result = await call(bookings, { headers, json: booking() });
				assert.equal(result.status, 401, JSON.stringify(headers).slice(0, 40));
				assert.deepEqual(result.body, { message: 'Unauthenticated.' });
			}
			const auth = (await sandbox.control.ledger()).requests.slice(1).map((r) => r.auth);
			assert.deepEqual(auth, ['missing', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
		});

		test('an expired token is 401', async () => {
			await sandbox.control.setTokenLifetime('partner', 1);
			const token = await partnerToken(urls);
			const { claims } = decodeJwt(token);
			assert.ok((claims.exp as number) - (claims.iat as number) <= 1.01);
			assert.equal((await call(`${bookings}/missing`, { headers: bearer(token) })).status, 404);
			await sleep(1100);
			const result = await call(`${bookings}/missing`, { headers: bearer(token) });
			assert.equal(result.status, 401);
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'expired');
		});

		test('a revoked token is 401', async () => {
			const token = await partnerToken(urls);
			await sandbox.control.revokeTokens('partner');
			const result = await call(bookings, { headers: bearer(token), json: booking() });
			assert.equal(result.status, 401);
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'revoked');
			const fresh = await partnerToken(urls);
			assert.equal((await call(bookings, { headers: bearer(fresh), json: booking() })).status, 201);
		});

		test('each route checks its scope: 403 Forbidden: missing scope …', async () => {
			const full = await partnerToken(urls);
			const created = await call(bookings, { headers: bearer(full), json: booking() });
			const readOnly = await partnerToken(urls, true);
			const create = await call(bookings, { headers: bearer(readOnly), json: booking() });
			assert.equal(create.status, 403);
			assert.deepEqual(create.body, { message: 'Forbidden: missing scope bookings:create' });
			const remove = await call(`${bookings}/${created.body.id}`, { method: 'DELETE', headers: bearer(readOnly) });
			assert.equal(remove.status, 403);
			assert.deepEqual(remove.body, { message: 'Forbidden: missing scope bookings:delete' });
			const read = await call(`${bookings}/${created.body.id}`, { headers: bearer(readOnly) });
			assert.equal(read.status, 200);
			assert.equal((await sandbox.control.stats()).partner.status403, 2);
		});
	});

	test('unknown routes are 404 {message}', async () => {
		const result = await call(`${urls.partner}/api/nothing`);
		assert.equal(result.status, 404);
		assert.equal(typeof result.body.message, 'string');
	});
});
