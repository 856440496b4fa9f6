import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from '../customer/customerId';
import { reminderBody, reminderFieldOptions } from './fields';

const show = { resource: ['paymentReminder'], operation: ['create'] };

export const description: INodeProperties[] = [
	customerLocator(show, 'The customer to remind'),
	...reminderFieldOptions.map((field) => ({ ...field, required: field.name === 'name', displayOptions: { show } })),
];

/** `POST /api/v0/customer/{customerId}/reminders`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const fields = Object.fromEntries(reminderFieldOptions.map((field) => [field.name, this.getNodeParameter(field.name, itemIndex, field.default)])) as IDataObject;
	const body = reminderBody(this, fields, itemIndex, false);
	const payload = await enkashApiRequest.call(this, 'POST', `/api/v0/customer/${encodeURIComponent(customerId)}/reminders`, { body, itemIndex });
	return [payload as IDataObject];
}
