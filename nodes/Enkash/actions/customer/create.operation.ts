/** Customer → Create: one customer per item, or the one that already has its Unique Reference Number. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { customerBody } from './customerBody';
import { customerFields } from './customerFields';
import { customerByReference } from './customerLookup';

const show = { resource: ['customer'], operation: ['create'] };

const skipExisting: INodeProperties = {
	displayName: 'Skip If Reference Exists',
	name: 'skipExisting',
	type: 'boolean',
	default: true,
	description: 'Whether to return the existing customer instead of creating a second one when one has the same Unique Reference Number',
	displayOptions: { show },
};

/** The customer's fields, with Skip If Reference Exists before Additional Fields. */
export const description: INodeProperties[] = customerFields(show).flatMap((field) => (field.name === 'additionalFields' ? [skipExisting, field] : [field]));

/** `POST /api/v0/customer`: a customer with its key contacts, or the one that already has this reference. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = customerBody(this, itemIndex);
	const reference = typeof body.uniqueRefNo === 'string' ? body.uniqueRefNo : undefined;
	if (reference && (this.getNodeParameter('skipExisting', itemIndex, true) as boolean)) {
		const existing = await customerByReference(this, reference, { itemIndex });
		if (existing) return [existing];
	}
	const created = await enkashApiRequest.call(this, 'POST', '/api/v0/customer', {
		body,
		itemIndex,
		findExisting: reference ? async (allowance) => await customerByReference(this, reference, { itemIndex, allowance }) : undefined,
	});
	return [created as IDataObject];
}
