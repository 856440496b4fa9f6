/** The form fields of one invoice: Create shows them, Bulk Upload builds its rows from them, Update offers the optional ones. */
import type { INodeProperties } from 'n8n-workflow';

import { customerLocator } from '../customer/customerId';

/** The optional invoice fields, for Create's Additional Fields and Update's Update Fields. */
export const INVOICE_FIELD_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Approval Status',
		name: 'approvalStatus',
		type: 'options',
		default: 'APPROVED',
		description: 'Only approved invoices can be dispatched to the customer',
		options: [
			{ name: 'Approved', value: 'APPROVED' },
			{ name: 'Pending', value: 'PENDING' },
			{ name: 'Rejected', value: 'REJECTED' },
		],
	},
	{ displayName: 'Balance Amount', name: 'balanceAmount', type: 'number', default: 0, description: 'The amount still to be paid, if not the full amount' },
	{ displayName: 'CGST', name: 'cgst', type: 'number', default: 0, description: 'Central GST rate in percent' },
	{ displayName: 'Charge Customer', name: 'chargeCustomer', type: 'boolean', default: false, description: 'Whether the customer pays the payment fees' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the invoice is for, shown to the customer' },
	{ displayName: 'Dispatch Now', name: 'dispatchNow', type: 'boolean', default: false, description: 'Whether to send the invoice to the customer right away' },
	{ displayName: 'Email Address', name: 'emailAddress', type: 'string', placeholder: 'name@email.com', default: '', description: 'Where to send the invoice' },
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'Your own reference for the invoice, such as the order number; used to avoid creating it twice',
	},
	{ displayName: 'GST Exclusive', name: 'gstExclusive', type: 'boolean', default: false, description: 'Whether GST is added on top of the base amount' },
];

/** The fields of one invoice, shown for `display` (Create from fields, and Bulk Upload built from items). */
export function invoiceFields(display: Record<string, string[]>): INodeProperties[] {
	return [
	customerLocator(display, 'The Enkash customer to invoice'),
	{
		displayName: 'Base Amount',
		name: 'baseAmount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0.1, numberPrecision: 2 },
		default: 0,
		description: 'The amount before tax, at least 0.1',
		displayOptions: { show: display },
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'YYYY-MM-DD',
		description: "When payment is due. A date-time or an expression such as {{ $today.plus(30, 'days') }} is read in the workflow's time zone.",
		displayOptions: { show: display },
	},
	{
		displayName: 'Skip If External ID Exists',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the existing invoice instead of creating a second one when an invoice with the same External ID exists, so re-running a workflow never doubles an invoice',
		displayOptions: { show: display },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: display },
		options: INVOICE_FIELD_OPTIONS,
	},
	];
}

/** Skip If External ID Exists alone, shown for `display` (the sources that take every other field from the item). */
export function skipExistingField(display: Record<string, string[]>): INodeProperties[] {
	return invoiceFields(display).filter((field) => field.name === 'skipExisting');
}
