import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { validateInput } from '../../../../shared/validation';
import { companyId, enkashApiRequest } from '../../transport';
import { CUSTOMER_FIELD_OPTIONS, CUSTOMER_LABELS, customerInput, customerSchema, keyContactsField } from './customerFields';
import { customerIdFor, customerLocator } from './customerId';

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
		options: [{ displayName: 'Legal Name', name: 'legalName', type: 'string', default: '' }, ...CUSTOMER_FIELD_OPTIONS],
	},
	{ ...keyContactsField(show, false), description: 'Replaces all key contacts when given; leave empty to keep them' },
];

/** `PATCH /api/v0/customer/{customerId}?parentCompanyId=`: only the fields given change. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const keyContacts = this.getNodeParameter('keyContacts', itemIndex, {}) as IDataObject;
	const raw = customerInput(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, (keyContacts.contact as unknown[] | undefined)?.length ? keyContacts : undefined);
	if (Object.keys(raw).length === 0) throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: choose at least one field to update`, { itemIndex });
	const body = validateInput(this.getNode(), customerSchema.partial(), raw, itemIndex, CUSTOMER_LABELS) as IDataObject;
	const payload = await enkashApiRequest.call(this, 'PATCH', `/api/v0/customer/${encodeURIComponent(customerId)}`, {
		qs: { parentCompanyId: await companyId.call(this) },
		body,
		itemIndex,
		idempotent: true,
	});
	return [payload as IDataObject];
}
