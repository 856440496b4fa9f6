/** requestRenewingRefusedToken against a stand-in for n8n's httpRequestWithAuthentication and Enkash's real preAuthentication. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { beforeEach, describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { ENKASH_TOKEN_REFUSAL } from '../../nodes/Enkash/transport/errorResponse';
import { logins, tokens } from '../../shared/token';
import { enkashPasswordGrant } from '../../shared/token/schemes/enkashPasswordGrant';
import { requestRenewingRefusedToken } from '../../shared/transport/tokenRefusal';

const node: INode = {
	id: 'enkash',
	name: 'Enkash',
	type: 'n8n-nodes-token-connectors.enkash',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { enkashApi: { id: 'c1', name: 'Enkash' } },
};

const REFUSED = { errorResponse: { errorType: 'UNAUTHORIZED', errorMessage: 'Access token expired', requestId: '3f2a9c0d11e4b7a8', apiSubErrors: [] }, payload: null };

/**
 * A run context whose `httpRequestWithAuthentication` behaves like n8n-core's for our credential:
 * preAuthentication (Enkash's own) when the token field is empty, its result assigned into the data
 * given; the token endpoint and the API are answered in memory. `accepts` decides which tokens the
 * API takes; its refusals say so in the body of an HTTP 200.
 */
function enkashRun(persisted: ICredentialDataDecryptedObject, accepts: (token: string) => boolean) {
	const counts = { tokenRequests: 0, sent: [] as string[] };
	const helpers = {
		async httpRequest() {
			counts.tokenRequests++;
			await new Promise((resolve) => setImmediate(resolve));
			return { statusCode: 200, body: { accessToken: `renewed-${counts.tokenRequests}`, expiresIn: 300, refreshToken: 'refresh' } };
		},
		async httpRequestWithAuthentication(this: unknown, _type: string, _request: IHttpRequestOptions, options: { credentialsDecrypted: { data: ICredentialDataDecryptedObject } }) {
			const data = options.credentialsDecrypted.data;
			if (data.accessToken === '') Object.assign(data, await enkashPasswordGrant.obtain(helpers as never, data));
			const token = String(data.accessToken);
			counts.sent.push(token);
			await new Promise((resolve) => setImmediate(resolve));
			return { statusCode: 200, headers: {}, body: accepts(token) ? { errorResponse: null, payload: { ok: true } } : REFUSED };
		},
	};
	const credentials = {
		environment: 'custom',
		baseUrl: 'https://enkash.example',
		oauthClientId: 'client',
		oauthClientSecret: 'secret',
		username: 'user@example.com',
		password: 'password',
		companyClientId: 'CEKTEST001',
		// A persisted token that is not yet due, with its refresh token: renewals use the refresh grant
		// (a password login would need the login claim, which this stand-in for n8n does not persist).
		refreshToken: 'refresh-0',
		tokenRenewAt: Date.now() + 600_000,
		...persisted,
	};
	const context = { getNode: () => node, getCredentials: async () => credentials, helpers } as unknown as IExecuteFunctions;
	const send = async (request: Partial<IHttpRequestOptions> = {}) =>
		await requestRenewingRefusedToken(context, 'enkashApi', { method: 'GET', url: '/api/v0/invoice/EKINV1', returnFullResponse: true, json: true, ...request }, ENKASH_TOKEN_REFUSAL);
	return { context, counts, send };
}

describe('a token refused in the body: one shared renewal, one resend', () => {
	beforeEach(() => {
		tokens.clear();
		logins.clear();
	});

	test('20 requests in flight refused with the persisted token: one token request, each resent once with the new token', async () => {
		const run = enkashRun({ accessToken: 'persisted' }, (token) => token.startsWith('renewed-'));
		const answers = await Promise.all(Array.from({ length: 20 }, async () => (await run.send()) as { body: { payload: unknown } }));
		assert.ok(answers.every((answer) => (answer.body.payload as { ok: boolean }).ok));
		assert.equal(run.counts.tokenRequests, 1);
		assert.deepEqual(
			[run.counts.sent.filter((token) => token === 'persisted').length, run.counts.sent.filter((token) => token === 'renewed-1').length],
			[20, 20],
		);
		// The refused token is never handed out again, though the run's credential read still holds it.
		await run.send();
		assert.equal(run.counts.sent.at(-1), 'renewed-1');
	});

	test('the renewed token refused too: a clear error, no third send; later refusals in the run fail without renewing', async () => {
		const run = enkashRun({ accessToken: 'persisted' }, () => false);
		await assert.rejects(run.send(), (error: Error & { description?: string }) => {
			assert.equal(error.message, 'Enkash refused the renewed access token (UNAUTHORIZED: Access token expired)');
			assert.match(String(error.description), /Enkash request ID: 3f2a9c0d11e4b7a8\.$/);
			assert.doesNotMatch(`${error.message} ${error.description}`, /persisted|renewed-1|secret|password/);
			return true;
		});
		assert.deepEqual(run.counts.sent, ['persisted', 'renewed-1']);
		await assert.rejects(run.send(), /refused the renewed access token/);
		assert.deepEqual(run.counts.sent, ['persisted', 'renewed-1', 'renewed-1']);
		assert.equal(run.counts.tokenRequests, 1);
	});

	test('a body that can be sent only once (a stream) is not resent; the next request gets a new token', async () => {
		const run = enkashRun({ accessToken: 'persisted' }, (token) => token.startsWith('renewed-'));
		await assert.rejects(run.send({ method: 'POST', body: Readable.from(['a,b\n']) as never }), /Enkash refused the access token \(UNAUTHORIZED: Access token expired\); this request was not sent again because its body can be sent only once/);
		assert.deepEqual([run.counts.sent, run.counts.tokenRequests], [['persisted'], 0]);
		await run.send();
		assert.deepEqual([run.counts.sent, run.counts.tokenRequests], [['persisted', 'renewed-1'], 1]);
	});

	test('other answers pass through untouched; other error types are no refusal', async () => {
		const run = enkashRun({ accessToken: 'persisted' }, () => true);
		assert.deepEqual(await run.send(), { statusCode: 200, headers: {}, body: { errorResponse: null, payload: { ok: true } } });
		assert.equal(ENKASH_TOKEN_REFUSAL.read({ errorResponse: { errorType: 'INVALID_ACCESS', errorMessage: 'Access denied' } }), undefined);
		assert.equal(ENKASH_TOKEN_REFUSAL.read('<html>'), undefined);
		assert.deepEqual(ENKASH_TOKEN_REFUSAL.read({ errorResponse: { errorType: 'UNAUTHORIZED' } }), { reason: 'UNAUTHORIZED: no message', reference: undefined });
		assert.equal(run.counts.tokenRequests, 0);
	});
});
