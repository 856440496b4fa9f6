import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { HarnessCredentialsHelper, resetTokenState, runWorkflow, type WorkflowJson } from '../harness';

function bcWorkflow(parameters: IDataObject): WorkflowJson {
	return {
		name: 'Bharat Connect',
		nodes: [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'e',
				name: 'BC',
				type: 'n8n-nodes-token-connectors.enkash',
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'bharatConnect', ...parameters } as INodeParameters,
				credentials: { enkashApi: { id: 'sandbox-enkash', name: 'Enkash sandbox' } },
			},
		],
		connections: { Start: { main: [[{ node: 'BC', type: 'main', index: 0 }]] } },
	};
}

describe('Enkash › Bharat Connect (engine, sandbox)', () => {
	let sandbox: Sandbox;
	let credentials: HarnessCredentialsHelper;

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		const d = DEMO_CREDENTIALS.enkash;
		credentials = new HarnessCredentialsHelper();
		await credentials.add({
			id: 'sandbox-enkash',
			type: 'enkashApi',
			data: {
				environment: 'custom',
				baseUrl: vendorBaseUrls(sandbox.url).enkash,
				oauthClientId: d.oauthClientId,
				oauthClientSecret: d.oauthClientSecret,
				username: d.username,
				password: d.password,
				companyClientId: d.companyClientId,
			},
		});
	});
	after(async () => await sandbox.close());
	beforeEach(async () => {
		await sandbox.control.reset();
		resetTokenState();
	});

	const run = async (parameters: IDataObject) => await runWorkflow(bcWorkflow(parameters), { credentials });
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
		assert.equal((await sandbox.control.ledger()).records.filter((r) => r.type === 'bcPaymentConfirmation').length, 1);
	});

	test('Payment Confirmation: an unknown invoice is Enkash’s RECORD_NOT_FOUND', async () => {
		const result = await run({ operation: 'paymentConfirmation', invoiceIds: 'EKINV9999999999', paymentId: 'PAY-1', response: 'SUCCESS', type: 'PAYMENT' });
		assert.equal(result.status, 'error');
		assert.match(result.nodeError('BC')?.message ?? '', /^Enkash RECORD_NOT_FOUND: /);
	});

	test('Payment Confirmation: a malformed invoice ID is refused before any request', async () => {
		const result = await run({ operation: 'paymentConfirmation', invoiceIds: 'EKINV1, x', paymentId: 'PAY-1', response: 'SUCCESS', type: 'PAYMENT' });
		assert.equal(result.nodeError('BC')?.message, 'Item 1: Invoice IDs must each be EKINV followed by 10 digits');
		assert.equal((await sandbox.control.ledger()).requests.length, 0);
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
		assert.equal((await sandbox.control.ledger()).requests.length, 0);
	});
});
