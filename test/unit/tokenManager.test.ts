/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LoginGuard, TokenManager, isUsable, renewAtFor, renewalMargin, type TokenSet } from '../../shared/token';

function issuer(lifetimeMs = 60_000) {
	let issued = 0;
	let clock = 1_000_000;
	const fetch = async (): Promise<TokenSet> => {
		issued++;
		await Promise.resolve();
		return { accessToken: `token-${issued}`, renewAt: clock + lifetimeMs };
	};
	return {
		fetch,
		now: () => clock,
		advance: (ms: number) => (clock += ms),
		get issued() {
			return issued;
		},
	};
}

describe('token expiry', () => {
	test('renews 60 s early for long-lived tokens', () => {
		assert.equal(renewalMargin(3_600_000), 60_000);
		assert.equal(renewAtFor(3600, 'opaque', 0), 3_540_000);
	});

	test('renews at three quarters of a short lifetime', () => {
		assert.equal(renewalMargin(2_000), 500);
		assert.equal(renewAtFor(2, 'opaque', 10_000), 11_500);
		assert.equal(renewAtFor('1', 'opaque', 0), 750);
	});

	test('a missing or nonsense lifetime no longer means "until rejected": 5 minutes, renewed 60 s early', () => {
		for (const value of [undefined, null, 0, -5, 'soon', Number.NaN]) assert.equal(renewAtFor(value, 'opaque', 5), 5 + 240_000);
	});

	test('usable: present and before its renewal time; an unknown renewal time (0, from an older version) is due', () => {
		assert.equal(isUsable({ accessToken: 'a', renewAt: 100 }, 99), true);
		assert.equal(isUsable({ accessToken: 'a', renewAt: 100 }, 100), false);
		assert.equal(isUsable({ accessToken: 'a', renewAt: 0 }, 1), false);
		assert.equal(isUsable({ accessToken: 'a' }, 1), false);
		assert.equal(isUsable({ accessToken: 'a', renewAt: Number.NaN }, 1), false);
		assert.equal(isUsable({ accessToken: '', renewAt: 0 }, 0), false);
		assert.equal(isUsable(undefined, 0), false);
	});
});

describe('TokenManager', () => {
	test('fetches once and reuses the token', async () => {
		const manager = new TokenManager();
		const source = issuer();
		const first = await manager.acquire('k', { fetch: source.fetch, now: source.now });
		const second = await manager.acquire('k', { fetch: source.fetch, now: source.now });
		assert.equal(first.accessToken, 'token-1');
		assert.equal(second.accessToken, 'token-1');
		assert.equal(source.issued, 1);
	});

	test('single flight: 100 concurrent callers share one fetch', async () => {
		const manager = new TokenManager();
		const source = issuer();
		const results = await Promise.all(Array.from({ length: 100 }, () => manager.acquire('k', { fetch: source.fetch, now: source.now })));
		assert.equal(source.issued, 1);
		assert.ok(results.every((t) => t.accessToken === 'token-1'));
	});

	test('renews when the renewal time is reached, not before', async () => {
		const manager = new TokenManager();
		const source = issuer(10_000);
		await manager.acquire('k', { fetch: source.fetch, now: source.now });
		source.advance(9_999);
		assert.equal((await manager.acquire('k', { fetch: source.fetch, now: source.now })).accessToken, 'token-1');
		source.advance(1);
		assert.equal((await manager.acquire('k', { fetch: source.fetch, now: source.now })).accessToken, 'token-2');
	});

	test('uses a held (persisted) token without fetching', async () => {
		const manager = new TokenManager();
		const source = issuer();
		const token = await manager.acquire('k', { held: { accessToken: 'persisted', renewAt: source.now() + 1000 }, fetch: source.fetch, now: source.now });
		assert.equal(token.accessToken, 'persisted');
		assert.equal(source.issued, 0);
	});

	test('a 401 renews once; callers rejected with the replaced token get the replacement', async () => {
		const manager = new TokenManager();
		const source = issuer();
		await manager.acquire('k', { fetch: source.fetch, now: source.now });
		const renewed = await Promise.all(
			Array.from({ length: 10 }, () => manager.acquire('k', { rejected: 'token-1', fetch: source.fetch, now: source.now })),
		);
		assert.ok(renewed.every((t) => t.accessToken === 'token-2'));
		// A late caller that was also rejected with token-1 does not renew again.
		assert.equal((await manager.acquire('k', { rejected: 'token-1', fetch: source.fetch, now: source.now })).accessToken, 'token-2');
		assert.equal(source.issued, 2);
	});

	test('a rejected token is never handed out again, even by a caller still holding it; its refresh token serves the renewal', async () => {
		const manager = new TokenManager();
		const source = issuer();
		const held = { accessToken: 'persisted', renewAt: source.now() + 600_000, refreshToken: 'refresh-1' };
		assert.equal(manager.peek('k', held, source.now())?.accessToken, 'persisted');
		manager.reject('k', 'persisted');
		assert.equal(manager.peek('k', held, source.now()), undefined);
		let previous: TokenSet | undefined;
		const renewed = await manager.acquire('k', { held: { ...held, accessToken: '' }, fetch: async (p) => ((previous = p), await source.fetch()), now: source.now });
		assert.equal(renewed.accessToken, 'token-1');
		assert.equal(previous?.refreshToken, 'refresh-1');
		assert.equal(manager.peek('k', held, source.now())?.accessToken, 'token-1');
	});

	test('a token the server issues again after refusing it is usable again', async () => {
		const manager = new TokenManager();
		const renewAt = Date.now() + 600_000;
		await manager.acquire('k', { fetch: async () => ({ accessToken: 'same', renewAt }) });
		manager.reject('k', 'same');
		assert.equal(manager.peek('k', undefined), undefined);
		await manager.acquire('k', { fetch: async () => ({ accessToken: 'same', renewAt }) });
		assert.equal(manager.peek('k', undefined)?.accessToken, 'same');
	});

	test('a failed fetch reaches every waiting caller and is not cached', async () => {
		const manager = new TokenManager();
		let calls = 0;
		const failing = async (): Promise<TokenSet> => {
			calls++;
			await Promise.resolve();
			throw new Error('login rejected');
		};
		const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => manager.acquire('k', { fetch: failing })));
		assert.equal(calls, 1);
		assert.ok(outcomes.every((o) => o.status === 'rejected' && (o.reason as Error).message === 'login rejected'));
		await assert.rejects(manager.acquire('k', { fetch: failing }), /login rejected/);
		assert.equal(calls, 2, 'the manager itself does not remember failures: LoginGuard does');
	});

	test('a held token from an older version (renewAt 0) is renewed once, then its replacement is reused', async () => {
		const manager = new TokenManager();
		const source = issuer();
		const legacy = { accessToken: 'legacy', renewAt: 0, refreshToken: 'refresh-1' };
		let previous: TokenSet | undefined;
		const fetch = async (prior: TokenSet | undefined) => ((previous = prior), await source.fetch());
		assert.equal((await manager.acquire('k', { held: legacy, fetch, now: source.now })).accessToken, 'token-1');
		assert.equal(previous?.refreshToken, 'refresh-1', 'the renewal is offered the refresh token');
		for (let i = 0; i < 5; i++) assert.equal((await manager.acquire('k', { held: legacy, fetch, now: source.now })).accessToken, 'token-1');
		assert.equal(source.issued, 1, 'no loop: the legacy token never wins over the renewed one');
	});

	test('a due access token handed over blank still passes its refresh token to the renewal', async () => {
		const manager = new TokenManager();
		const source = issuer();
		let previous: TokenSet | undefined;
		const fetch = async (prior: TokenSet | undefined) => ((previous = prior), await source.fetch());
		await manager.acquire('k', { held: { accessToken: '', renewAt: 0, refreshToken: 'refresh-2' }, fetch, now: source.now });
		assert.deepEqual(previous, { accessToken: '', renewAt: 0, refreshToken: 'refresh-2' });
		manager.clear();
		await manager.acquire('k', { held: { accessToken: '', renewAt: 0 }, fetch, now: source.now });
		assert.equal(previous, undefined, 'nothing held: a first login');
	});

	test('a refused refresh token is never handed to a renewal again, whoever still holds it (issue 22, part 5)', async () => {
		const manager = new TokenManager();
		const source = issuer();
		const offered: Array<string | undefined> = [];
		const renewal = (refusesRefresh: boolean) => async (previous: TokenSet | undefined) => {
			offered.push(previous?.refreshToken);
			if (previous?.refreshToken && refusesRefresh) {
				manager.refuseRefreshToken('k', previous.refreshToken);
				throw new Error('refresh refused');
			}
			return { ...(await source.fetch()), refreshToken: `refresh-${source.issued + 1}` };
		};
		const held = { accessToken: 'revoked', renewAt: source.now() + 600_000, refreshToken: 'refresh-1' };
		// The first caller's 401: its renewal offers the refresh token, which the server refuses.
		await assert.rejects(manager.acquire('k', { held, rejected: 'revoked', fetch: renewal(true), now: source.now }), /refresh refused/);
		// A second caller refused with the same token afterwards (another item, another execution) still
		// holds the refresh token: its renewal goes straight to the login.
		assert.equal((await manager.acquire('k', { held, rejected: 'revoked', fetch: renewal(true), now: source.now })).accessToken, 'token-1');
		assert.deepEqual(offered, ['refresh-1', undefined]);
		// The refresh token the login brought is offered as usual.
		await manager.acquire('k', { held, rejected: 'token-1', fetch: renewal(false), now: source.now });
		assert.deepEqual(offered, ['refresh-1', undefined, 'refresh-2']);
	});

	test('keys are independent', async () => {
		const manager = new TokenManager();
		const source = issuer();
		await manager.acquire('a', { fetch: source.fetch, now: source.now });
		await manager.acquire('b', { fetch: source.fetch, now: source.now });
		assert.equal(source.issued, 2);
	});
});

describe('LoginGuard', () => {
	test('remembers a rejected login and throws it again without a request', () => {
		const guard = new LoginGuard();
		const rejection = new Error('Enkash rejected the username or password');
		guard.assertNotRejected('fp');
		guard.remember('fp', rejection);
		assert.throws(() => guard.assertNotRejected('fp'), rejection);
		guard.assertNotRejected('other');
		guard.clear();
		guard.assertNotRejected('fp');
	});
});
