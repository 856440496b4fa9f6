/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';

import { DateTime, Settings as TestLuxonSettings } from 'luxon';
import type { IDataObject, INode } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { pollNode, runWorkflow, type WorkflowJson } from '../harness';
import { packageModule } from '../harness/packageModules';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

const CUSTOMER = { __rl: true, mode: 'id', value: SEED_FACTS.enkash.activeCustomerId };

/**
 * The clock the tests set: luxon's `Settings.now`, on the test's luxon and on the one our package
 * resolved (another copy in the manual-install set-up, see test/harness/packageModules.ts).
 */
const clocks = [...new Set([TestLuxonSettings, packageModule<typeof import('luxon')>('shared/dates.js', 'luxon').exports.Settings])];
const Settings = {
	set now(now: () => number) {
		for (const settings of clocks) settings.now = now;
	},
};

function triggerWorkflow(event: string, timezone?: string): WorkflowJson {
	const trigger: INode = {
		id: 'trigger',
		name: 'Enkash Trigger',
		type: 'n8n-nodes-token-connectors.enkashTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { event },
		credentials: { enkashApi: { id: 'sandbox-enkash', name: 'Enkash sandbox' } },
	};
	return { name: `Enkash Trigger ${event}`, nodes: [trigger], connections: {}, settings: timezone ? { timezone } : {} };
}

/** Three (or more) scheduled polls of one active workflow, its static data carried from poll to poll. */
function poller(suite: ReturnType<typeof useEnkashSandbox>, event: string, timezone?: string) {
	let staticData: IDataObject = {};
	return async () => {
		const result = await pollNode(triggerWorkflow(event, timezone), 'Enkash Trigger', { credentials: suite.credentials, staticData });
		staticData = result.staticData;
		return result.items.map((item) => item.json);
	};
}

describe('Enkash Trigger (polls through n8n-core against the sandbox)', () => {
	const suite = useEnkashSandbox();
	afterEach(() => {
		Settings.now = () => Date.now();
	});

	const enkash = async (parameters: IDataObject, input?: IDataObject[]) => {
		const result = await runWorkflow(enkashWorkflow('Enkash', parameters), { credentials: suite.credentials, input });
		assert.equal(result.status, 'success', result.error?.message);
		return result.output('Enkash').map((item) => item.json);
	};

	test('New Invoice: a baseline, then 6,000 new invoices in one second over two pages, then one more — each emitted once', async () => {
		const poll = poller(suite, 'newInvoice');
		assert.deepEqual(await poll(), [], 'activation records a baseline and emits nothing');

		const seeded = await suite.sandbox.control.seedEnkashInvoices(6_000);
		const second = await poll();
		assert.equal(second.length, 6_000);
		assert.equal(new Set(second.map((i) => i.invoiceId)).size, 6_000, 'no invoice twice');
		assert.equal(second[0].invoiceId, seeded.firstInvoiceId);
		assert.equal(second.at(-1)!.invoiceId, seeded.lastInvoiceId);

		const [created] = await enkash({ resource: 'invoice', operation: 'create', customerId: CUSTOMER, baseAmount: 10, dueDate: '2026-12-31', skipExisting: false, additionalFields: {} });
		const third = await poll();
		assert.deepEqual(third.map((i) => i.invoiceId), [created.invoiceId]);
		assert.deepEqual(await poll(), [], 'nothing new, nothing emitted');
	});

	test('New Customer: created between polls → emitted once each', async () => {
		const poll = poller(suite, 'newCustomer');
		assert.deepEqual(await poll(), []);
		const contact = { contact: [{ name: 'Asha Rao', email: 'asha@example.com' }] };
		const created = await enkash({ resource: 'customer', operation: 'create', legalName: '={{ $json.name }}', keyContacts: contact, additionalFields: {} }, [{ name: 'Kaveri Mills' }, { name: 'Godavari Traders' }]);
		const second = await poll();
		assert.deepEqual(second.map((c) => c.customerId).sort(), created.map((c) => c.customerId).sort());
		assert.deepEqual(await poll(), []);
		const [third] = await enkash({ resource: 'customer', operation: 'create', legalName: 'Narmada Foods', keyContacts: contact, additionalFields: {} });
		assert.deepEqual((await poll()).map((c) => c.customerId), [third.customerId]);
	});

	test('Invoice Became Overdue: a due date crossing midnight in Pacific/Kiritimati (UTC+14) while UTC is still on the due date', async () => {
		const zone = 'Pacific/Kiritimati';
		const dueDate = '2027-03-10';
		const [mine] = await enkash({ resource: 'invoice', operation: 'create', customerId: CUSTOMER, baseAmount: 250, dueDate, skipExisting: false, additionalFields: {} });
		// Other invoices due that day (from the seed) become overdue at the same moment.
		const dueThatDay = (await enkash({ resource: 'invoice', operation: 'search', returnAll: true, filters: { dueDateFrom: dueDate, dueDateTo: dueDate } }))
			.filter((i) => Number(i.balanceAmount) > 0)
			.map((i) => i.invoiceId)
			.sort();
		assert.ok(dueThatDay.includes(mine.invoiceId));

		const at = (local: string) => {
			const instant = DateTime.fromISO(local, { zone });
			Settings.now = () => instant.toMillis();
			return instant;
		};
		const poll = poller(suite, 'overdueInvoice', zone);

		at('2027-03-10T23:30:00');
		assert.deepEqual(await poll(), [], 'the baseline');
		at('2027-03-10T23:59:00');
		assert.deepEqual(await poll(), [], 'the due date itself is not overdue');

		const afterMidnight = at('2027-03-11T00:30:00');
		assert.equal(afterMidnight.toUTC().toISODate(), '2027-03-10', 'in UTC (and on a UTC server) it is still the due date');
		const crossed = await poll();
		assert.deepEqual(crossed.map((i) => i.invoiceId).sort(), dueThatDay);
		assert.equal(crossed.find((i) => i.invoiceId === mine.invoiceId)?.daysOverdue, 1);

		at('2027-03-11T09:00:00');
		assert.deepEqual(await poll(), [], 'each overdue invoice is emitted once');
	});

	test('Invoice Paid or Status Changed: paid, approval changed, and created already paid — each once', async () => {
		const [open] = await enkash({ resource: 'invoice', operation: 'create', customerId: CUSTOMER, baseAmount: 100, dueDate: '2026-12-31', skipExisting: false, additionalFields: { approvalStatus: 'PENDING' } });
		const [other] = await enkash({ resource: 'invoice', operation: 'create', customerId: CUSTOMER, baseAmount: 200, dueDate: '2026-12-31', skipExisting: false, additionalFields: { approvalStatus: 'PENDING' } });
		const poll = poller(suite, 'invoiceStatusChanged');
		assert.deepEqual(await poll(), []);

		await enkash({ resource: 'invoice', operation: 'update', invoiceId: { __rl: true, mode: 'id', value: open.invoiceId }, updateFields: { balanceAmount: 0 } });
		await enkash({ resource: 'invoice', operation: 'update', invoiceId: { __rl: true, mode: 'id', value: other.invoiceId }, updateFields: { approvalStatus: 'APPROVED' } });
		const [prepaid] = await enkash({ resource: 'invoice', operation: 'create', customerId: CUSTOMER, baseAmount: 50, dueDate: '2026-12-31', skipExisting: false, additionalFields: { balanceAmount: 0 } });

		const events = await poll();
		const byId = Object.fromEntries(events.map((e) => [String(e.invoiceId), e]));
		assert.equal(events.length, 3, JSON.stringify(events.map((e) => [e.invoiceId, e.event])));
		assert.deepEqual([byId[String(open.invoiceId)].event, byId[String(open.invoiceId)].previousPaymentStatus, byId[String(open.invoiceId)].paymentStatus], ['paid', 'UNPAID', 'PAID']);
		assert.deepEqual([byId[String(other.invoiceId)].event, byId[String(other.invoiceId)].previousApprovalStatus, byId[String(other.invoiceId)].approvalStatus], ['statusChanged', 'PENDING', 'APPROVED']);
		assert.deepEqual([byId[String(prepaid.invoiceId)].event, byId[String(prepaid.invoiceId)].previousPaymentStatus], ['paid', null]);
		assert.deepEqual(await poll(), []);
	});

	test('a manual test run ("Fetch Test Event") shows the newest invoices and changes nothing', async () => {
		const json = triggerWorkflow('newInvoice');
		const result = await runWorkflow(json, { credentials: suite.credentials });
		assert.equal(result.status, 'success', result.error?.message);
		const sample = result.output('Enkash Trigger').map((i) => i.json);
		assert.equal(sample.length, 5);
		assert.equal(sample[0].invoiceId, SEED_FACTS.enkash.lastInvoiceId, 'the newest first');
		assert.deepEqual(result.staticData, {}, 'no state recorded');
	});

	test('a failed poll keeps the state, so the next poll catches up without losing anything', async () => {
		const poll = poller(suite, 'newInvoice');
		await poll();
		await suite.sandbox.control.seedEnkashInvoices(3);
		await suite.sandbox.control.setFaults([{ vendor: 'enkash', path: '/api/v0/invoice/search', kind: '500', probability: 1 }]);
		await assert.rejects(poll(), /Enkash SYSTEM_ERROR/);
		await suite.sandbox.control.clearFaults();
		assert.equal((await poll()).length, 3);
	});
});
