import type { INodeProperties } from 'n8n-workflow';

import * as activate from './activate.operation';
import * as deactivate from './deactivate.operation';
import * as deleteCustomer from './delete.operation';
import * as get from './get.operation';
import * as search from './search.operation';

export const operations = { activate, deactivate, delete: deleteCustomer, get, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Activate', value: 'activate', description: 'Let a customer be invoiced again', action: 'Activate a customer' },
			{ name: 'Deactivate', value: 'deactivate', description: 'Stop invoicing a customer', action: 'Deactivate a customer' },
			{ name: 'Delete', value: 'delete', description: 'Delete a customer and its reminders', action: 'Delete a customer' },
			{ name: 'Get', value: 'get', description: 'Get a customer', action: 'Get a customer' },
			{ name: 'Search', value: 'search', description: 'Find customers by name, state or status', action: 'Search customers' },
		],
		default: 'get',
	},
	...activate.description,
	...deactivate.description,
	...deleteCustomer.description,
	...get.description,
	...search.description,
];
