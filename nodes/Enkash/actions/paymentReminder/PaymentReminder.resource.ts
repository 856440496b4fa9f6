/** The Payment Reminder resource's operations and its Operation field. */
import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteReminder from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteReminder, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentReminder'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a payment reminder for a customer', action: 'Create a payment reminder' },
			{ name: 'Delete', value: 'delete', description: 'Delete a payment reminder', action: 'Delete a payment reminder' },
			{ name: 'Get', value: 'get', description: 'Get a payment reminder', action: 'Get a payment reminder' },
			{ name: 'Get Many', value: 'getMany', description: "List a customer's payment reminders", action: 'Get many payment reminders' },
			{ name: 'Update', value: 'update', description: 'Change a payment reminder', action: 'Update a payment reminder' },
		],
		default: 'create',
	},
	...create.description,
	...deleteReminder.description,
	...get.description,
	...getMany.description,
	...update.description,
];
