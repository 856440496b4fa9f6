/** One customer's request body from an item: a new customer (Create, Bulk Create) or its changes (Update, Bulk Update). */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { validateInput } from '../../../../shared/validation';
import { CUSTOMER_LABELS, customerInput, customerSchema } from './customerFields';

/** One item's new customer, validated. */
export function customerBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = customerInput(
		{ legalName: context.getNodeParameter('legalName', itemIndex, ''), ...(context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) },
		context.getNodeParameter('keyContacts', itemIndex, {}) as IDataObject,
	);
	return validateInput(context.getNode(), customerSchema, raw, itemIndex, CUSTOMER_LABELS) as IDataObject;
}

/** One item's changes, validated (at least one field). */
export function customerChanges(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const keyContacts = context.getNodeParameter('keyContacts', itemIndex, {}) as IDataObject;
	const raw = customerInput(context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, (keyContacts.contact as unknown[] | undefined)?.length ? keyContacts : undefined);
	if (Object.keys(raw).length === 0) throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: choose at least one field to update`, { itemIndex });
	return validateInput(context.getNode(), customerSchema.partial(), raw, itemIndex, CUSTOMER_LABELS) as IDataObject;
}
