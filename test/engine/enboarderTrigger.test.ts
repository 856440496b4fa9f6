/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, INode } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { pollNode, runWorkflow, type WorkflowJson } from '../harness';
import { AUTHENTICATIONS, ENBOARDER_CREDENTIALS, useEnboarderSandbox, type Authentication } from './support/enboarder';

const FACTS = SEED_FACTS.enboarder;

function triggerWorkflow(authentication: Authentication, event: string, reportId: string): WorkflowJson {
	const credential = ENBOARDER_CREDENTIALS[authentication];
	const trigger: INode = {
		id: 'trigger',
		name: 'Enboarder Trigger',
		type: 'n8n-nodes-token-connectors.enboarderTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication, event, reportId: { __rl: true, mode: 'list', value: reportId } },
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	};
	return { name: `Enboarder Trigger ${event}`, nodes: [trigger], connections: {} };
}

describe('Enboarder Trigger (polls through n8n-core against the sandbox)', () => {
	const suite = useEnboarderSandbox();

	function poller(authentication: Authentication, event: string, reportId: string) {
		let staticData: IDataObject = {};
		return async () => {
			const result = await pollNode(triggerWorkflow(authentication, event, reportId), 'Enboarder Trigger', { credentials: suite.credentials, staticData });
			staticData = result.staticData;
			return result.items.map((item) => String(item.json.id));
		};
	}
	const rowId = (reportId: string, n: number) => `${reportId}-${String(n).padStart(6, '0')}`;
	const range = (reportId: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => rowId(reportId, from + i));

	for (const authentication of AUTHENTICATIONS) {
		test(`New Form Submission (${authentication}): baseline, 700 new rows over two pages, then 3 more — each once`, async () => {
			const report = FACTS.largeFormReportId;
			const poll = poller(authentication, 'newFormRows', report);
			assert.deepEqual(await poll(), [], 'activation records a baseline and emits nothing');
			await suite.sandbox.control.seedEnboarderReportRows(report, FACTS.largeFormReportRows + 700);
			assert.deepEqual(await poll(), range(report, FACTS.largeFormReportRows + 1, FACTS.largeFormReportRows + 700));
			assert.deepEqual(await poll(), [], 'nothing new');
			await suite.sandbox.control.seedEnboarderReportRows(report, FACTS.largeFormReportRows + 703);
			assert.deepEqual(await poll(), range(report, FACTS.largeFormReportRows + 701, FACTS.largeFormReportRows + 703));
		});
	}

	test('New Workflow Report Row: rows added across the 500-row page boundary of a 5,000-row report', async () => {
		const report = FACTS.largeWorkflowReportId;
		const poll = poller('oAuth2', 'newWorkflowRows', report);
		await poll();
		await suite.sandbox.control.seedEnboarderReportRows(report, 5_001);
		assert.deepEqual(await poll(), [rowId(report, 5_001)]);
		await suite.sandbox.control.seedEnboarderReportRows(report, 5_600);
		const third = await poll();
		assert.equal(third.length, 599);
		assert.deepEqual(third, range(report, 5_002, 5_600));
	});

	test('a manual test run shows the last rows of the report and records nothing', async () => {
		const result = await runWorkflow(triggerWorkflow('apiKey', 'newFormRows', FACTS.largeFormReportId), { credentials: suite.credentials });
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(
			result.output('Enboarder Trigger').map((i) => i.json.id),
			[0, 1, 2, 3, 4].map((back) => rowId(FACTS.largeFormReportId, FACTS.largeFormReportRows - back)),
		);
		assert.deepEqual(result.staticData, {});
	});

	test('an unknown report fails the poll with Enboarder’s words', async () => {
		await assert.rejects(poller('apiKey', 'newFormRows', 'no-such-form')(), { message: 'Enboarder rejected the request: Report not found' });
	});
});
