/**
 * Our nodes as tools of n8n's AI Agent, in the real n8n app: the agent's chat model is a loopback
 * OpenAI-compatible stub (openAiStub.ts) that calls our tools by script and records what it is sent;
 * the tools' parameters are filled by `$fromAI()`, as a user sets them in the editor.
 *
 * Shows: invoices and a launch the model asked for exist in the sandbox; every tool result reaches
 * the model; a token revoked mid-conversation is renewed with no 401 reaching the model; a refused
 * call (a bad due date, a wrong password) reaches the model as a clear error text, never as a
 * success; no secret reaches the model or n8n's output.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ENBOARDER_TOOL_TEXTS } from '../../nodes/Enboarder/descriptions/toolDescriptions';
import { ENKASH_TOOL_TEXTS } from '../../nodes/Enkash/descriptions/toolDescriptions';
import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { enkashCredentialData } from '../harness/sandboxCredentials';
import { assertNoSecrets } from '../harness/secretAudit';
import { startOpenAiStub, toolResults, type ChatRequest, type OpenAiStub, type Reply } from './openAiStub';
import { assertRan, log, prepareN8n, type Credential, type PreparedN8n } from './support';
import { toolNodes } from './toolNodes';

const CUSTOMER_ID = 'KCDEMOACTIVE0001';
function agentWorkflow(id: string, enkashCredentialId: string, prompt: string) {
	const tools = toolNodes(enkashCredentialId);
	return {
		id,
		name: id,
		nodes: [
			{ id: 'run', name: 'Run', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'agent', name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, position: [300, 0], parameters: { promptType: 'define', text: prompt, options: {} } },
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [200, 300],
				parameters: { model: { __rl: true, mode: 'id', value: 'stub-model' }, responsesApiEnabled: false, options: {} },
				credentials: { openAiApi: { id: 'agent-openai', name: 'agent-openai' } },
			},
			...tools,
		],
		connections: {
			Run: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			...Object.fromEntries(tools.map((tool) => [tool.name, { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] }])),
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Plays the planned tool calls one per turn, then answers with what the last tool said. */
function planned(calls: Array<{ name: string; arguments: Record<string, unknown> }>) {
	return (request: ChatRequest, turn: number): Reply => {
		if (turn < calls.length) return { toolCalls: [calls[turn]] };
		const results = toolResults(request);
		return { content: `Done. Last tool said: ${results.at(-1)?.text.slice(0, 200) ?? '(nothing)'}` };
	};
}

describe('our nodes as tools of n8n\'s AI Agent (real n8n, stub chat model)', { concurrency: false }, () => {
	let n8n: PreparedN8n;
	let sandbox: Sandbox;
	let stub: OpenAiStub | undefined;

	before(
		async () => {
			n8n = await prepareN8n();
			sandbox = await startSandbox({ port: 0 });
		},
		{ timeout: 15 * 60_000 },
	);

	after(async () => {
		await stub?.stop();
		await sandbox?.close();
		n8n?.dispose();
	});

	async function importAll(stubUrl: string, workflows: unknown[]): Promise<void> {
		const urls = vendorBaseUrls(sandbox.url);
		const enkash = (id: string, password: string): Credential => ({ id, name: id, type: 'enkashApi', data: enkashCredentialData(sandbox.url, { password }) });
		await n8n.lib.importCredentials(n8n.app, {
			env: n8n.env,
			userFolder: n8n.userFolder,
			credentials: [
				{ id: 'agent-openai', name: 'agent-openai', type: 'openAiApi', data: { apiKey: 'sk-stub-not-a-secret', url: stubUrl } },
				enkash('agent-enkash', DEMO_CREDENTIALS.enkash.password),
				enkash('agent-enkash-wrong', 'not-the-password-7Q'),
				{ id: 'agent-enboarder', name: 'agent-enboarder', type: 'enboarderApi', data: { region: 'custom', baseUrl: urls.enboarder, apiKey: DEMO_CREDENTIALS.enboarder.apiKey } },
			],
		});
		await n8n.lib.importWorkflows(n8n.app, { env: n8n.env, userFolder: n8n.userFolder, workflows });
	}

	test('the agent creates, finds and launches through our tools; a token revoked mid-conversation is renewed unseen; a bad due date reaches the model as an error', { timeout: 10 * 60_000 }, async () => {
		stub = await startOpenAiStub(
			planned([
				{ name: 'Create_invoice', arguments: { customerId: CUSTOMER_ID, baseAmount: 1500, dueDate: '2026-12-31', externalId: 'AGENT-ORDER-1' } },
				{ name: 'Search_invoices', arguments: { externalId: 'AGENT-ORDER-1' } },
				{ name: 'Launch_onboarding', arguments: { newHireName: 'Asha Rao', newHireEmail: 'asha.rao@example.com', startDate: '2027-01-04' } },
				{ name: 'Create_invoice', arguments: { customerId: CUSTOMER_ID, baseAmount: 99, dueDate: '31/12/2026', externalId: 'AGENT-ORDER-2' } },
			]),
		);
		await importAll(stub.url, [agentWorkflow('agentTools', 'agent-enkash', 'Bill KCDEMOACTIVE0001 1500 rupees due 2026-12-31 for order AGENT-ORDER-1, check it, onboard Asha Rao.')]);
		// The Enkash token is revoked as the search arrives (the 3rd API request: the create looked up its External ID, then created).
		await sandbox.control.addTrigger({ vendor: 'enkash', afterRequests: 3, action: 'revoke' });
		const result = await n8n.execute('agentTools');
		assertRan(result, 'agent workflow');

		const requests = stub.requests;
		assert.equal(requests.length, 5, `four tool turns and the final answer (${requests.length} chat requests)`);
		const offered = (requests[0].tools ?? []).map((tool) => tool.function.name).sort();
		assert.deepEqual(offered, ['Create_invoice', 'Launch_onboarding', 'Search_invoices']);
		// What the model reads about each tool: the operation's own text, and typed parameters with their hints.
		const create = requests[0].tools!.find((tool) => tool.function.name === 'Create_invoice')!.function;
		assert.equal(create.description, ENKASH_TOOL_TEXTS.invoice.create);
		assert.equal(requests[0].tools!.find((tool) => tool.function.name === 'Launch_onboarding')!.function.description, ENBOARDER_TOOL_TEXTS.workflow.launch);
		assert.deepEqual(
			Object.fromEntries(Object.entries(create.parameters?.properties ?? {}).map(([key, value]) => [key, value.type])),
			{ customerId: 'string', baseAmount: 'number', dueDate: 'string', externalId: 'string' },
		);
		assert.match(create.parameters?.properties?.dueDate.description ?? '', /YYYY-MM-DD/);
		const results = toolResults(requests[4]);
		assert.equal(results.length, 4);
		log(`tool results as the model read them:\n${results.map((entry) => `  ${entry.text.slice(0, 300)}`).join('\n')}`);

		const { records, requests: ledger } = await sandbox.control.ledger();
		const invoices = records.filter((record) => record.vendor === 'enkash' && record.type === 'invoice' && record.externalId === 'AGENT-ORDER-1');
		assert.equal(invoices.length, 1, 'one invoice for AGENT-ORDER-1');
		assert.match(results[0].text, /AGENT-ORDER-1/);
		assert.match(results[1].text, /AGENT-ORDER-1/, 'the search found it, after the revocation');
		assert.doesNotMatch(results[1].text, /401|refused|error/i, 'the renewal is not the model\'s business');
		const refusedTokens = ledger.filter((entry) => entry.vendor === 'enkash' && entry.status === 401);
		assert.equal(refusedTokens.length, 1, 'the revoked token was refused once, then renewed');
		assert.match(results[2].text, /"referenceid":"EBWF-\d+"/, 'Enboarder\'s reference for the launch reached the model');
		assert.match(results[2].text, /"alreadyLaunched":false/);
		assert.equal(records.filter((record) => record.vendor === 'enboarder' && record.type === 'enboarderWorkflow').length, 1, 'the launch exists in Enboarder');
		assert.match(results[3].text, /error/i);
		assert.match(results[3].text, /Due Date/, 'the refusal names the field');
		assert.ok(!records.some((record) => record.externalId === 'AGENT-ORDER-2'), 'nothing was created for the refused call');
		for (const [index, body] of stub.rawBodies.entries()) assertNoSecrets(`chat request ${index + 1} as the model received it`, body);
	});

	test('a wrong Enkash password reaches the model as a clear error, never as a success; one login', { timeout: 10 * 60_000 }, async () => {
		await stub?.stop();
		stub = await startOpenAiStub(planned([{ name: 'Create_invoice', arguments: { customerId: CUSTOMER_ID, baseAmount: 10, dueDate: '2026-12-31', externalId: 'AGENT-ORDER-3' } }]));
		const before = (await sandbox.control.ledger()).requests.filter((entry) => entry.kind === 'token' && entry.vendor === 'enkash').length;
		await importAll(stub.url, [agentWorkflow('agentWrongPassword', 'agent-enkash-wrong', 'Bill KCDEMOACTIVE0001 10 rupees for AGENT-ORDER-3.')]);
		const result = await n8n.execute('agentWrongPassword');
		assertRan(result, 'agent workflow, wrong password');
		const results = toolResults(stub.requests.at(-1)!);
		assert.equal(results.length, 1);
		log(`the model read: ${results[0].text}`);
		assert.match(results[0].text, /error/i);
		assert.match(results[0].text, /Enkash/);
		assert.match(results[0].text, /password|login|credential/i);
		const logins = (await sandbox.control.ledger()).requests.filter((entry) => entry.kind === 'token' && entry.vendor === 'enkash').length - before;
		assert.equal(logins, 1, 'one login attempt');
		for (const [index, body] of stub.rawBodies.entries()) assertNoSecrets(`chat request ${index + 1}`, body);
	});
});
