import type { INodeProperties } from 'n8n-workflow';

import * as listWorkflows from './listWorkflows.operation';

export const operations = { listWorkflows };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'List Workflows',
				value: 'listWorkflows',
				description: 'List the workflow reports your account can read',
				action: 'List workflow reports',
			},
		],
		default: 'listWorkflows',
	},
	...listWorkflows.description,
];
