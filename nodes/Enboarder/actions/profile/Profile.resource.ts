/** The Profile resource's operations and its Operation field. */
import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteProfile from './delete.operation';
import * as get from './get.operation';
import * as listWorkflows from './listWorkflows.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteProfile, get, listWorkflows, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['profile'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create the profile of a new hire or employee', action: 'Create a profile' },
			{ name: 'Delete', value: 'delete', description: 'Delete a profile that has no active workflow', action: 'Delete a profile' },
			{ name: 'Get', value: 'get', description: 'Get a profile by its ID', action: 'Get a profile' },
			{ name: 'List Workflows', value: 'listWorkflows', description: 'List the active workflows of a profile (at most 10)', action: 'List the workflows of a profile' },
			{ name: 'Update', value: 'update', description: 'Change some fields of a profile', action: 'Update a profile' },
		],
		default: 'create',
	},
	...create.description,
	...deleteProfile.description,
	...get.description,
	...listWorkflows.description,
	...update.description,
];
