/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { packageTypes, runWorkflow } from '../harness';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

const CUSTOMER = { __rl: true, mode: 'id', value: SEED_FACTS.enkash.activeCustomerId };

describe('Enkash › Payment Reminder (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	const run = async (parameters: IDataObject) =>
		await runWorkflow(enkashWorkflow('Reminder', { resource: 'paymentReminder', customerId: CUSTOMER, ...parameters }), { credentials: suite.credentials });

	test('create, get, update, get many, delete', async () => {
		const created = await run({ operation: 'create', name: '3 days before due', channel: 'WHATSAPP', offsetDays: -3, reference: 'DUE_DATE', enabled: true });
		assert.equal(created.status, 'success', created.error?.message);
		const reminder = created.output('Reminder')[0].json;
		assert.equal(reminder.channel, 'WHATSAPP');
		assert.equal(reminder.offsetDays, -3);
		const reminderId = String(reminder.reminderId);

		const got = await run({ operation: 'get', reminderId });
		assert.deepEqual(got.output('Reminder')[0].json, reminder);

		const updated = await run({ operation: 'update', reminderId, updateFields: { offsetDays: 2, enabled: false } });
		assert.equal(updated.status, 'success', updated.error?.message);
		assert.equal(updated.output('Reminder')[0].json.offsetDays, 2);
		assert.equal(updated.output('Reminder')[0].json.channel, 'WHATSAPP', 'fields not chosen are unchanged');

		const many = await run({ operation: 'getMany', returnAll: true });
		assert.ok(many.output('Reminder').some((i) => i.json.reminderId === reminderId));
		const two = await run({ operation: 'getMany', returnAll: false, limit: 2 });
		assert.equal(two.output('Reminder').length, 2);

		const deleted = await run({ operation: 'delete', reminderId });
		assert.equal(deleted.status, 'success', deleted.error?.message);
		const gone = await run({ operation: 'get', reminderId });
		assert.equal(gone.status, 'error');
		assert.match(gone.nodeError('Reminder')?.message ?? '', /^Enkash RECORD_NOT_FOUND: /);
	});

	test('create twice with the same name returns the first reminder (a re-run doubles nothing); Skip off creates a second', async () => {
		const params = { operation: 'create', name: 'Overdue: every 3 days', channel: 'EMAIL', offsetDays: 3, reference: 'DUE_DATE', enabled: true };
		const first = await run(params);
		const second = await run(params);
		assert.equal(second.status, 'success', second.error?.message);
		assert.equal(second.output('Reminder')[0].json.reminderId, first.output('Reminder')[0].json.reminderId);
		const posts = async () => (await suite.sandbox.control.ledger()).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reminders')).length;
		assert.equal(await posts(), 1);
		const third = await run({ ...params, skipExisting: false });
		assert.notEqual(third.output('Reminder')[0].json.reminderId, first.output('Reminder')[0].json.reminderId);
		assert.equal(await posts(), 2);
	});

	const refused: Array<[string, IDataObject, string]> = [
		['create without a name (an expression that came out empty)', { operation: 'create', name: '={{ $json.missing ?? "" }}', channel: 'EMAIL', offsetDays: 1, reference: 'DUE_DATE', enabled: true }, 'Item 1: Name is required'],
		['create with half a day', { operation: 'create', name: 'x', channel: 'EMAIL', offsetDays: 1.5, reference: 'DUE_DATE', enabled: true }, 'Item 1: Offset Days must be a whole number of days'],
		['create a year and a day out', { operation: 'create', name: 'x', channel: 'EMAIL', offsetDays: 366, reference: 'DUE_DATE', enabled: true }, 'Item 1: Offset Days must be between -365 and 365'],
		['update with nothing to change', { operation: 'update', reminderId: 'R1', updateFields: {} }, 'Item 1: choose at least one field to update'],
	];
	for (const [name, parameters, message] of refused) {
		test(`${name} is refused before any request`, async () => {
			const result = await run(parameters);
			assert.equal(result.status, 'error');
			assert.equal(result.nodeError('Reminder')?.message, message);
			assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
		});
	}

	test('the operation list reads as actions and is complete', () => {
		const enkash = packageTypes().nodeTypes.getByNameAndVersion('n8n-nodes-token-connectors.enkash');
		const operation = enkash.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'paymentReminder');
		assert.deepEqual(
			operation?.options?.map((o) => (o as { action: string }).action),
			['Create a payment reminder', 'Delete a payment reminder', 'Get a payment reminder', 'Get many payment reminders', 'Update a payment reminder'],
		);
	});
});
