/** The Report resource's operations and its fields. */
import type { INodeProperties } from 'n8n-workflow';

import * as getFormData from './getFormData.operation';
import * as getFormProperties from './getFormProperties.operation';
import * as getWorkflowData from './getWorkflowData.operation';
import * as getWorkflowProperties from './getWorkflowProperties.operation';
import * as listForms from './listForms.operation';
import * as listWorkflows from './listWorkflows.operation';

export const operations = { getFormData, getFormProperties, getWorkflowData, getWorkflowProperties, listForms, listWorkflows };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get Form Data',
				value: 'getFormData',
				description: 'Read the rows of a form report (form submissions), page by page',
				action: 'Get the rows of a form report',
			},
			{
				name: 'Get Form Properties',
				value: 'getFormProperties',
				description: 'Read the columns of a form report',
				action: 'Get the columns of a form report',
			},
			{
				name: 'Get Workflow Data',
				value: 'getWorkflowData',
				description: 'Read the rows of a workflow report (one per onboarding), page by page',
				action: 'Get the rows of a workflow report',
			},
			{
				name: 'Get Workflow Properties',
				value: 'getWorkflowProperties',
				description: 'Read the columns of a workflow report',
				action: 'Get the columns of a workflow report',
			},
			{
				name: 'List Forms',
				value: 'listForms',
				description: 'List the form reports your account can read',
				action: 'List form reports',
			},
			{
				name: 'List Workflows',
				value: 'listWorkflows',
				description: 'List the workflow reports your account can read',
				action: 'List workflow reports',
			},
		],
		default: 'listWorkflows',
	},
	...getFormData.description,
	...getFormProperties.description,
	...getWorkflowData.description,
	...getWorkflowProperties.description,
	...listForms.description,
	...listWorkflows.description,
];
