/** A customer's form fields and the schema Enkash's customer endpoints check them against. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { sortedByLabel } from '../../../../shared/descriptions/sortedByLabel';
import { customerLocator } from './customerId';
import { updateFieldsCollection } from '../../../../shared/descriptions/updateFields';

/** The customer's key contacts (Enkash requires 1 to 10, each with an e-mail or a mobile). */
const keyContactsField = (show: Record<string, string[]>, required: boolean): INodeProperties => ({
	displayName: 'Key Contacts',
	name: 'keyContacts',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, maxValue: 10 },
	placeholder: 'Add Contact',
	required,
	default: {},
	description: 'The people Enkash sends invoices and reminders to (1 to 10)',
	displayOptions: { show },
	options: [
		{
			displayName: 'Contact',
			name: 'contact',
			values: [
				{ displayName: 'Designation', name: 'designation', type: 'string', default: '', placeholder: 'Accounts Payable', description: "The contact's role at the customer" },
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Where Enkash sends invoices and reminders. Give an Email, a Mobile or both.' },
				{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '', placeholder: '9876543210', description: 'A 10-digit Indian mobile number' },
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Full name' },
			],
		},
	],
});

/** The optional customer fields, for Create's Additional Fields and Update's Update Fields. */
const CUSTOMER_FIELD_OPTIONS: INodeProperties[] = [
	{ displayName: 'Account Number', name: 'accountNumber', type: 'string', default: '', description: 'Bank account number, 6 to 18 digits' },
	{ displayName: 'Address', name: 'address', type: 'string', default: '', description: "The customer's billing address, printed on invoices" },
	{ displayName: 'Assigned Agent', name: 'assignedAgent', type: 'string', default: '', description: 'Who looks after this customer' },
	{ displayName: 'Branch Codes', name: 'branchCodes', type: 'string', default: '', description: 'Comma-separated branch codes' },
	{ displayName: 'Contact Number', name: 'contactNumber', type: 'string', default: '', placeholder: '+919876543210', description: '10 to 13 digits, optionally with +' },
	{ displayName: 'Customer Reminders', name: 'customerReminders', type: 'boolean', default: true, description: 'Whether Enkash sends this customer payment reminders' },
	{ displayName: 'IFSC', name: 'ifsc', type: 'string', default: '', placeholder: 'HDFC0001234', description: "The bank branch's IFSC code" },
	{ displayName: 'PAN or GSTIN', name: 'panOrGstin', type: 'string', default: '', placeholder: 'ABCDE1234F', description: "The customer's PAN (10 characters) or GSTIN (15 characters)" },
	{ displayName: 'PIN Code', name: 'pinCode', type: 'string', default: '', placeholder: '560001', description: 'Six digits' },
	{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'Karnataka', description: 'The Indian state of the billing address' },
	{ displayName: 'Unique Reference Number', name: 'uniqueRefNo', type: 'string', default: '', description: 'Your own reference for the customer; used to avoid creating it twice' },
];

export const CUSTOMER_LABELS: Record<string, string> = {
	legalName: 'Legal Name',
	customerKeyContacts: 'Key Contacts',
	accountNumber: 'Account Number',
	contactNumber: 'Contact Number',
	ifsc: 'IFSC',
	panOrGstin: 'PAN or GSTIN',
	pinCode: 'PIN Code',
	uniqueRefNo: 'Unique Reference Number',
	branchCodes: 'Branch Codes',
	address: 'Address',
	state: 'State',
	assignedAgent: 'Assigned Agent',
	customerReminders: 'Customer Reminders',
};

const contactSchema = z
	.object({
		name: z.string({ required_error: 'need a name' }).trim().min(1, 'need a name'),
		email: z.string().trim().max(254, 'need an e-mail address of at most 254 characters').email('need a valid e-mail address').optional(),
		mobile: z.string().trim().regex(/^(\+91)?[6-9]\d{9}$/, 'need a 10-digit Indian mobile number').optional(),
		designation: z.string().optional(),
	})
	.refine((contact) => contact.email !== undefined || contact.mobile !== undefined, 'need an e-mail address or a mobile number');

export const customerSchema = z
	.object({
		legalName: z.string({ required_error: 'is required' }).trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
		customerKeyContacts: z.array(contactSchema, { required_error: 'need at least one contact' }).min(1, 'need at least one contact').max(10, 'can hold at most 10 contacts'),
		accountNumber: z.string().regex(/^\d{6,18}$/, 'must be 6 to 18 digits').optional(),
		contactNumber: z.string().regex(/^\+?\d{10,13}$/, 'must be 10 to 13 digits, optionally with +').optional(),
		ifsc: z.string().regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, 'must be an IFSC code such as HDFC0001234').optional(),
		panOrGstin: z.string().regex(/^([A-Z]{5}\d{4}[A-Z]|\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z])$/, 'must be a PAN (ABCDE1234F) or a GSTIN').optional(),
		pinCode: z.string().regex(/^\d{6}$/, 'must be six digits').optional(),
		address: z.string().optional(),
		state: z.string().optional(),
		assignedAgent: z.string().optional(),
		uniqueRefNo: z.string().trim().min(1).optional(),
		branchCodes: z.array(z.string()).optional(),
		customerReminders: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
	})
	.strict();

/** Node parameters → the API's field names; empty values dropped, lists split. */
export function customerInput(fields: IDataObject, keyContacts: IDataObject | undefined): IDataObject {
	const raw: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) if (value !== '' && value !== undefined && value !== null) raw[key] = value;
	if (typeof raw.branchCodes === 'string') raw.branchCodes = raw.branchCodes.split(',').map((code) => code.trim()).filter(Boolean);
	const contacts = (keyContacts?.contact as IDataObject[] | undefined)?.map((contact) =>
		Object.fromEntries(Object.entries(contact).filter(([, value]) => value !== '' && value !== undefined && value !== null)),
	);
	if (contacts) raw.customerKeyContacts = contacts;
	return raw;
}

/** The fields of one new customer, shown for `display` (Create, and Bulk Create built from items). */
export function customerFields(display: Record<string, string[]>): INodeProperties[] {
	return [
		{ displayName: 'Legal Name', name: 'legalName', type: 'string', required: true, default: '', description: "The customer's registered business name", displayOptions: { show: display } },
		keyContactsField(display, true),
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show: display }, options: CUSTOMER_FIELD_OPTIONS },
	];
}

/** The customer and its changes, shown for `display` (Update, and Bulk Update built from items). */
export function customerChangeFields(display: Record<string, string[]>): INodeProperties[] {
	return [
		customerLocator(display),
		// Sorted by label, as n8n lists "Add Field" choices.
		updateFieldsCollection(
			display,
			sortedByLabel([...CUSTOMER_FIELD_OPTIONS, { displayName: 'Legal Name', name: 'legalName', type: 'string', default: '', description: "The customer's registered business name" }]),
		),
		{ ...keyContactsField(display, false), description: 'Replaces all key contacts when given; leave empty to keep them' },
	];
}
