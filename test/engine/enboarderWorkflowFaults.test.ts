/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { AUTHENTICATIONS, REST_PREFIX, enboarderWorkflow, useEnboarderSandbox, type Authentication } from './support/enboarder';

const NODE = 'Launch';

const launch = (override: IDataObject = {}): IDataObject => ({
	resource: 'workflow',
	operation: 'launch',
	newHireName: '={{ $json.name }}',
	newHireEmail: '={{ $json.email }}',
	newHireChannel: 'eml',
	startDate: '2026-12-01',
	workflowExternalId: '={{ $json.hireId }}',
	...override,
});
const LOST_LAUNCH =
	'Item 1: the connection to Enboarder was lost before it answered, so this launch may have gone through; it was not sent again, to avoid launching the workflow twice. Check Enboarder before running this item again.';
const hire = (n: number | string): IDataObject => ({ name: `Hire ${n}`, email: `hire.${n}@example.com`, hireId: `HIRE-${n}` });

/**
 * Launches under lost answers: a launch that went through is never launched again, one that did
 * not is resent, and one that cannot be told apart is not resent.
 */
describe('Enboarder › Workflow › Launch under faults (engine, sandbox)', () => {
	const suite = useEnboarderSandbox();

	async function run(authentication: Authentication, parameters: IDataObject, input: IDataObject[], options: IDataObject = {}) {
		return await runWorkflow(enboarderWorkflow(NODE, authentication, { ...parameters, options }), { credentials: suite.credentials, input });
	}
	const ledger = async () => await suite.sandbox.control.ledger();
	const apiCalls = async () => (await ledger()).requests.filter((r) => r.kind === 'api').map((r) => `${r.method} ${r.path} ${r.status}${r.fault ? ` ${r.fault}` : ''}`);
	const workflowRecords = async () => (await ledger()).records.filter((r) => r.vendor === 'enboarder' && r.type === 'enboarderWorkflow');

	for (const authentication of AUTHENTICATIONS) {
		const prefix = REST_PREFIX[authentication];
		test(`${authentication}: the answer to a launch that went through is lost → the look-up finds it, nothing is launched twice`, async () => {
			await suite.sandbox.control.setFaults([{ vendor: 'enboarder', method: 'POST', path: `${prefix}/startwf/basic`, kind: 'drop-after' }]);
			const result = await run(authentication, launch(), [hire(1)]);
			assert.equal(result.status, 'success', result.error?.message);
			const records = await workflowRecords();
			assert.equal(records.length, 1);
			assert.deepEqual(result.output(NODE)[0].json, { message: 'ok', referenceid: records[0].id, externalid: 'HIRE-1', alreadyLaunched: true });
			assert.deepEqual(await apiCalls(), [`PUT ${prefix}/updatewf 404`, `POST ${prefix}/startwf/basic 0 drop-after`, `PUT ${prefix}/updatewf 200`]);
		});
	}

	test('a launch lost before Enboarder applied it is resent after each look-up finds nothing, within Retry Attempts', async () => {
		await suite.sandbox.control.setFaults([{ vendor: 'enboarder', method: 'POST', path: '/restapi/v1/startwf/basic', kind: 'drop' }]);
		const result = await run('apiKey', launch(), [hire(1)], { retryAttempts: 3 });
		assert.equal(result.status, 'error');
		assert.equal(await workflowRecords().then((r) => r.length), 0);
		const lookupThenSend = ['PUT /restapi/v1/updatewf 404', 'POST /restapi/v1/startwf/basic 0 drop'];
		assert.deepEqual(await apiCalls(), [...lookupThenSend, ...lookupThenSend, ...lookupThenSend]);

		await suite.sandbox.control.clearFaults();
		const retried = await run('apiKey', launch(), [hire(1)]);
		assert.equal(retried.output(NODE)[0].json.alreadyLaunched, false);
		assert.equal(await workflowRecords().then((r) => r.length), 1);
	});

	test('without an External ID a lost answer is not resent: the item fails, the workflow exists once', async () => {
		await suite.sandbox.control.setFaults([{ vendor: 'enboarder', method: 'POST', path: '/restapi/v1/startwf/basic', kind: 'drop-after' }]);
		const result = await run('apiKey', launch({ workflowExternalId: '' }), [hire(1)]);
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError(NODE)?.message, LOST_LAUNCH);
		assert.equal(result.nodeError(NODE)?.description, 'Give each launch an External ID: the node then looks the workflow up itself after a lost answer.');
		assert.equal(await workflowRecords().then((r) => r.length), 1);
		assert.deepEqual(await apiCalls(), ['POST /restapi/v1/startwf/basic 0 drop-after']);
	});

	test('Skip If Already Launched off with one already active: a lost answer cannot be told apart, so it is not resent', async () => {
		assert.equal((await run('apiKey', launch(), [hire(1)])).status, 'success');
		await suite.sandbox.control.setFaults([{ vendor: 'enboarder', method: 'POST', path: '/restapi/v1/startwf/basic', kind: 'drop-after' }]);
		const result = await run('apiKey', launch({ skipIfLaunched: false }), [hire(1)]);
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError(NODE)?.message, LOST_LAUNCH);
		assert.equal(await workflowRecords().then((r) => r.length), 2, 'the second launch went through once');
		assert.deepEqual((await apiCalls()).slice(-2), ['PUT /restapi/v1/updatewf 200', 'POST /restapi/v1/startwf/basic 0 drop-after']);
	});

	test('a look-up Enboarder answers with another error stops the item: an unclear answer never passes for "not launched"', async () => {
		await suite.sandbox.control.setFaults([{ vendor: 'enboarder', method: 'PUT', path: '/restapi/v1/updatewf', kind: '500' }]);
		const result = await run('apiKey', launch(), [hire(1)]);
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError(NODE)?.message, 'Enboarder rejected the request: Internal Server Error');
		assert.deepEqual(await apiCalls(), ['PUT /restapi/v1/updatewf 500 500'], 'nothing launched');
	});

	test('2,000 launches with 5 % injected faults (429, 503, dropped connections) → exactly 2,000 workflows, none doubled, all paired', async () => {
		const launches = '/^\\/restapi\\/v2\\/(startwf|updatewf)/';
		await suite.sandbox.control.setFaults([
			{ vendor: 'enboarder', path: launches, kind: '429', probability: 0.02, retryAfterSeconds: 0 },
			{ vendor: 'enboarder', path: launches, kind: '503', probability: 0.015, retryAfterSeconds: 0 },
			{ vendor: 'enboarder', path: launches, kind: 'drop', probability: 0.005 },
			{ vendor: 'enboarder', path: launches, kind: 'drop-after', probability: 0.01 },
		]);
		const count = 2000;
		const input = Array.from({ length: count }, (_, n) => hire(n));
		const started = Date.now();
		const result = await run('oAuth2', launch(), input, { concurrency: 20, retryAttempts: 8 });
		const seconds = (Date.now() - started) / 1000;

		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output(NODE);
		assert.equal(items.length, count);
		items.forEach((item, index) => {
			assert.deepEqual(item.pairedItem, { item: index });
			assert.equal(item.json.externalid, `HIRE-${index}`);
			assert.match(String(item.json.referenceid), /^EBWF-\d{8}$/);
		});
		const records = await workflowRecords();
		assert.equal(records.length, count, 'one workflow per launch');
		assert.equal(new Set(records.map((r) => r.externalId)).size, count, 'no externalid twice');
		assert.deepEqual(
			new Set(items.map((item) => item.json.referenceid)),
			new Set(records.map((r) => r.id)),
			'every item names the workflow that was launched for it',
		);
		const recovered = items.filter((item) => item.json.alreadyLaunched === true).length;
		const stats = await suite.sandbox.control.stats();
		const faults = (await ledger()).requests.filter((r) => r.fault).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.fault!]: (acc[r.fault!] ?? 0) + 1 }), {});
		console.log(
			`2,000 launches in ${seconds.toFixed(1)} s; ${stats.enboarder.requests} requests (${stats.enboarder.tokenRequests} token), ` +
				`${stats.enboarder.faultsInjected} faults injected ${JSON.stringify(faults)}; ${recovered} lost answers recovered by the look-up`,
		);
		assert.ok(stats.enboarder.faultsInjected >= 100, 'faults were really injected');
		assert.ok((faults['drop-after'] ?? 0) > 0 && (faults.drop ?? 0) > 0, 'both kinds of lost answer happened');
		assert.ok(recovered > 0, 'some launches that went through were found rather than resent');
		assert.ok(seconds < 60, `took ${seconds} s`);
	});
});
