/** The Invoice resource's operations and its Operation field. */
import type { INodeProperties } from 'n8n-workflow';

import * as bulkUpload from './bulkUpload.operation';
import * as create from './create.operation';
import * as deleteCollection from './deleteCollection.operation';
import * as dispatch from './dispatch.operation';
import * as get from './get.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operations = { bulkUpload, create, deleteCollection, dispatch, get, search, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{ name: 'Bulk Upload', value: 'bulkUpload', description: 'Create many invoices from the input items or a CSV file', action: 'Upload invoices in bulk' },
			{ name: 'Create', value: 'create', description: 'Create an invoice for a customer', action: 'Create an invoice' },
			{ name: 'Delete Collection', value: 'deleteCollection', description: 'Delete the invoices of all input items in one request', action: 'Delete invoices' },
			{ name: 'Dispatch', value: 'dispatch', description: 'Send the invoices of all input items to their customers', action: 'Dispatch invoices' },
			{ name: 'Get', value: 'get', description: 'Get an invoice by its ID', action: 'Get an invoice' },
			{ name: 'Search', value: 'search', description: 'Find invoices by customer, dates, amounts or status', action: 'Search invoices' },
			{ name: 'Update', value: 'update', description: 'Change an invoice', action: 'Update an invoice' },
		],
		default: 'get',
	},
	...bulkUpload.description,
	...create.description,
	...deleteCollection.description,
	...dispatch.description,
	...get.description,
	...search.description,
	...update.description,
];
