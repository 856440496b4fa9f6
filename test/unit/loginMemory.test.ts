/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';

import {
	CLAIM_TTL_MS,
	claimValue,
	LoginCoordination,
	newClaim,
	parseClaim,
	refusalFor,
	refusalRecord,
	storedRefusal,
	TokenRequestError,
} from '../../shared/token';

const SECRETS = ['https://enkash.example', 'client', 'client-secret', 'user@example.com', 'p4ssw0rd', 'CEKABCDEFG'];
const refusal = new TokenRequestError('Enkash refused the token request (HTTP 401: Bad credentials). Check …', 401, true);

describe('refused login remembered in the credential', () => {
	test('matches exactly the refused secrets, and returns the refusal as the user first read it', () => {
		const record = refusalRecord(SECRETS, refusal, new Date('2026-12-02T03:00:00Z'));
		const remembered = refusalFor(record, SECRETS);
		assert.ok(remembered instanceof TokenRequestError);
		assert.equal(remembered.message, refusal.message);
		assert.equal(remembered.httpStatus, 401);
		assert.equal(remembered.rejected, true);
		for (let changed = 0; changed < SECRETS.length; changed++) {
			const other = SECRETS.map((part, index) => (index === changed ? `${String(part)}x` : part));
			assert.equal(refusalFor(record, other), undefined, `changing part ${changed} allows a new login`);
		}
	});

	test('keeps no secret: neither in clear nor as an unsalted hash; each record has its own salt', () => {
		const record = refusalRecord(SECRETS, refusal);
		for (const secret of ['p4ssw0rd', 'client-secret']) {
			assert.doesNotMatch(record, new RegExp(secret));
			assert.doesNotMatch(record, new RegExp(createHash('sha256').update(secret).digest('hex')));
		}
		const again = refusalRecord(SECRETS, refusal);
		assert.notEqual(JSON.parse(again).salt, JSON.parse(record).salt);
		assert.notEqual(JSON.parse(again).mac, JSON.parse(record).mac);
		assert.ok(refusalFor(again, SECRETS));
	});

	test('an empty, unreadable or foreign value remembers nothing', () => {
		for (const value of ['', undefined, 42, 'not json', '{"v":2}', JSON.stringify({ v: 1, salt: 'zz', mac: 'zz', message: 'x' })]) {
			assert.equal(refusalFor(value, SECRETS), undefined, String(value));
		}
		assert.equal(storedRefusal(''), undefined);
		assert.equal(storedRefusal(refusalRecord(SECRETS, refusal))?.message, refusal.message);
	});
});

describe('login claim', () => {
	test('a claim reads back as written and expires after CLAIM_TTL_MS', () => {
		const claim = newClaim(1_000);
		assert.equal(claim.until, 1_000 + CLAIM_TTL_MS);
		assert.deepEqual(parseClaim(claimValue(claim)), claim);
		assert.notEqual(newClaim(1_000).nonce, claim.nonce);
		for (const value of ['', undefined, 'abc.123', `${claim.nonce}.`, `${claim.nonce}.12x`]) assert.equal(parseClaim(value), undefined, String(value));
	});

	test('coordinated requests may log in only while this process holds a live claim', async () => {
		const coordination = new LoginCoordination();
		assert.equal(coordination.mayLogIn('k'), true, 'uncoordinated (HTTP Request node, Test button): as before');
		await coordination.within('k', async () => {
			assert.equal(coordination.mayLogIn('k'), false);
			assert.equal(coordination.mayLogIn('other'), true);
			const claim = newClaim(0);
			coordination.grant('k', claim);
			assert.equal(coordination.mayLogIn('k', claim.until - 1), true);
			assert.equal(coordination.mayLogIn('k', claim.until), false, 'a claim outlived is no licence');
			coordination.grant('k', newClaim(Date.now()));
			coordination.release('k');
			assert.equal(coordination.mayLogIn('k'), false, 'released with the login');
			await coordination.within('k', async () => assert.equal(coordination.mayLogIn('k'), false));
			assert.equal(coordination.mayLogIn('k'), false, 'nested: still coordinated');
		});
		assert.equal(coordination.mayLogIn('k'), true);
	});

	test('a claim being written is recognised by its value, and only while it is written', async () => {
		const coordination = new LoginCoordination();
		const value = claimValue(newClaim(0));
		await coordination.writingClaim('k', value, async () => {
			assert.equal(coordination.claimToWrite('k'), value);
			assert.equal(coordination.isBeingWritten(value), true);
			assert.equal(coordination.isBeingWritten(claimValue(newClaim(0))), false);
		});
		assert.equal(coordination.claimToWrite('k'), undefined);
		assert.equal(coordination.isBeingWritten(value), false);
	});
});
