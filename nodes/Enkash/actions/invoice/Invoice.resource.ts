import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const operations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [{ name: 'Get', value: 'get', description: 'Get an invoice by its ID', action: 'Get an invoice' }],
		default: 'get',
	},
	...get.description,
];
