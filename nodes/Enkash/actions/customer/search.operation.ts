/** Customer → Search: customers matching the filters, paged until Limit. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resultLimit, returnAllOrLimit } from '../../../../shared/descriptions/returnAll';
import { choiceParameter } from '../../../../shared/validation';
import { findCustomers } from '../../transport/searches';

const show = { resource: ['customer'], operation: ['search'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Filters',
		name: 'customerFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'options',
				default: 'any',
				description: 'Whether to find active customers, deactivated ones or both',
				options: [
					{ name: 'Active Only', value: 'yes' },
					{ name: 'Any', value: 'any' },
					{ name: 'Inactive Only', value: 'no' },
				],
			},
			{ displayName: 'Legal Name Contains', name: 'legalName', type: 'string', default: '', description: 'Part of the legal name, any case' },
			{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'Karnataka', description: 'Only customers in this Indian state' },
			{ displayName: 'Unique Reference Number', name: 'uniqueRefNo', type: 'string', default: '', description: 'Your own reference for the customer' },
		],
	},
];

/** `POST /api/v0/customer/search`, paged until Limit or the end. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const filters = this.getNodeParameter('customerFilters', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const key of ['legalName', 'state', 'uniqueRefNo']) {
		if (typeof filters[key] === 'string' && (filters[key] as string).trim()) body[key] = (filters[key] as string).trim();
	}
	const active = choiceParameter(this.getNode(), filters.active, itemIndex, 'Active', { yes: 'Active Only', any: 'Any', no: 'Inactive Only' }, 'any');
	if (active !== 'any') body.active = active === 'yes';
	return await findCustomers(this, body, { max: resultLimit(returnAll, limit, itemIndex), pageSize: 500, itemIndex });
}
