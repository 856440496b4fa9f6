/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject } from 'n8n-workflow';

import { SEED_FACTS } from '../../sandbox';
import { runWorkflow } from '../harness';
import { enkashWorkflow, useEnkashSandbox } from './support/enkash';

const CUSTOMER = SEED_FACTS.enkash.activeCustomerId;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromExpression = (value: string) => ({ __rl: true, mode: 'list', value });
const contact = { contact: [{ name: 'Asha Rao', email: 'asha@example.com' }] };

const invoice = (override: IDataObject): IDataObject => ({
	resource: 'invoice',
	operation: 'create',
	customerId: CUSTOMER,
	baseAmount: 100,
	dueDate: '2026-12-15',
	skipExisting: false,
	additionalFields: {},
	...override,
});
const customer = (override: IDataObject): IDataObject => ({ resource: 'customer', operation: 'create', legalName: 'Acme', keyContacts: contact, additionalFields: {}, ...override });
const reminder = (override: IDataObject): IDataObject => ({
	resource: 'paymentReminder',
	operation: 'create',
	customerId: byId(CUSTOMER),
	name: 'Before due',
	channel: 'EMAIL',
	offsetDays: -3,
	reference: 'DUE_DATE',
	enabled: true,
	...override,
});

/**
 * Inputs the node must refuse itself, with the words a no-code user reads, before anything is
 * sent: each case asserts the exact message and an empty sandbox ledger.
 */
const BAD_INPUTS: Array<[string, IDataObject, string]> = [
	['invoice: amount 0', invoice({ baseAmount: 0 }), 'Item 1: Base Amount must be at least 0.1'],
	['invoice: amount 0.09', invoice({ baseAmount: 0.09 }), 'Item 1: Base Amount must be at least 0.1'],
	['invoice: negative amount', invoice({ baseAmount: -5 }), 'Item 1: Base Amount must be at least 0.1'],
	['invoice: amount as words', invoice({ baseAmount: '={{ "ten" }}' }), 'Item 1: Base Amount must be a number'],
	['invoice: customer ID too short', invoice({ customerId: fromExpression('KC123') }), 'Item 1: Customer must be KC followed by 14 capital letters or digits'],
	['invoice: customer ID wrong prefix', invoice({ customerId: 'XCDEMOACTIVE0001' }), 'Item 1: Customer must be KC followed by 14 capital letters or digits'],
	['invoice: customer ID lower case', invoice({ customerId: 'kcdemoactive0001' }), 'Item 1: Customer must be KC followed by 14 capital letters or digits'],
	['invoice: 30 February', invoice({ dueDate: '2026-02-30' }), 'Item 1: Due Date must be a real calendar date (got "2026-02-30": February 2026 has 28 days)'],
	['invoice: month 13', invoice({ dueDate: '2026-13-01' }), 'Item 1: Due Date must be a real calendar date (got "2026-13-01": there is no month 13)'],
	['invoice: date in words', invoice({ dueDate: 'next tuesday' }), 'Item 1: Due Date must be a date such as 2026-12-01 (got "next tuesday")'],
	['invoice: US-style date', invoice({ dueDate: '12/15/2026' }), 'Item 1: Due Date must be a date such as 2026-12-01 (got "12/15/2026")'],
	['invoice: empty due date', invoice({ dueDate: '={{ "" }}' }), 'Item 1: Due Date is required'],
	['invoice: bad e-mail', invoice({ additionalFields: { emailAddress: 'billing-at-acme' } }), 'Item 1: Email Address must be an e-mail address such as name@example.com'],
	['invoice: CGST over 100', invoice({ additionalFields: { cgst: 140 } }), 'Item 1: CGST must be at most 100'],
	['invoice: negative balance', invoice({ additionalFields: { balanceAmount: -1 } }), 'Item 1: Balance Amount cannot be negative'],
	['invoice: external ID too long', invoice({ additionalFields: { externalId: 'x'.repeat(101) } }), 'Item 1: External ID must be at most 100 characters'],
	['invoice update: malformed invoice ID', { resource: 'invoice', operation: 'update', invoiceId: 'INV-1', updateFields: { description: 'x' } }, 'Item 1: Invoice ID must be EKINV followed by 10 digits (got "INV-1")'],
	['invoice update: nothing to change', { resource: 'invoice', operation: 'update', invoiceId: 'EKINV1000000001', updateFields: {} }, 'Item 1: choose at least one field to update'],
	['invoice get: malformed invoice ID', { resource: 'invoice', operation: 'get', invoiceId: 'EKINV12' }, 'Item 1: Invoice ID must be EKINV followed by 10 digits (got "EKINV12")'],
	['invoice search: created-on in words', { resource: 'invoice', operation: 'search', returnAll: true, filters: { createdOnFrom: 'yesterday' } }, 'Item 1: Created On From must be a date or date-time such as 2026-12-01 or 2026-12-01T09:30:00 (got "yesterday")'],
	['invoice search: a customer ID filter with a typo', { resource: 'invoice', operation: 'search', returnAll: true, filters: { customerIds: 'KCDEMOACTIVE0001, KCDEMO-ACTIVE' } }, 'Item 1: Customer IDs must each be KC followed by 14 capital letters or digits (got "KCDEMO-ACTIVE")'],
	['invoice dispatch: malformed ID', { resource: 'invoice', operation: 'dispatch', invoiceId: 'EKINV-1' }, 'Item 1: Invoice ID must be EKINV followed by 10 digits (got "EKINV-1")'],
	['customer: no key contact', customer({ keyContacts: {} }), 'Item 1: Key Contacts need at least one contact'],
	['customer: contact without e-mail or mobile', customer({ keyContacts: { contact: [{ name: 'X' }] } }), 'Item 1: Key Contacts need an e-mail address or a mobile number'],
	['customer: contact without a name', customer({ keyContacts: { contact: [{ email: 'a@b.co' }] } }), 'Item 1: Key Contacts need a name'],
	['customer: bad contact e-mail', customer({ keyContacts: { contact: [{ name: 'X', email: 'nope' }] } }), 'Item 1: Key Contacts need a valid e-mail address'],
	['customer: landline as mobile', customer({ keyContacts: { contact: [{ name: 'X', mobile: '0801234567' }] } }), 'Item 1: Key Contacts need a 10-digit Indian mobile number'],
	['customer: 11 contacts', customer({ keyContacts: { contact: Array.from({ length: 11 }, (_, i) => ({ name: `C${i}`, email: `c${i}@example.com` })) } }), 'Item 1: Key Contacts can hold at most 10 contacts'],
	['customer: empty legal name', customer({ legalName: '={{ "  " }}' }), 'Item 1: Legal Name is required'],
	['customer: PIN with letters', customer({ additionalFields: { pinCode: '56OO01' } }), 'Item 1: PIN Code must be six digits'],
	['customer: IFSC without the 0', customer({ additionalFields: { ifsc: 'HDFC1001234' } }), 'Item 1: IFSC must be an IFSC code such as HDFC0001234'],
	['customer: short account number', customer({ additionalFields: { accountNumber: '123' } }), 'Item 1: Account Number must be 6 to 18 digits'],
	['customer: bad contact number', customer({ additionalFields: { contactNumber: '12-34' } }), 'Item 1: Contact Number must be 10 to 13 digits, optionally with +'],
	['customer activate: ID from an expression', { resource: 'customer', operation: 'activate', customerId: fromExpression('C-7') }, 'Item 1: Customer must be an Enkash customer ID: KC followed by 14 capital letters or digits (got "C-7")'],
	['reminder: half a day', reminder({ offsetDays: 0.5 }), 'Item 1: Offset Days must be a whole number of days'],
	['reminder: 400 days', reminder({ offsetDays: 400 }), 'Item 1: Offset Days must be between -365 and 365'],
	['bharat connect: malformed invoice ID', { resource: 'bharatConnect', operation: 'paymentConfirmation', invoiceIds: 'EKINV1', paymentId: 'P', response: 'SUCCESS', type: 'PAYMENT' }, 'Item 1: Invoice IDs must each be EKINV followed by 10 digits'],
	['bharat connect: no invoice', { resource: 'bharatConnect', operation: 'paymentConfirmation', invoiceIds: '={{ "" }}', paymentId: 'P', response: 'SUCCESS', type: 'PAYMENT' }, 'Item 1: Invoice IDs must name at least one invoice'],
];

describe(`Enkash: ${BAD_INPUTS.length} bad inputs, each refused with its message before reaching the server`, () => {
	const suite = useEnkashSandbox();

	test('the table is at least 30 cases', () => assert.ok(BAD_INPUTS.length >= 30));

	for (const [name, parameters, message] of BAD_INPUTS) {
		test(name, async () => {
			const result = await runWorkflow(enkashWorkflow('Enkash', parameters), { credentials: suite.credentials });
			assert.equal(result.status, 'error');
			assert.equal(result.nodeError('Enkash')?.message, message);
			assert.equal((await suite.sandbox.control.ledger()).requests.length, 0, 'nothing reached the server');
		});
	}

	test('the same bad input in item 3 of 3, with Continue on Fail: items 1 and 2 go through, item 3 is an error item', async () => {
		const json = enkashWorkflow('Enkash', invoice({ baseAmount: '={{ $json.amount }}', additionalFields: { externalId: '={{ $json.ref }}' } }), { onError: 'continueRegularOutput' });
		const result = await runWorkflow(json, { credentials: suite.credentials, input: [{ amount: 10, ref: 'a' }, { amount: 20, ref: 'b' }, { amount: 0, ref: 'c' }] });
		const items = result.output('Enkash');
		assert.deepEqual(items.map((i) => i.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		assert.match(String(items[0].json.invoiceId), /^EKINV/);
		assert.match(String(items[1].json.invoiceId), /^EKINV/);
		assert.equal(items[2].json.error, 'Item 3: Base Amount must be at least 0.1');
	});
});
