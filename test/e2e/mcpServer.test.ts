/**
 * Our Enkash tools served over MCP by n8n's own MCP Server Trigger, in the real n8n app (`n8n start`,
 * the workflow published): an MCP client (@modelcontextprotocol/sdk, Streamable HTTP) lists the
 * tools, reads their descriptions and typed parameters, and calls Invoice Create; the invoice exists
 * in the sandbox; a refused call comes back flagged as an error with the node's words; no secret in
 * anything the client received.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import { ENKASH_TOOL_TEXTS } from '../../nodes/Enkash/descriptions/toolDescriptions';
import { startSandbox, type Sandbox } from '../../sandbox';
import { enkashCredentialData } from '../harness/sandboxCredentials';
import { assertNoSecrets } from '../harness/secretAudit';
import { log, prepareN8n, type PreparedN8n } from './support';
import { toolNodes } from './toolNodes';

/** The slice of the MCP SDK's client this test uses (loaded through the SDK's own package exports). */
interface McpContent {
	type: string;
	text?: string;
}
interface McpClient {
	connect(transport: unknown): Promise<void>;
	listTools(): Promise<{ tools: Array<{ name: string; description?: string; inputSchema: { properties?: Record<string, { type?: string; description?: string }>; required?: string[] } }> }>;
	callTool(request: { name: string; arguments: Record<string, unknown> }): Promise<{ content: McpContent[]; isError?: boolean }>;
	close(): Promise<void>;
}
const load = createRequire(__filename);
const { Client } = load('@modelcontextprotocol/sdk/client/index.js') as { Client: new (info: { name: string; version: string }) => McpClient };
const { StreamableHTTPClientTransport } = load('@modelcontextprotocol/sdk/client/streamableHttp.js') as {
	StreamableHTTPClientTransport: new (url: URL, options?: { requestInit?: { headers?: Record<string, string> } }) => unknown;
};

const WORKFLOW_ID = 'mcpEnkashTools';
const MCP_PATH = 'token-connectors-enkash';
const BEARER = 'mcp-bearer-9f3b2c71d4e8';

const text = (content: McpContent[]) => content.map((part) => part.text ?? '').join('');

describe('our Enkash tools over MCP (n8n\'s MCP Server Trigger, real n8n)', { concurrency: false }, () => {
	let n8n: PreparedN8n;
	let sandbox: Sandbox;
	let server: { baseUrl: string; output(): string; stop(): Promise<void> } | undefined;
	let client: McpClient | undefined;
	const received: string[] = [];

	before(
		async () => {
			n8n = await prepareN8n();
			sandbox = await startSandbox({ port: 0 });
			await n8n.lib.importCredentials(n8n.app, {
				env: n8n.env,
				userFolder: n8n.userFolder,
				credentials: [
					{ id: 'mcp-enkash', name: 'mcp-enkash', type: 'enkashApi', data: enkashCredentialData(sandbox.url) },
					{ id: 'mcp-bearer', name: 'mcp-bearer', type: 'httpBearerAuth', data: { token: BEARER } },
				],
			});
			const tools = toolNodes('mcp-enkash').filter((node) => node.type.endsWith('.enkashTool'));
			await n8n.lib.importWorkflows(n8n.app, {
				env: n8n.env,
				userFolder: n8n.userFolder,
				workflows: [
					{
						id: WORKFLOW_ID,
						name: 'Enkash tools over MCP',
						nodes: [
							{
								id: 'mcp',
								name: 'MCP Server Trigger',
								type: '@n8n/n8n-nodes-langchain.mcpTrigger',
								typeVersion: 2.1,
								position: [0, 0],
								webhookId: '3f6c1b2a-6d1e-4c55-9a51-7e2f0c9d4b11',
								parameters: { path: MCP_PATH, authentication: 'bearerAuth' },
								credentials: { httpBearerAuth: { id: 'mcp-bearer', name: 'mcp-bearer' } },
							},
							...tools,
						],
						connections: Object.fromEntries(tools.map((tool) => [tool.name, { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] }])),
						settings: { executionOrder: 'v1' },
					},
				],
			});
			// An MCP Server Trigger serves only while its workflow is published (active).
			const published = await n8n.lib.runN8n(n8n.app, ['publish:workflow', `--id=${WORKFLOW_ID}`], { env: n8n.env, cwd: n8n.userFolder });
			assert.equal(published.code, 0, `n8n publish:workflow: ${published.stdout}\n${published.stderr}`);
			server = await n8n.lib.startN8nServer(n8n.app, { env: n8n.env, userFolder: n8n.userFolder });
			// n8n answers ready before it has activated the published workflow and registered its webhook
			// (a 404 "not registered" until then): wait for that, not for a time. Unauthenticated, a
			// registered endpoint refuses the call instead.
			const endpoint = `${server.baseUrl}/mcp/${MCP_PATH}`;
			const deadline = Date.now() + 2 * 60_000;
			while ((await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 404) {
				if (Date.now() > deadline) throw new Error(`n8n never registered the MCP endpoint ${MCP_PATH}:\n${server.output().slice(-3000)}`);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
			client = new Client({ name: 'token-connectors-test', version: '1.0.0' });
			await client.connect(new StreamableHTTPClientTransport(new URL(`${server.baseUrl}/mcp/${MCP_PATH}`), { requestInit: { headers: { Authorization: `Bearer ${BEARER}` } } }));
		},
		{ timeout: 15 * 60_000 },
	);

	after(async () => {
		await client?.close().catch(() => undefined);
		if (server) assertNoSecrets("n8n start's output", server.output());
		await server?.stop();
		await sandbox?.close();
		n8n?.dispose();
	});

	test('the client lists our tools with the operation\'s description and typed parameters', async () => {
		const { tools } = await client!.listTools();
		received.push(JSON.stringify(tools));
		assert.deepEqual(tools.map((tool) => tool.name).sort(), ['Create_invoice', 'Search_invoices']);
		const create = tools.find((tool) => tool.name === 'Create_invoice')!;
		assert.equal(create.description, ENKASH_TOOL_TEXTS.invoice.create);
		assert.deepEqual(
			Object.fromEntries(Object.entries(create.inputSchema.properties ?? {}).map(([key, value]) => [key, value.type])),
			{ customerId: 'string', baseAmount: 'number', dueDate: 'string', externalId: 'string' },
		);
		assert.deepEqual([...(create.inputSchema.required ?? [])].sort(), ['baseAmount', 'customerId', 'dueDate', 'externalId']);
	});

	test('Invoice Create over MCP makes the invoice once; the same call again, after the vendor revoked the token, renews it unseen and returns the invoice without a second one', { timeout: 2 * 60_000 }, async () => {
		const call = { name: 'Create_invoice', arguments: { customerId: 'KCDEMOACTIVE0001', baseAmount: 2750, dueDate: '2027-01-15', externalId: 'MCP-ORDER-1' } };
		const first = await client!.callTool(call);
		received.push(JSON.stringify(first));
		log(`MCP answer: ${text(first.content).slice(0, 300)}`);
		assert.notEqual(first.isError, true, text(first.content));
		assert.match(text(first.content), /"invoiceId":"EKINV\d{10}"/);
		assert.match(text(first.content), /MCP-ORDER-1/);
		// The token n8n saved is revoked as the next Enkash API request arrives (n8n issue #22893: tokens not renewed for tools).
		await sandbox.control.addTrigger({ vendor: 'enkash', afterRequests: 1, action: 'revoke' });
		const refusedBefore = (await sandbox.control.ledger()).requests.filter((entry) => entry.vendor === 'enkash' && entry.status === 401).length;
		const again = await client!.callTool(call);
		received.push(JSON.stringify(again));
		assert.notEqual(again.isError, true, text(again.content));
		assert.match(text(again.content), /MCP-ORDER-1/);
		const refused = (await sandbox.control.ledger()).requests.filter((entry) => entry.vendor === 'enkash' && entry.status === 401).length - refusedBefore;
		assert.equal(refused, 1, 'the revoked token was refused once, then renewed');
		const invoices = (await sandbox.control.ledger()).records.filter((record) => record.type === 'invoice' && record.externalId === 'MCP-ORDER-1');
		assert.equal(invoices.length, 1, 'one invoice, though the client called twice');
	});

	test('a refused call comes back flagged as an error, in the node\'s words; nothing is created', { timeout: 2 * 60_000 }, async () => {
		const refused = await client!.callTool({ name: 'Create_invoice', arguments: { customerId: 'KCDEMOACTIVE0001', baseAmount: 5, dueDate: 'next Friday', externalId: 'MCP-ORDER-2' } });
		received.push(JSON.stringify(refused));
		log(`MCP answer: ${text(refused.content)}`);
		assert.equal(refused.isError, true, 'flagged as an error, not a success');
		assert.match(text(refused.content), /Due Date must be a date such as/);
		assert.ok(!(await sandbox.control.ledger()).records.some((record) => record.externalId === 'MCP-ORDER-2'));
		for (const [index, answer] of received.entries()) assertNoSecrets(`MCP answer ${index + 1}`, answer);
	});
});
