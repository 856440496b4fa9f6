import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as search from './search.operation';

export const operations = { create, get, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an invoice for a customer', action: 'Create an invoice' },
			{ name: 'Get', value: 'get', description: 'Get an invoice by its ID', action: 'Get an invoice' },
			{ name: 'Search', value: 'search', description: 'Find invoices by customer, dates, amounts or status', action: 'Search invoices' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...search.description,
];
