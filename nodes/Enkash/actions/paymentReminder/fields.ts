/** A payment reminder's form fields, schema and Reminder ID check. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { textParameter, validateInput } from '../../../../shared/validation';

export const reminderIdField = (operation: string): INodeProperties => ({
	displayName: 'Reminder ID',
	name: 'reminderId',
	type: 'string',
	required: true,
	default: '',
	description: 'The ID Enkash gave the reminder (see Get Many)',
	displayOptions: { show: { resource: ['paymentReminder'], operation: [operation] } },
});

/**
 * The item's Reminder ID, checked before any request: a blank one would address the customer's
 * list of reminders (`…/reminders/`) instead of one reminder.
 */
export function reminderIdFor(context: IExecuteFunctions, itemIndex: number): string {
	const value = textParameter(context.getNode(), context.getNodeParameter('reminderId', itemIndex, ''), itemIndex, 'Reminder ID').trim();
	if (value === '') throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: Reminder ID is required`, { itemIndex });
	return value;
}

/** The fields of a reminder (API-CONTRACTS.md section 3, design). */
export const reminderFieldOptions: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'EMAIL',
		options: [
			{ name: 'Email', value: 'EMAIL' },
			{ name: 'SMS', value: 'SMS' },
			{ name: 'WhatsApp', value: 'WHATSAPP' },
		],
		description: 'How the customer is reminded',
	},
	{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the reminder is sent' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'A name you recognise, such as "3 days before due"' },
	{
		displayName: 'Offset Days',
		name: 'offsetDays',
		type: 'number',
		default: -3,
		description: 'Days from the reference date: negative means before it, positive after it',
	},
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'options',
		default: 'DUE_DATE',
		options: [
			{ name: 'Due Date', value: 'DUE_DATE' },
			{ name: 'Invoice Date', value: 'INVOICE_DATE' },
		],
		description: 'The date the offset counts from',
	},
];

const LABELS = { name: 'Name', channel: 'Channel', offsetDays: 'Offset Days', reference: 'Reference', enabled: 'Enabled' };

const reminderSchema = z
	.object({
		name: z.string({ required_error: 'is required' }).trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
		channel: z.enum(['EMAIL', 'SMS', 'WHATSAPP'], { errorMap: () => ({ message: 'must be Email, SMS or WhatsApp' }) }),
		offsetDays: z.number({ required_error: 'is required', invalid_type_error: 'must be a whole number of days' }).int('must be a whole number of days').min(-365, 'must be between -365 and 365').max(365, 'must be between -365 and 365'),
		reference: z.enum(['DUE_DATE', 'INVOICE_DATE'], { errorMap: () => ({ message: 'must be Due Date or Invoice Date' }) }),
		enabled: z.boolean({ required_error: 'is required' }),
	})
	.strict();

/** A validated reminder body: all fields for a create, only those given for an update. */
export function reminderBody(context: IExecuteFunctions, fields: IDataObject, itemIndex: number, partial: boolean): IDataObject {
	const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '' && value !== undefined && value !== null));
	if (partial && Object.keys(given).length === 0) {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: choose at least one field to update`, { itemIndex });
	}
	const schema = partial ? reminderSchema.partial() : reminderSchema;
	return validateInput(context.getNode(), schema, given, itemIndex, LABELS) as IDataObject;
}
