/** Payment Reminder → Get: one reminder by ID. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from '../customer/customerId';
import { reminderIdField, reminderIdFor } from './fields';

export const description: INodeProperties[] = [customerLocator({ resource: ['paymentReminder'], operation: ['get'] }), reminderIdField('get')];

/** `GET /api/v0/customer/{customerId}/reminders/{reminderId}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const reminderId = reminderIdFor(this, itemIndex);
	const payload = await enkashApiRequest.call(this, 'GET', `/api/v0/customer/${encodeURIComponent(customerId)}/reminders/${encodeURIComponent(reminderId)}`, {
		itemIndex,
		idempotent: true,
	});
	return [payload as IDataObject];
}
