import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { validateInput } from '../../../../shared/validation';
import { enkashApiRequest } from '../../transport';
import { CUSTOMER_FIELD_OPTIONS, CUSTOMER_LABELS, customerInput, customerSchema, keyContactsField } from './customerFields';

const show = { resource: ['customer'], operation: ['create'] };

export const description: INodeProperties[] = [
	{ displayName: 'Legal Name', name: 'legalName', type: 'string', required: true, default: '', description: "The customer's registered business name", displayOptions: { show } },
	keyContactsField(show, true),
	{
		displayName: 'Skip If Reference Exists',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description: 'Whether to return the existing customer instead of creating a second one when one has the same Unique Reference Number',
		displayOptions: { show },
	},
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show }, options: CUSTOMER_FIELD_OPTIONS },
];

async function findByReference(this: IExecuteFunctions, uniqueRefNo: string, itemIndex: number): Promise<IDataObject | undefined> {
	const page = (await enkashApiRequest.call(this, 'POST', '/api/v0/customer/search', { qs: { limit: 1, offset: 0 }, body: { uniqueRefNo }, itemIndex, idempotent: true })) as {
		content?: IDataObject[];
	};
	return page?.content?.[0];
}

/** One item's new customer, validated. */
export function customerBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = customerInput(
		{ legalName: context.getNodeParameter('legalName', itemIndex, ''), ...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) },
		context.getNodeParameter('keyContacts', itemIndex, {}) as IDataObject,
	);
	return validateInput(context.getNode(), customerSchema, raw, itemIndex, CUSTOMER_LABELS) as IDataObject;
}

/** The fields of one new customer, shown for `display` (Create, and Bulk Create built from items). */
export function customerFields(display: Record<string, string[]>): INodeProperties[] {
	return description.filter((field) => field.name !== 'skipExisting').map((field) => ({ ...field, displayOptions: { show: display } }));
}

/** `POST /api/v0/customer`: a customer with its key contacts, or the one that already has this reference. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = customerBody(this, itemIndex);
	const reference = typeof body.uniqueRefNo === 'string' ? body.uniqueRefNo : undefined;
	if (reference && (this.getNodeParameter('skipExisting', itemIndex, true) as boolean)) {
		const existing = await findByReference.call(this, reference, itemIndex);
		if (existing) return [existing];
	}
	const created = await enkashApiRequest.call(this, 'POST', '/api/v0/customer', {
		body,
		itemIndex,
		findExisting: reference ? async () => await findByReference.call(this, reference, itemIndex) : undefined,
	});
	return [created as IDataObject];
}
