/** The Bharat Connect resource's operations and its Operation field. */
import type { INodeProperties } from 'n8n-workflow';

import * as bulkCreateInvoices from './bulkCreateInvoices.operation';
import * as changeInvoiceStatus from './changeInvoiceStatus.operation';
import * as paymentConfirmation from './paymentConfirmation.operation';

export const operations = { bulkCreateInvoices, changeInvoiceStatus, paymentConfirmation };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bharatConnect'] } },
		options: [
			{ name: 'Bulk Create Invoices', value: 'bulkCreateInvoices', description: 'Create many invoices from the input items or a CSV file', action: 'Create invoices in bulk' },
			{ name: 'Change Invoice Status', value: 'changeInvoiceStatus', description: 'Ask Bharat Connect to move an invoice to a new status', action: 'Change an invoice status' },
			{ name: 'Payment Confirmation', value: 'paymentConfirmation', description: 'Confirm a payment against invoices', action: 'Confirm a payment' },
		],
		default: 'paymentConfirmation',
	},
	...bulkCreateInvoices.description,
	...changeInvoiceStatus.description,
	...paymentConfirmation.description,
];
