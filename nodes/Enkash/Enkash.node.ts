import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import * as bharatConnect from './actions/bharatConnect/BharatConnect.resource';
import * as customer from './actions/customer/Customer.resource';
import * as customerContact from './actions/customerContact/CustomerContact.resource';
import * as invoice from './actions/invoice/Invoice.resource';
import * as paymentReminder from './actions/paymentReminder/PaymentReminder.resource';
import { router } from './actions/router';
import { searchCustomers, searchInvoices } from './methods/listSearch';

export class Enkash implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enkash',
		name: 'enkash',
		icon: { light: 'file:enkash.svg', dark: 'file:enkash.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Enkash Accounts Receivable: customers, invoices, payment reminders and Bharat Connect',
		defaults: { name: 'Enkash' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enkashApi', required: true }],
		properties: [
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
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Concurrency',
						name: 'concurrency',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 50 },
						default: 5,
						description: 'How many items are sent to Enkash at the same time. They all share one access token.',
					},
					{
						displayName: 'Retry Attempts',
						name: 'retryAttempts',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 10 },
						default: 4,
						description: 'How many times a request is tried in all when Enkash answers 429 (too many requests) or 503 (unavailable)',
					},
					{
						displayName: 'Max Retry Wait (Seconds)',
						name: 'maxRetryWaitSeconds',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 300 },
						default: 30,
						description: "The longest pause before a retry. If Enkash's Retry-After asks for longer, the item fails instead of waiting.",
					},
				],
			},
		],
	};

	methods = { listSearch: { searchCustomers, searchInvoices } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
