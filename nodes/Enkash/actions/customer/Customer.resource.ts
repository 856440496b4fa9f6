/** The Customer resource's operations and its Operation field. */
import type { INodeProperties } from 'n8n-workflow';

import * as activate from './activate.operation';
import * as bulkCreate from './bulkCreate.operation';
import * as bulkUpdate from './bulkUpdate.operation';
import * as create from './create.operation';
import * as deactivate from './deactivate.operation';
import * as deleteCustomer from './delete.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operations = { activate, bulkCreate, bulkUpdate, create, deactivate, delete: deleteCustomer, get, search, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Activate', value: 'activate', description: 'Let a customer be invoiced again', action: 'Activate a customer' },
			{ name: 'Bulk Create', value: 'bulkCreate', description: 'Create many customers from the input items or a CSV file', action: 'Create customers in bulk' },
			{ name: 'Bulk Update', value: 'bulkUpdate', description: 'Change many customers from the input items or a CSV file', action: 'Update customers in bulk' },
			{ name: 'Create', value: 'create', description: 'Create a customer with its key contacts', action: 'Create a customer' },
			{ name: 'Deactivate', value: 'deactivate', description: 'Stop invoicing a customer', action: 'Deactivate a customer' },
			{ name: 'Delete', value: 'delete', description: 'Delete a customer and its reminders', action: 'Delete a customer' },
			{ name: 'Get', value: 'get', description: 'Get a customer', action: 'Get a customer' },
			{ name: 'Search', value: 'search', description: 'Find customers by name, state or status', action: 'Search customers' },
			{ name: 'Update', value: 'update', description: 'Change a customer', action: 'Update a customer' },
		],
		default: 'get',
	},
	...activate.description,
	...bulkCreate.description,
	...bulkUpdate.description,
	...create.description,
	...deactivate.description,
	...deleteCustomer.description,
	...get.description,
	...search.description,
	...update.description,
];
