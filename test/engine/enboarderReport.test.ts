/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, SEED_FACTS } from '../../sandbox';
import { packageTypes, runWorkflow } from '../harness';
import { hostData } from '../harness/runWorkflow';
import { AUTHENTICATIONS, enboarderWorkflow, useEnboarderSandbox, type Authentication } from './support/enboarder';

const FACTS = SEED_FACTS.enboarder;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

describe('Enboarder › Report (engine, sandbox)', () => {
	const suite = useEnboarderSandbox();

	async function run(authentication: Authentication, parameters: IDataObject, settings: IDataObject = {}, input?: IDataObject[]) {
		return await runWorkflow(enboarderWorkflow('Report', authentication, { resource: 'report', ...parameters }, settings), { credentials: suite.credentials, input });
	}

	/** What the sandbox answers to a direct call with the API key. */
	async function direct(path: string): Promise<IDataObject> {
		const response = await fetch(`${suite.urls.enboarder}${path}`, { headers: { apikey: DEMO_CREDENTIALS.enboarder.apiKey } });
		assert.equal(response.status, 200);
		return (await response.json()) as IDataObject;
	}

	const apiCalls = async (suffix: string) => (await suite.sandbox.control.ledger()).requests.filter((r) => r.kind === 'api' && r.path.includes(suffix));

	for (const authentication of AUTHENTICATIONS) {
		describe(`with ${authentication === 'apiKey' ? 'the API key' : 'OAuth2 client credentials'}`, () => {
			for (const [operation, kind, count] of [
				['listWorkflows', 'workflows', FACTS.workflowReportCount],
				['listForms', 'forms', FACTS.formReportCount],
			] as const) {
				test(`${operation}: every ${kind} report, as Enboarder lists them; Limit caps the count`, async () => {
					const all = await run(authentication, { operation, returnAll: true });
					assert.equal(all.status, 'success', all.error?.message);
					assert.deepEqual(
						all.output('Report').map((i) => i.json),
						(await direct(`/reports/${kind}`)).items,
					);
					assert.equal(all.output('Report').length, count);
					const two = await run(authentication, { operation, returnAll: false, limit: 2 });
					assert.equal(two.output('Report').length, 2);
				});
			}

			test('listForms with a refused credential: the exact error', async () => {
				const helperless = enboarderWorkflow('Report', authentication, { resource: 'report', operation: 'listForms', returnAll: true });
				await suite.credentials.add(
					authentication === 'apiKey'
						? { id: 'wrong', name: 'Wrong', type: 'enboarderApi', data: { region: 'custom', baseUrl: suite.urls.enboarder, apiKey: 'not-the-key' } }
						: {
								id: 'wrong',
								name: 'Wrong',
								type: 'enboarderOAuth2Api',
								data: { region: 'custom', baseUrl: suite.urls.enboarder, tokenUrl: suite.urls.enboarderTokenUrl, clientId: DEMO_CREDENTIALS.enboarder.clientId, clientSecret: 'wrong-secret' },
							},
				);
				const type = authentication === 'apiKey' ? 'enboarderApi' : 'enboarderOAuth2Api';
				helperless.nodes[1].credentials = { [type]: { id: 'wrong', name: 'Wrong' } };
				const result = await runWorkflow(helperless, { credentials: suite.credentials });
				assert.equal(result.status, 'error');
				assert.equal(
					result.nodeError('Report')?.message,
					authentication === 'apiKey'
						? 'Authorization failed - please check your credentials'
						: 'Enboarder refused the token request (HTTP 401: Client authentication failed)',
				);
			});

			for (const [operation, kind, reportId] of [
				['getWorkflowProperties', 'workflows', FACTS.largeWorkflowReportId],
				['getFormProperties', 'forms', FACTS.largeFormReportId],
			] as const) {
				test(`${operation}: one item per column; an unknown report is Enboarder's "Report not found"`, async () => {
					const result = await run(authentication, { operation, reportId: byId(reportId) });
					assert.equal(result.status, 'success', result.error?.message);
					assert.deepEqual(
						result.output('Report').map((i) => i.json),
						(await direct(`/reports/${kind}/${reportId}/properties`)).items,
					);
					assert.ok(result.output('Report').some((i) => i.json.name === 'employeeName'));

					const unknown = await run(authentication, { operation, reportId: byId('no-such-report') });
					assert.equal(unknown.status, 'error');
					assert.equal(unknown.nodeError('Report')?.message, 'Enboarder rejected the request: Report not found');
					assert.equal((unknown.nodeError('Report') as { httpCode?: string }).httpCode, '404');
				});
			}

			test(`getWorkflowData: Return All over ${FACTS.largeWorkflowReportRows} rows (10 pages) returns each row once, in order`, async () => {
				const result = await run(authentication, { operation: 'getWorkflowData', reportId: fromList(FACTS.largeWorkflowReportId), returnAll: true });
				assert.equal(result.status, 'success', result.error?.message);
				const rows = result.output('Report');
				assert.equal(rows.length, FACTS.largeWorkflowReportRows);
				assert.equal(new Set(rows.map((r) => r.json.id)).size, FACTS.largeWorkflowReportRows, 'no row twice');
				assert.deepEqual(
					rows.map((r) => r.json.id),
					Array.from({ length: FACTS.largeWorkflowReportRows }, (_, i) => `${FACTS.largeWorkflowReportId}-${String(i + 1).padStart(6, '0')}`),
				);
				assert.deepEqual(rows[0].json, ((await direct(`/reports/workflows/${FACTS.largeWorkflowReportId}/data`)).items as IDataObject[])[0]);
				const pages = await apiCalls(`/reports/workflows/${FACTS.largeWorkflowReportId}/data`);
				assert.equal(pages.length, 10 + 1, 'ten pages for the node, one for this test');
			});

			test('getFormData: Limit 700 stops after two pages; an unknown report fails with Enboarder’s words', async () => {
				const result = await run(authentication, { operation: 'getFormData', reportId: byId(FACTS.largeFormReportId), returnAll: false, limit: 700 });
				assert.equal(result.status, 'success', result.error?.message);
				assert.equal(result.output('Report').length, 700);
				assert.equal((await apiCalls('/data')).length, 2, JSON.stringify((await apiCalls('/data')).map((r) => [r.path, r.status, r.auth])));

				const unknown = await run(authentication, { operation: 'getFormData', reportId: byId('no-such-form'), returnAll: true });
				assert.equal(unknown.nodeError('Report')?.message, 'Enboarder rejected the request: Report not found');
			});
		});
	}

	test('a report ID from an expression that is not an ID is refused before any request', async () => {
		const result = await run('apiKey', { operation: 'getWorkflowData', reportId: fromList('wf onboarding/../x'), returnAll: true });
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError('Report')?.message, 'Item 1: Report must be a report ID such as wf-onboarding (got "wf onboarding/../x")');
		assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
	});

	test('Continue on Fail: the item naming an unknown report becomes an error item; the others are read, each paired', async () => {
		const result = await run(
			'apiKey',
			{ operation: 'getFormProperties', reportId: byId('={{ $json.report }}') },
			{ onError: 'continueRegularOutput' },
			[{ report: FACTS.largeFormReportId }, { report: 'no-such-form' }],
		);
		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output('Report');
		const errors = items.filter((i) => i.json.error);
		assert.equal(errors.length, 1);
		assert.equal(errors[0].json.error, 'Enboarder rejected the request: Report not found');
		assert.deepEqual(errors[0].pairedItem, { item: 1 });
		assert.ok(items.filter((i) => !i.json.error).every((i) => (i.pairedItem as { item: number }).item === 0));
	});

	test('the Report lists in the editor: searched by name, for each kind (as n8n loads them)', async () => {
		const { nodeTypes } = packageTypes();
		const enboarder = nodeTypes.getByNameAndVersion('n8n-nodes-token-connectors.enboarder');
		for (const authentication of AUTHENTICATIONS) {
			const json = enboarderWorkflow('Report', authentication, { resource: 'report', operation: 'getWorkflowData' });
			const workflow = new Workflow({ nodes: json.nodes, connections: json.connections, active: false, nodeTypes });
			const context = new LoadOptionsContext(workflow, workflow.getNode('Report')!, hostData(suite.credentials, undefined, 'list', 'list'), 'parameters.reportId');
			const workflows = await enboarder.methods!.listSearch!.searchWorkflowReports.call(context);
			assert.equal(workflows.results.length, FACTS.workflowReportCount);
			assert.ok(workflows.results.some((r) => r.value === FACTS.largeWorkflowReportId));
			const forms = await enboarder.methods!.listSearch!.searchFormReports.call(context);
			assert.equal(forms.results.length, FACTS.formReportCount);
			const first = String(forms.results[0].name).replace(/ \(inactive\)$/, '');
			const narrowed = await enboarder.methods!.listSearch!.searchFormReports.call(context, first.slice(0, 6).toUpperCase());
			assert.ok(narrowed.results.length >= 1 && narrowed.results.length <= forms.results.length);
			assert.ok(narrowed.results.every((r) => String(r.name).toLowerCase().includes(first.slice(0, 6).toLowerCase())));
		}
	});
});
