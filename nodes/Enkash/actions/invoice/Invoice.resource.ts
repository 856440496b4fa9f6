import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as search from './search.operation';

export const operations = { get, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an invoice by its ID', action: 'Get an invoice' },
			{ name: 'Search', value: 'search', description: 'Find invoices by customer, dates, amounts or status', action: 'Search invoices' },
		],
		default: 'get',
	},
	...get.description,
	...search.description,
];
