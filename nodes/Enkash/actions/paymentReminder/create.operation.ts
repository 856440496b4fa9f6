/** Payment Reminder → Create: a reminder for a customer, or the one it already has by that name. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from '../customer/customerId';
import { reminderBody, reminderFieldOptions } from './fields';
import { reminderNamed } from './reminderLookup';

const show = { resource: ['paymentReminder'], operation: ['create'] };

export const description: INodeProperties[] = [
	customerLocator(show, 'The customer to remind'),
	...reminderFieldOptions.map((field) => ({ ...field, required: field.name === 'name', displayOptions: { show } })),
	{
		displayName: 'Skip If Same Name Exists',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the reminder the customer already has under this name instead of creating a second one, so re-running a workflow never doubles a reminder',
		displayOptions: { show },
	},
];

/** `POST /api/v0/customer/{customerId}/reminders`: creates a reminder, or returns the one with the same name. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const fields = Object.fromEntries(reminderFieldOptions.map((field) => [field.name, this.getNodeParameter(field.name, itemIndex, field.default)])) as IDataObject;
	const body = reminderBody(this, fields, itemIndex, false);
	const skipExisting = this.getNodeParameter('skipExisting', itemIndex, true) as boolean;
	const name = String(body.name);
	if (skipExisting) {
		const existing = await reminderNamed(this, customerId, name, itemIndex);
		if (existing) return [existing];
	}
	const payload = await enkashApiRequest.call(this, 'POST', `/api/v0/customer/${encodeURIComponent(customerId)}/reminders`, {
		body,
		itemIndex,
		// If the answer is lost, look for the reminder before resending (only when names identify reminders).
		findExisting: skipExisting ? async (allowance) => await reminderNamed(this, customerId, name, itemIndex, allowance) : undefined,
	});
	return [payload as IDataObject];
}
