/** The token lifetime rule (shared/token/tokenSet.ts) case by case, with the clock injected. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IHttpRequestHelper } from 'n8n-workflow';

import {
	DEFAULT_TOKEN_LIFETIME_MS,
	MAX_TOKEN_LIFETIME_MS,
	TokenDueError,
	bearerAuthenticate,
	jwtTimes,
	renewAtFor,
	requestToken,
	tokenLifetime,
	withStoredToken,
} from '../../shared/token';

const NOW = 1_750_000_000_000;

function part(value: unknown): string {
	return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** A JWT as an issuer would send it (the signature is never checked, so any will do). */
function jwt(claims: Record<string, unknown>, signature = 'c2lnbmF0dXJl'): string {
	return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${signature}`;
}

const OPAQUE = 'kT3q0v7Yh2mXc9bLw4sRz1PeA8nUoF5g';

describe('token lifetime: expires_in', () => {
	test('a finite positive number is used as is', () => {
		assert.deepEqual(tokenLifetime(3600, OPAQUE, NOW), { lifetimeMs: 3_600_000, source: 'expires_in' });
		assert.equal(renewAtFor(3600, OPAQUE, NOW), NOW + 3_600_000 - 60_000);
		assert.equal(renewAtFor(1.5, OPAQUE, NOW), NOW + 1_500 - 375);
	});

	test('a numeric string counts ("3600", " 300 ", "2.5")', () => {
		assert.deepEqual(tokenLifetime('3600', OPAQUE, NOW), { lifetimeMs: 3_600_000, source: 'expires_in' });
		assert.equal(tokenLifetime(' 300 ', OPAQUE, NOW).lifetimeMs, 300_000);
		assert.equal(tokenLifetime('2.5', OPAQUE, NOW).lifetimeMs, 2_500);
	});

	const unusable: Array<[string, unknown]> = [
		['missing', undefined],
		['null', null],
		['0', 0],
		['"0"', '0'],
		['negative', -3600],
		['"-300"', '-300'],
		['NaN', Number.NaN],
		['Infinity', Number.POSITIVE_INFINITY],
		['"abc"', 'abc'],
		['empty string', ''],
		['"0x10" (hex)', '0x10'],
		['"1e3" (exponent)', '1e3'],
		['true', true],
		['[3600]', [3600]],
		['an object', { seconds: 3600 }],
		['under a second (0.2)', 0.2],
	];
	for (const [name, value] of unusable) {
		test(`${name} → the 5-minute default (opaque token), renewed 60 s early`, () => {
			assert.deepEqual(tokenLifetime(value, OPAQUE, NOW), { lifetimeMs: DEFAULT_TOKEN_LIFETIME_MS, source: 'default' });
			assert.equal(renewAtFor(value, OPAQUE, NOW), NOW + 300_000 - 60_000);
		});
	}

	test('absurdly long (a lifetime in milliseconds read as seconds) is capped at a day', () => {
		assert.deepEqual(tokenLifetime(3_600_000, OPAQUE, NOW), { lifetimeMs: MAX_TOKEN_LIFETIME_MS, source: 'expires_in' });
	});
});

describe('token lifetime: JWT exp when expires_in is unusable', () => {
	test('exp − now, renewed 60 s before exp', () => {
		const token = jwt({ sub: 'x', exp: NOW / 1000 + 600 });
		assert.deepEqual(tokenLifetime(undefined, token, NOW), { lifetimeMs: 600_000, source: 'jwt' });
		assert.equal(renewAtFor(undefined, token, NOW), NOW + 600_000 - 60_000);
		for (const value of [0, -1, 'abc', null]) assert.equal(renewAtFor(value, token, NOW), NOW + 540_000);
	});

	test('a fractional exp (a NumericDate may have one) is honoured to the millisecond', () => {
		const exp = NOW / 1000 + 2.345;
		assert.equal(renewAtFor(undefined, jwt({ exp }), NOW), Math.floor(exp * 1000 - 586));
	});

	test('a 2-second JWT is renewed at three quarters of its life', () => {
		assert.equal(renewAtFor(undefined, jwt({ exp: NOW / 1000 + 2 }), NOW), NOW + 1_500);
	});

	test('exp already past by our clock, no iat → not believed (our clock is ahead): the default, no renewal loop', () => {
		const token = jwt({ exp: NOW / 1000 - 30 });
		assert.deepEqual(tokenLifetime(undefined, token, NOW), { lifetimeMs: DEFAULT_TOKEN_LIFETIME_MS, source: 'default' });
		assert.ok(renewAtFor(undefined, token, NOW) > NOW, 'the new token is usable');
	});

	test('exp within a second by our clock → not believed either', () => {
		assert.equal(tokenLifetime(undefined, jwt({ exp: NOW / 1000 + 0.5 }), NOW).source, 'default');
		assert.equal(tokenLifetime(undefined, jwt({ exp: NOW / 1000 }), NOW).source, 'default');
	});

	test("exp past by our clock but iat given → the issuer's own exp − iat", () => {
		// Our clock is 10 minutes ahead of the issuer's: it issued at its "now" a 5-minute token.
		const issuerNow = NOW / 1000 - 600;
		assert.deepEqual(tokenLifetime(undefined, jwt({ iat: issuerNow, exp: issuerNow + 300 }), NOW), { lifetimeMs: 300_000, source: 'jwt' });
	});

	test("our clock behind the issuer's: exp − iat is shorter than exp − now, and wins", () => {
		// Issuer's clock 2 minutes ahead of ours: by our clock exp looks 7 minutes away.
		const issuerNow = NOW / 1000 + 120;
		assert.deepEqual(tokenLifetime(undefined, jwt({ iat: issuerNow, exp: issuerNow + 300 }), NOW), { lifetimeMs: 300_000, source: 'jwt' });
	});

	test('a token issued earlier (iat in the past, clocks agree) lives only until exp', () => {
		assert.equal(tokenLifetime(undefined, jwt({ iat: NOW / 1000 - 3000, exp: NOW / 1000 + 600 }), NOW).lifetimeMs, 600_000);
	});

	test('exp absurdly far away (in milliseconds) is capped at a day', () => {
		assert.deepEqual(tokenLifetime(undefined, jwt({ exp: NOW + 3_600_000 }), NOW), { lifetimeMs: MAX_TOKEN_LIFETIME_MS, source: 'jwt' });
		assert.equal(tokenLifetime(undefined, jwt({ exp: 1e300 }), NOW).lifetimeMs, MAX_TOKEN_LIFETIME_MS);
	});
});

describe('token lifetime: expires_in and JWT exp both present → the shorter', () => {
	test('expires_in shorter than exp → expires_in', () => {
		assert.deepEqual(tokenLifetime(300, jwt({ exp: NOW / 1000 + 3600 }), NOW), { lifetimeMs: 300_000, source: 'expires_in' });
	});

	test('exp sooner than expires_in (a static expires_in) → exp', () => {
		assert.deepEqual(tokenLifetime(3600, jwt({ exp: NOW / 1000 + 300 }), NOW), { lifetimeMs: 300_000, source: 'jwt' });
	});

	test('an exp that is not believed (already past) leaves expires_in alone', () => {
		assert.deepEqual(tokenLifetime(3600, jwt({ exp: NOW / 1000 - 30 }), NOW), { lifetimeMs: 3_600_000, source: 'expires_in' });
	});
});

describe('token lifetime: tokens that are not JWTs, or malformed ones → the default', () => {
	const notJwts: Array<[string, string]> = [
		['opaque', OPAQUE],
		['two parts', `${part({ alg: 'none' })}.${part({ exp: NOW / 1000 + 600 })}`],
		['four parts', `${jwt({ exp: NOW / 1000 + 600 })}.x`],
		['payload not JSON', `${part({ alg: 'HS256' })}.${part('{"exp": 1750000600')}.sig`],
		['payload not base64url', `${part({ alg: 'HS256' })}.eyJ+ZXhwIjo=.sig`],
		['payload a JSON array', `${part({ alg: 'HS256' })}.${part([NOW / 1000 + 600])}.sig`],
		['payload without exp', jwt({ sub: 'x', iat: NOW / 1000 })],
		['exp a string', jwt({ exp: String(NOW / 1000 + 600) })],
		['exp null', jwt({ exp: null })],
		['header not JSON', `${part('not json')}.${part({ exp: NOW / 1000 + 600 })}.sig`],
		['empty header', `.${part({ exp: NOW / 1000 + 600 })}.sig`],
		['dots only', '..'],
	];
	for (const [name, token] of notJwts) {
		test(name, () => {
			assert.equal(jwtTimes(token), undefined);
			assert.deepEqual(tokenLifetime(undefined, token, NOW), { lifetimeMs: DEFAULT_TOKEN_LIFETIME_MS, source: 'default' });
		});
	}

	test('an unsigned JWT (empty signature) is still read', () => {
		assert.deepEqual(jwtTimes(jwt({ exp: 1_750_000_600 }, '')), { exp: 1_750_000_600 });
	});
});

describe('the rule where tokens are read (requestToken), either casing, also inside an Enkash payload', () => {
	function answering(body: unknown): IHttpRequestHelper['helpers'] {
		return { httpRequest: async () => ({ statusCode: 200, body, headers: {} }) } as unknown as IHttpRequestHelper['helpers'];
	}
	const request = { vendor: 'Test', url: 'http://127.0.0.1/token', json: {}, now: () => NOW };

	const cases: Array<[string, unknown, number]> = [
		['expires_in number', { access_token: OPAQUE, expires_in: 3600 }, NOW + 3_540_000],
		['expiresIn numeric string', { accessToken: OPAQUE, expiresIn: '300' }, NOW + 240_000],
		['expires_in missing, opaque', { access_token: OPAQUE }, NOW + 240_000],
		['expires_in 0, opaque', { access_token: OPAQUE, expires_in: 0 }, NOW + 240_000],
		['expires_in missing, JWT', { access_token: jwt({ exp: NOW / 1000 + 900 }) }, NOW + 840_000],
		['inside payload, numeric string', { payload: { accessToken: OPAQUE, expiresIn: '600' } }, NOW + 540_000],
		['inside payload, negative, JWT', { payload: { accessToken: jwt({ exp: NOW / 1000 + 900 }), expiresIn: -1 } }, NOW + 840_000],
	];
	for (const [name, body, renewAt] of cases) {
		test(name, async () => {
			assert.equal((await requestToken(answering(body), request)).renewAt, renewAt);
		});
	}
});

describe('a stored token due for renewal is not sent', () => {
	const request = { url: 'http://127.0.0.1/x', headers: { Accept: 'application/json' } };

	test('a usable token is attached', async () => {
		const options = await bearerAuthenticate({ accessToken: 'tok-1', tokenRenewAt: Date.now() + 60_000 }, request);
		assert.deepEqual(options.headers, { Accept: 'application/json', Authorization: 'Bearer tok-1' });
		assert.equal(withStoredToken({ accessToken: 'tok-2', tokenRenewAt: NOW + 1 }, request, (t) => t, NOW).headers?.Authorization, 'tok-2');
	});

	for (const [name, renewAt] of [
		['past its renewal time', NOW - 1],
		['exactly at it', NOW],
		['0 (persisted by an older version)', 0],
		['missing', undefined],
	] as const) {
		test(`${name} → a 401-like error n8n answers by renewing; the token is not in it`, () => {
			const credentials = { accessToken: 'secret-token-value', ...(renewAt === undefined ? {} : { tokenRenewAt: renewAt }) };
			assert.throws(
				() => withStoredToken(credentials, request, (t) => `Bearer ${t}`, NOW),
				(error: unknown) =>
					error instanceof TokenDueError && error.response.status === 401 && !JSON.stringify({ ...error, message: error.message }).includes('secret-token-value'),
			);
		});
	}
});
