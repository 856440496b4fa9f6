/** The Customer Contact resource's operations and its Operation field. */
import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const operations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customerContact'] } },
		options: [{ name: 'Get', value: 'get', description: "Get a customer's key contacts", action: 'Get the contacts of a customer' }],
		default: 'get',
	},
	...get.description,
];
