/** Enkash saying "token refused" in its envelope (UNAUTHORIZED, on 200/400/403) is handled like a 401, under concurrency. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject, type INode } from 'n8n-workflow';

import { SEED_FACTS, type RequestEntry } from '../../sandbox';
import { HarnessCredentialsHelper, loadExample, packageTypes, pollNode, resetTokenState, runWorkflow, type WorkflowJson } from '../harness';
import { hostData } from '../harness/runWorkflow';
import { enkashCredentialData, enkashWorkflow, useEnkashSandbox } from './support/enkash';

const GET = 'Get Invoice';
const CREATE = 'Create Invoice';
const CUSTOMER = SEED_FACTS.enkash.activeCustomerId;
const RENEWED_TOKEN_REFUSED = 'Enkash refused the renewed access token (UNAUTHORIZED: Access token is not valid)';

describe('Enkash: token refused in the answer body (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	/** A credential of its own, with no token yet: every count below starts from zero. */
	async function freshCredentials(): Promise<HarnessCredentialsHelper> {
		const helper = new HarnessCredentialsHelper();
		await helper.add({ id: 'sandbox-enkash', name: 'Enkash sandbox', type: 'enkashApi', data: enkashCredentialData(suite.sandbox.url) });
		return helper;
	}

	function getInvoices(concurrency: number, settings: IDataObject = {}): WorkflowJson {
		const json = loadExample('enkash-get-invoice.json');
		const node = json.nodes.find((n) => n.name === GET)!;
		node.parameters.options = { concurrency };
		Object.assign(node, settings);
		return json;
	}

	function invoiceItems(count: number): IDataObject[] {
		return Array.from({ length: count }, (_, i) => ({ invoiceId: `EKINV${String(1000000001 + (i % 5000)).padStart(10, '0')}` }));
	}

	/** Enkash requests after `since` (a ledger seq). */
	async function enkashRequests(since = 0): Promise<RequestEntry[]> {
		return (await suite.sandbox.control.ledger(since)).requests.filter((r) => r.vendor === 'enkash');
	}

	async function lastSeq(): Promise<number> {
		return (await suite.sandbox.control.ledger()).requests.at(-1)?.seq ?? 0;
	}

	const tokenRequests = (requests: RequestEntry[]) => requests.filter((r) => r.kind === 'token');
	const apiRequests = (requests: RequestEntry[]) => requests.filter((r) => r.kind === 'api');

	/** A first run that obtains and persists a token, which the test then revokes. */
	async function withPersistedToken(credentials: HarnessCredentialsHelper): Promise<string> {
		const first = await runWorkflow(getInvoices(5), { credentials, input: invoiceItems(5) });
		assert.equal(first.status, 'success', first.error?.message);
		const token = String((await credentials.persisted('sandbox-enkash')).accessToken);
		assert.notEqual(token, '');
		return token;
	}

	for (const status of [200, 400, 403]) {
		test(`token revoked, Enkash says so on HTTP ${status}: 200 items at concurrency 10 all succeed, one renewal, each refused request resent once, the new token persisted`, async () => {
			const credentials = await freshCredentials();
			const revokedToken = await withPersistedToken(credentials);
			await suite.sandbox.control.setEnkashExpiryInBody(status);
			await suite.sandbox.control.revokeTokens('enkash');
			const since = await lastSeq();

			const input = invoiceItems(200);
			const result = await runWorkflow(getInvoices(10), { credentials, input });
			assert.equal(result.status, 'success', result.error?.message);
			const items = result.output(GET);
			assert.equal(items.length, 200);
			items.forEach((item, index) => {
				assert.deepEqual(item.pairedItem, { item: index });
				assert.equal(item.json.invoiceId, input[index].invoiceId);
			});

			const requests = await enkashRequests(since);
			assert.deepEqual(tokenRequests(requests).map((r) => [r.grant, r.status]), [['refresh_token', 200]], 'exactly one renewal, with the refresh token');
			const refused = apiRequests(requests).filter((r) => r.auth !== 'ok');
			const accepted = apiRequests(requests).filter((r) => r.auth === 'ok');
			assert.ok(refused.length >= 1 && refused.length <= 10, `${refused.length} requests refused: at most the 10 in flight`);
			assert.ok(refused.every((r) => r.auth === 'revoked' && r.status === status), 'refused with the revoked token, in the body');
			assert.equal(accepted.length, 200, 'each item answered once: every refused request was resent once, nothing more');
			assert.equal(apiRequests(requests).length, 200 + refused.length);
			assert.equal(requests.filter((r) => r.status === 401).length, 0);
			console.log(`HTTP ${status}: ${refused.length} requests refused and resent once, 1 token request`);

			const persisted = String((await credentials.persisted('sandbox-enkash')).accessToken);
			assert.ok(persisted !== '' && persisted !== revokedToken, 'the renewed token is persisted in the credential');
			// As after an n8n restart: only the persisted credential remains, and its token works.
			resetTokenState();
			const after = await lastSeq();
			const again = await runWorkflow(getInvoices(10), { credentials, input: invoiceItems(20) });
			assert.equal(again.status, 'success', again.error?.message);
			const later = await enkashRequests(after);
			assert.deepEqual([tokenRequests(later).length, apiRequests(later).filter((r) => r.auth !== 'ok').length], [0, 0]);
		});
	}

	test('a refusal that persists after the renewal: each of 200 items fails with the clear message (Continue on Fail keeps pairing); one login + one renewal per run', async () => {
		const credentials = await freshCredentials();
		await suite.sandbox.control.setEnkashExpiryInBody(200);
		await suite.sandbox.control.setFaults([{ vendor: 'enkash', method: 'GET', path: '/api/v0/invoice/', kind: 'unauthorized', status: 200 }]);
		const json = getInvoices(10, { onError: 'continueRegularOutput' });

		const result = await runWorkflow(json, { credentials, input: invoiceItems(200) });
		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output(GET);
		assert.equal(items.length, 200);
		items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.equal(item.json.error, RENEWED_TOKEN_REFUSED);
			assert.match(String(item.json.description), /refused the new token too, so renewing again would not help\. The request was not carried out\..*Enkash request ID: [0-9a-f]{16}\.$/);
		});

		const requests = await enkashRequests();
		// The bound: per node run, one renewal once a token is refused; a renewed token refused again
		// is not renewed again in that run. Here: the first login and that one renewal.
		assert.deepEqual(tokenRequests(requests).map((r) => [r.grant, r.status]), [
			['password', 200],
			['refresh_token', 200],
		]);
		const resends = apiRequests(requests).length - 200;
		assert.ok(resends >= 1 && resends <= 10, `${resends} resends: only the items refused before the renewal, at most the 10 in flight`);
		console.log(`lasting refusal: 200 items failed, ${resends} resends, 2 token requests`);

		// The next run tries one renewal again (the refusal may have been lifted by then): one more token request.
		const since = await lastSeq();
		const second = await runWorkflow(json, { credentials, input: invoiceItems(50) });
		assert.ok(second.output(GET).every((item) => item.json.error === RENEWED_TOKEN_REFUSED));
		assert.deepEqual(tokenRequests(await enkashRequests(since)).map((r) => r.grant), ['refresh_token']);

		// Once Enkash accepts the token again, the token from that renewal simply works.
		await suite.sandbox.control.clearFaults();
		const healed = await lastSeq();
		const third = await runWorkflow(json, { credentials, input: invoiceItems(50) });
		assert.ok(third.output(GET).every((item) => typeof item.json.invoiceId === 'string' && item.json.error === undefined));
		assert.equal(tokenRequests(await enkashRequests(healed)).length, 0);
	});

	test('without Continue on Fail the run stops with the clear message, naming no secret', async () => {
		const credentials = await freshCredentials();
		await suite.sandbox.control.setFaults([{ vendor: 'enkash', method: 'GET', path: '/api/v0/invoice/', kind: 'unauthorized', status: 403 }]);
		const result = await runWorkflow(getInvoices(10), { credentials, input: invoiceItems(30) });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError(GET)?.message, RENEWED_TOKEN_REFUSED);
		assert.equal(tokenRequests(await enkashRequests()).length, 2);
	});

	test('Invoice Create with External IDs, 100 items at concurrency 10, token revoked, refusal on HTTP 200: every invoice created exactly once', async () => {
		const credentials = await freshCredentials();
		await withPersistedToken(credentials);
		await suite.sandbox.control.setEnkashExpiryInBody(200);
		await suite.sandbox.control.revokeTokens('enkash');
		const since = await lastSeq();

		const json = loadExample('enkash-create-invoice.json');
		json.nodes.find((n) => n.name === CREATE)!.parameters.options = { concurrency: 10 };
		const input = Array.from({ length: 100 }, (_, i) => ({ customerId: CUSTOMER, amount: 100 + i, dueDate: '2026-12-15', orderId: `body-expiry-${i}` }));
		const result = await runWorkflow(json, { credentials, input });
		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output(CREATE);
		assert.equal(items.length, 100);
		items.forEach((item, index) => assert.equal(item.json.externalId, `body-expiry-${index}`));

		const ledger = await suite.sandbox.control.ledger(since);
		const created = ledger.records.filter((r) => r.type === 'invoice');
		assert.equal(created.length, 100, 'no invoice doubled by the resend');
		assert.equal(new Set(created.map((r) => r.externalId)).size, 100);
		assert.equal(ledger.requests.filter((r) => r.kind === 'token').length, 1);
	});

	test('the Enkash Trigger and the Invoice list in the editor renew the same way', async () => {
		const credentials = await freshCredentials();
		await withPersistedToken(credentials);
		await suite.sandbox.control.setEnkashExpiryInBody(200);
		await suite.sandbox.control.revokeTokens('enkash');
		const since = await lastSeq();

		const trigger: INode = {
			id: 'trigger',
			name: 'Enkash Trigger',
			type: 'n8n-nodes-token-connectors.enkashTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { event: 'newInvoice' },
			credentials: { enkashApi: { id: 'sandbox-enkash', name: 'Enkash sandbox' } },
		};
		const baseline = await pollNode({ name: 'Enkash Trigger', nodes: [trigger], connections: {} }, 'Enkash Trigger', { credentials });
		assert.deepEqual(baseline.items, []);
		assert.ok(baseline.staticData && Object.keys(baseline.staticData).length > 0, 'the poll recorded its baseline');

		await suite.sandbox.control.revokeTokens('enkash');
		const { nodeTypes } = packageTypes();
		const enkash = nodeTypes.getByNameAndVersion('n8n-nodes-token-connectors.enkash');
		const workflowJson = enkashWorkflow('Enkash', { resource: 'invoice', operation: 'get' });
		const workflow = new Workflow({ nodes: workflowJson.nodes, connections: workflowJson.connections, active: false, nodeTypes });
		const context = new LoadOptionsContext(workflow, workflow.getNode('Enkash')!, hostData(credentials, undefined, 'list', 'list'), 'parameters.invoiceId');
		const page = await enkash.methods!.listSearch!.searchInvoices.call(context, undefined, undefined);
		assert.equal(page.results.length, 100);

		const requests = await enkashRequests(since);
		assert.deepEqual(tokenRequests(requests).map((r) => [r.grant, r.status]), [
			['refresh_token', 200],
			['refresh_token', 200],
		], 'one renewal after each revocation');
		assert.deepEqual(apiRequests(requests).filter((r) => r.auth !== 'ok').map((r) => r.status), [200, 200], 'one refusal each, resent once');
	});

	test('the HTTP 401 path is unchanged: token revoked between runs, 200 items at concurrency 10 → one renewal, every item succeeds', async () => {
		const credentials = await freshCredentials();
		await withPersistedToken(credentials);
		await suite.sandbox.control.revokeTokens('enkash');
		const since = await lastSeq();
		const result = await runWorkflow(getInvoices(10), { credentials, input: invoiceItems(200) });
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output(GET).length, 200);
		const requests = await enkashRequests(since);
		assert.deepEqual(tokenRequests(requests).map((r) => [r.grant, r.status]), [['refresh_token', 200]]);
		const refused = apiRequests(requests).filter((r) => r.auth !== 'ok');
		assert.ok(refused.length >= 1 && refused.length <= 10 && refused.every((r) => r.status === 401));
		assert.equal(apiRequests(requests).filter((r) => r.auth === 'ok').length, 200);
	});
});
