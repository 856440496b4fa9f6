/** The Enkash action node: its description and the router to its operations. */
import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import * as bharatConnect from './actions/bharatConnect/BharatConnect.resource';
import * as customer from './actions/customer/Customer.resource';
import * as customerContact from './actions/customerContact/CustomerContact.resource';
import * as invoice from './actions/invoice/Invoice.resource';
import * as paymentReminder from './actions/paymentReminder/PaymentReminder.resource';
import { requestOptions } from '../../shared/descriptions/requestOptions';
import { toolDescriptions } from '../../shared/descriptions/toolDescription';
import { ENKASH_TOOL_TEXTS } from './descriptions/toolDescriptions';
import { router } from './actions/router';
import { searchCustomers, searchInvoices } from './methods/listSearch';

export class Enkash implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enkash',
		name: 'enkash',
		icon: { light: 'file:enkash.svg', dark: 'file:enkash.dark.svg' },
		group: ['transform'],
		// 1.1: Concurrency Mode defaults to Automatic (version 1 keeps Fixed, 5); nothing else differs.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Enkash Accounts Receivable: customers, invoices, payment reminders and Bharat Connect',
		defaults: { name: 'Enkash' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enkashApi', required: true }],
		properties: [
			// Shown only when the node runs as an AI tool.
			...toolDescriptions(ENKASH_TOOL_TEXTS),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Bharat Connect', value: 'bharatConnect' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Customer Contact', value: 'customerContact' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Payment Reminder', value: 'paymentReminder' },
				],
				default: 'invoice',
			},
			...bharatConnect.description,
			...customer.description,
			...customerContact.description,
			...invoice.description,
			...paymentReminder.description,
			requestOptions('Enkash'),
		],
	};

	methods = { listSearch: { searchCustomers, searchInvoices } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
