/** Payment Reminder → Update: changes only the fields chosen. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from '../customer/customerId';
import { reminderBody, reminderFieldOptions, reminderIdField, reminderIdFor } from './fields';
import { updateFieldsCollection } from '../../../../shared/descriptions/updateFields';

const show = { resource: ['paymentReminder'], operation: ['update'] };

export const description: INodeProperties[] = [
	customerLocator(show),
	reminderIdField('update'),
	updateFieldsCollection(show, reminderFieldOptions),
];

/** `PATCH /api/v0/customer/{customerId}/reminders/{reminderId}`: only the fields chosen change. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const reminderId = reminderIdFor(this, itemIndex);
	const body = reminderBody(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex, true);
	const payload = await enkashApiRequest.call(this, 'PATCH', `/api/v0/customer/${encodeURIComponent(customerId)}/reminders/${encodeURIComponent(reminderId)}`, {
		body,
		itemIndex,
		idempotent: true,
	});
	return [payload as IDataObject];
}
