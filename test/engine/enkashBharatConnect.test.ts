/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

describe('Enkash › Bharat Connect (engine, sandbox)', () => {
	const suite = useEnkashSandbox();

	const run = async (parameters: IDataObject) => await runWorkflow(enkashWorkflow('BC', { resource: 'bharatConnect', ...parameters }), { credentials: suite.credentials });
	const status = {
		operation: 'changeInvoiceStatus',
		b2bIds: 'B2B-1, B2B-2',
		objectId: 'OBJ-9',
		supplierInvoiceNumber: 'INV-2026-001',
		supplierAction: 'ACCEPT',
		currentStatus: 'PENDING',
		newStatus: 'ACCEPTED',
	};

	test('Payment Confirmation: accepted and recorded', async () => {
		const result = await run({ operation: 'paymentConfirmation', invoiceIds: 'EKINV1000000001, EKINV1000000002', paymentId: 'PAY-1', response: 'SUCCESS', type: 'PAYMENT' });
		assert.equal(result.status, 'success', result.error?.message);
		assert.deepEqual(result.output('BC')[0].json.invoiceIds, ['EKINV1000000001', 'EKINV1000000002']);
		assert.equal(result.output('BC')[0].json.status, 'ACCEPTED');
		assert.equal((await suite.sandbox.control.ledger()).records.filter((r) => r.type === 'bcPaymentConfirmation').length, 1);
	});

	test('Payment Confirmation: an unknown invoice is Enkash’s RECORD_NOT_FOUND', async () => {
		const result = await run({ operation: 'paymentConfirmation', invoiceIds: 'EKINV9999999999', paymentId: 'PAY-1', response: 'SUCCESS', type: 'PAYMENT' });
		assert.equal(result.status, 'error');
		assert.match(result.nodeError('BC')?.message ?? '', /^Enkash RECORD_NOT_FOUND: /);
	});

	test('Payment Confirmation: a malformed invoice ID is refused before any request', async () => {
		const result = await run({ operation: 'paymentConfirmation', invoiceIds: 'EKINV1, x', paymentId: 'PAY-1', response: 'SUCCESS', type: 'PAYMENT' });
		assert.equal(result.nodeError('BC')?.message, 'Item 1: Invoice IDs must each be EKINV followed by 10 digits');
		assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
	});

	test('Change Invoice Status: accepted with the new status', async () => {
		const result = await run(status);
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output('BC')[0].json.newStatus, 'ACCEPTED');
		assert.deepEqual(result.output('BC')[0].json.b2bIds, ['B2B-1', 'B2B-2']);
	});

	test('Change Invoice Status: a missing new status is named', async () => {
		const result = await run({ ...status, newStatus: '={{ "" }}' });
		assert.equal(result.nodeError('BC')?.message, 'Item 1: New Status is required');
		assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
	});
});
