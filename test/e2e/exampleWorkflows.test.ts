/**
 * The example workflows of `examples/`, imported into the real n8n app and run headless twice each
 * (`n8n execute`, through their "Run Now" Manual Trigger beside the Schedule Trigger): the first run
 * does the job against the sandbox, the second — a re-run over the same data, as a scheduler that
 * fires twice would do — creates nothing twice (checked in the sandbox's ledger).
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { enkashCredentialData } from '../harness/sandboxCredentials';
import { repoRoot } from '../harness/packageTypes';
import { assertRan, log, prepareN8n, type PreparedN8n } from './support';

const EXAMPLES = {
	reminders: { file: 'enkash-overdue-payment-reminders.json', id: 'e2eOverdueReminders' },
	dispatch: { file: 'enkash-dispatch-todays-invoices.json', id: 'e2eDispatchToday' },
	launch: { file: 'enboarder-launch-new-hires.json', id: 'e2eLaunchNewHires' },
	agent: { file: 'enkash-ai-agent-tools.json', id: 'e2eAgentTools' },
} as const;

describe('example workflows in a real n8n: run, then re-run without doubling anything', { concurrency: false }, () => {
	let n8n: PreparedN8n;
	let sandbox: Sandbox;

	before(
		async () => {
			const started = Date.now();
			n8n = await prepareN8n();
			sandbox = await startSandbox({ port: 0 });
			const urls = vendorBaseUrls(sandbox.url);
			const demo = DEMO_CREDENTIALS;
			await n8n.lib.importCredentials(n8n.app, {
				env: n8n.env,
				userFolder: n8n.userFolder,
				credentials: [
					{
						id: 'sandbox-enkash',
						name: 'Enkash sandbox',
						type: 'enkashApi',
						data: enkashCredentialData(sandbox.url),
					},
					{ id: 'sandbox-enboarder', name: 'Enboarder sandbox (API key)', type: 'enboarderApi', data: { region: 'custom', baseUrl: urls.enboarder, apiKey: demo.enboarder.apiKey } },
					// The example agent's chat model: the sandbox's stand-in (sandbox/model.ts).
					{ id: 'sandbox-model', name: 'Sandbox model (stand-in, no language)', type: 'openAiApi', data: { apiKey: 'sandbox-model-key', url: urls.model } },
				],
			});
			await n8n.lib.importWorkflows(n8n.app, {
				env: n8n.env,
				userFolder: n8n.userFolder,
				workflows: Object.values(EXAMPLES).map(({ file, id }) => ({ ...JSON.parse(readFileSync(join(repoRoot(), 'examples', file), 'utf8')), id })),
			});
			log(`set-up took ${Math.round((Date.now() - started) / 1000)}s`);
		},
		{ timeout: 15 * 60_000 },
	);

	after(async () => {
		await sandbox?.close();
		n8n?.dispose();
	});

	async function run(id: string) {
		const result = await n8n.execute(id);
		assertRan(result, `n8n execute ${id}`);
		return result;
	}

	test('every morning, a payment reminder per customer with an overdue invoice: one each, none doubled on a re-run', { timeout: 5 * 60_000 }, async () => {
		const first = await run(EXAMPLES.reminders.id);
		const overdue = n8n.lib.nodeOutputJson(first.run, 'Overdue Invoices') ?? [];
		assert.ok(overdue.length > 0, 'the seed has overdue invoices');
		const customers = new Set(overdue.map((invoice) => String(invoice.customerId)));
		const reminders = n8n.lib.nodeOutputJson(first.run, 'Create Payment Reminder') ?? [];
		assert.equal(reminders.length, customers.size, 'one reminder per customer');
		assert.deepEqual(new Set(reminders.map((r) => String(r.customerId))), customers);
		// Customers that already had a reminder of that name (the seed has some) get theirs back; the others a new one.
		const created = async () => (await sandbox.control.ledger()).records.filter((r) => r.vendor === 'enkash' && r.type === 'reminder').map((r) => r.id);
		const createdFirst = await created();
		assert.ok(createdFirst.length > 0 && createdFirst.length <= customers.size, `${createdFirst.length} created for ${customers.size} customers`);
		const returned = new Set(reminders.map((r) => String(r.reminderId)));
		assert.ok(createdFirst.every((id) => returned.has(id)));

		const second = await run(EXAMPLES.reminders.id);
		assert.deepEqual(
			(n8n.lib.nodeOutputJson(second.run, 'Create Payment Reminder') ?? []).map((r) => r.reminderId).sort(),
			reminders.map((r) => r.reminderId).sort(),
			'the re-run returns the same reminders',
		);
		assert.deepEqual(await created(), createdFirst, 'and creates none');
	});

	test('every evening, dispatch the invoices created today: each once, nothing on a re-run', { timeout: 5 * 60_000 }, async () => {
		const seeded = await sandbox.control.seedEnkashInvoices(7);
		const first = await run(EXAMPLES.dispatch.id);
		const dispatched = n8n.lib.nodeOutputJson(first.run, 'Dispatch Invoices') ?? [];
		const ids = dispatched.map((r) => String(r.invoiceId));
		assert.ok(ids.includes(String(seeded.lastInvoiceId)), 'today’s new invoices are dispatched');
		assert.ok(dispatched.every((r) => r.status === 'DISPATCHED'));
		const dispatchCalls = async () => (await sandbox.control.ledger()).requests.filter((r) => r.path === '/api/v0/invoice/bulk/dispatch').length;
		const callsAfterFirst = await dispatchCalls();
		assert.ok(callsAfterFirst >= 1);

		const second = await run(EXAMPLES.dispatch.id);
		assert.deepEqual(n8n.lib.nodeOutputJson(second.run, 'Invoices Created Today, Not Sent') ?? [], [], 'nothing left to send');
		assert.equal(await dispatchCalls(), callsAfterFirst, 'nothing dispatched twice');
	});

	test('launch an onboarding workflow for each new hire: three launched, none twice on a re-run', { timeout: 5 * 60_000 }, async () => {
		const first = await run(EXAMPLES.launch.id);
		const launched = n8n.lib.nodeOutputJson(first.run, 'Launch Onboarding') ?? [];
		assert.deepEqual(launched.map((r) => [r.externalid, r.alreadyLaunched]), [
			['EMP-1001', false],
			['EMP-1002', false],
			['EMP-1003', false],
		]);
		const workflows = async () => (await sandbox.control.ledger()).records.filter((r) => r.vendor === 'enboarder' && r.type === 'enboarderWorkflow').map((r) => r.externalId);
		assert.deepEqual(await workflows(), ['EMP-1001', 'EMP-1002', 'EMP-1003']);

		const second = await run(EXAMPLES.launch.id);
		const again = n8n.lib.nodeOutputJson(second.run, 'Launch Onboarding') ?? [];
		assert.deepEqual(again.map((r) => r.alreadyLaunched), [true, true, true]);
		assert.deepEqual(again.map((r) => r.referenceid), launched.map((r) => r.referenceid), 'the same workflows come back');
		assert.deepEqual(await workflows(), ['EMP-1001', 'EMP-1002', 'EMP-1003'], 'none launched twice');
	});

	test('an AI Agent bills a customer through our tools (the sandbox\'s stand-in model): the invoice once, found again on a re-run', { timeout: 5 * 60_000 }, async () => {
		const invoices = async () => (await sandbox.control.ledger()).records.filter((r) => r.vendor === 'enkash' && r.type === 'invoice' && r.externalId === 'AGENT-DEMO-1').map((r) => r.id);
		const first = await run(EXAMPLES.agent.id);
		const answer = String((n8n.lib.nodeOutputJson(first.run, 'AI Agent') ?? [])[0]?.output ?? '');
		log(`the agent answered: ${answer.slice(0, 200)}`);
		assert.match(answer, /^Done: 2 tool call\(s\) made/);
		const created = await invoices();
		assert.equal(created.length, 1, 'one invoice for AGENT-DEMO-1');
		assert.ok(answer.includes(created[0]), 'the search found it, and the model read its ID');

		const second = await run(EXAMPLES.agent.id);
		assert.ok(String((n8n.lib.nodeOutputJson(second.run, 'AI Agent') ?? [])[0]?.output ?? '').includes(created[0]));
		assert.deepEqual(await invoices(), created, 'the re-run created none');
	});
});
