import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { validateInput } from '../../../../shared/validation';
import { companyId, enkashApiRequest } from '../../transport';
import { CUSTOMER_FIELD_OPTIONS, CUSTOMER_LABELS, customerInput, customerSchema, keyContactsField } from './customerFields';
import { customerIdFor, customerLocator } from './customerId';
import { sortedByLabel } from '../../../../shared/descriptions/sortedByLabel';

const show = { resource: ['customer'], operation: ['update'] };

export const description: INodeProperties[] = [
	customerLocator(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		// Sorted by label, as n8n lists "Add Field" choices.
		options: sortedByLabel([...CUSTOMER_FIELD_OPTIONS, { displayName: 'Legal Name', name: 'legalName', type: 'string', default: '', description: "The customer's registered business name" }]),
	},
	{ ...keyContactsField(show, false), description: 'Replaces all key contacts when given; leave empty to keep them' },
];

/** One item's changes, validated (at least one field). */
export function customerChanges(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const keyContacts = context.getNodeParameter('keyContacts', itemIndex, {}) as IDataObject;
	const raw = customerInput(context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, (keyContacts.contact as unknown[] | undefined)?.length ? keyContacts : undefined);
	if (Object.keys(raw).length === 0) throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: choose at least one field to update`, { itemIndex });
	return validateInput(context.getNode(), customerSchema.partial(), raw, itemIndex, CUSTOMER_LABELS) as IDataObject;
}

/** The customer and its changes, shown for `display` (Update, and Bulk Update built from items). */
export function customerChangeFields(display: Record<string, string[]>): INodeProperties[] {
	return description.map((field) => ({ ...field, displayOptions: { show: display } }));
}

/** `PATCH /api/v0/customer/{customerId}?parentCompanyId=`: only the fields given change. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const body = customerChanges(this, itemIndex);
	const payload = await enkashApiRequest.call(this, 'PATCH', `/api/v0/customer/${encodeURIComponent(customerId)}`, {
		qs: { parentCompanyId: await companyId.call(this) },
		body,
		itemIndex,
		idempotent: true,
	});
	return [payload as IDataObject];
}
