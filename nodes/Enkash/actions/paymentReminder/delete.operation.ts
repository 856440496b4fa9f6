/** Payment Reminder → Delete. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from '../customer/customerId';
import { reminderIdField, reminderIdFor } from './fields';

export const description: INodeProperties[] = [customerLocator({ resource: ['paymentReminder'], operation: ['delete'] }), reminderIdField('delete')];

/** `DELETE /api/v0/customer/{customerId}/reminders/{reminderId}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const reminderId = reminderIdFor(this, itemIndex);
	const payload = await enkashApiRequest.call(this, 'DELETE', `/api/v0/customer/${encodeURIComponent(customerId)}/reminders/${encodeURIComponent(reminderId)}`, {
		itemIndex,
	});
	return [payload as IDataObject];
}
