import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { itemDate } from '../../../../shared/itemDates';
import { oneAtATime } from '../../../../shared/oneAtATime';
import { validateInput } from '../../../../shared/validation';
import { enkashApiRequest } from '../../transport';
import { customerLocator } from '../customer/customerId';

const show = { resource: ['invoice'], operation: ['create'] };

/** The fields of one invoice, shown for `display` (Create from fields, and Bulk Upload built from items). */
export function invoiceFields(display: Record<string, string[]>): INodeProperties[] {
	return fields.map((field) => ({ ...field, displayOptions: { show: display } }));
}

/** Skip If External ID Exists alone, shown for `display` (the sources that take every other field from the item). */
export function skipExistingField(display: Record<string, string[]>): INodeProperties[] {
	return invoiceFields(display).filter((field) => field.name === 'skipExisting');
}

/** The optional invoice fields, for Create's Additional Fields and Update's Update Fields. */
export const INVOICE_FIELD_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Approval Status',
		name: 'approvalStatus',
		type: 'options',
		default: 'APPROVED',
		description: 'Only approved invoices can be dispatched to the customer',
		options: [
			{ name: 'Approved', value: 'APPROVED' },
			{ name: 'Pending', value: 'PENDING' },
			{ name: 'Rejected', value: 'REJECTED' },
		],
	},
	{ displayName: 'Balance Amount', name: 'balanceAmount', type: 'number', default: 0, description: 'The amount still to be paid, if not the full amount' },
	{ displayName: 'CGST', name: 'cgst', type: 'number', default: 0, description: 'Central GST rate in percent' },
	{ displayName: 'Charge Customer', name: 'chargeCustomer', type: 'boolean', default: false, description: 'Whether the customer pays the payment fees' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'What the invoice is for, shown to the customer' },
	{ displayName: 'Dispatch Now', name: 'dispatchNow', type: 'boolean', default: false, description: 'Whether to send the invoice to the customer right away' },
	{ displayName: 'Email Address', name: 'emailAddress', type: 'string', placeholder: 'name@email.com', default: '', description: 'Where to send the invoice' },
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'Your own reference for the invoice, such as the order number; used to avoid creating it twice',
	},
	{ displayName: 'GST Exclusive', name: 'gstExclusive', type: 'boolean', default: false, description: 'Whether GST is added on top of the base amount' },
];

const fields: INodeProperties[] = [
	customerLocator(show, 'The Enkash customer to invoice'),
	{
		displayName: 'Base Amount',
		name: 'baseAmount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0.1, numberPrecision: 2 },
		default: 0,
		description: 'The amount before tax, at least 0.1',
		displayOptions: { show },
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'YYYY-MM-DD',
		description: "When payment is due. A date-time or an expression such as {{ $today.plus(30, 'days') }} is read in the workflow's time zone.",
		displayOptions: { show },
	},
	{
		displayName: 'Skip If External ID Exists',
		name: 'skipExisting',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the existing invoice instead of creating a second one when an invoice with the same External ID exists, so re-running a workflow never doubles an invoice',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: INVOICE_FIELD_OPTIONS,
	},
];


export const INVOICE_LABELS: Record<string, string> = {
	customerId: 'Customer',
	baseAmount: 'Base Amount',
	dueDate: 'Due Date',
	externalId: 'External ID',
	emailAddress: 'Email Address',
	balanceAmount: 'Balance Amount',
	cgst: 'CGST',
	approvalStatus: 'Approval Status',
	description: 'Description',
	chargeCustomer: 'Charge Customer',
	dispatchNow: 'Dispatch Now',
	gstExclusive: 'GST Exclusive',
};

/** The contract's createInvoice fields (API-CONTRACTS.md section 3). */
export const invoiceSchema = z
	.object({
		customerId: z.string().trim().regex(/^KC[A-Z0-9]{14}$/, 'must be KC followed by 14 capital letters or digits'),
		baseAmount: z.number({ invalid_type_error: 'must be a number' }).finite('must be a number').min(0.1, 'must be at least 0.1'),
		dueDate: z.string({ required_error: 'is required' }),
		externalId: z.string().trim().min(1).max(100, 'must be at most 100 characters').optional(),
		description: z.string().max(500, 'must be at most 500 characters').optional(),
		emailAddress: z.string().trim().max(254, 'must be at most 254 characters').email('must be an e-mail address such as name@example.com').optional(),
		balanceAmount: z.number({ invalid_type_error: 'must be a number' }).finite('must be a number').min(0, 'cannot be negative').optional(),
		cgst: z.number().min(0, 'cannot be negative').max(100, 'must be at most 100').optional(),
		gstExclusive: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
		chargeCustomer: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
		dispatchNow: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
		approvalStatus: z.enum(['APPROVED', 'PENDING', 'REJECTED'], { errorMap: () => ({ message: 'must be Approved, Pending or Rejected' }) }).optional(),
	})
	.strict();

/** The request body for one item: validated, empty optional fields dropped, the date in the workflow's zone. */
export function invoiceBody(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const dueDate = itemDate(this, itemIndex, this.getNodeParameter('dueDate', itemIndex, ''), 'Due Date');
	if (dueDate === undefined) throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Due Date is required`, { itemIndex });
	const raw: IDataObject = {
		customerId: this.getNodeParameter('customerId', itemIndex, '', { extractValue: true }),
		baseAmount: this.getNodeParameter('baseAmount', itemIndex, undefined),
		dueDate,
	};
	for (const [key, value] of Object.entries(additional)) if (value !== '' && value !== undefined && value !== null) raw[key] = value;
	if (typeof raw.baseAmount === 'string' && raw.baseAmount.trim() !== '' && !Number.isNaN(Number(raw.baseAmount))) raw.baseAmount = Number(raw.baseAmount);
	return validateInput(this.getNode(), invoiceSchema, raw, itemIndex, INVOICE_LABELS) as IDataObject;
}

/** The fields an item's JSON may carry for Source "Input Item Fields, Matched by Name": the API's names. */
export const INVOICE_FIELD_NAMES = Object.keys(invoiceSchema.shape);

/** With Source "Input Item Fields, Matched by Name" an error names each field as the item names it. */
const BY_NAME_LABELS: Record<string, string> = Object.fromEntries(INVOICE_FIELD_NAMES.map((key) => [key, key]));

/** Create's form: Source, then the invoice's fields (Source "Fields Below"); Skip If External ID Exists for both. */
export const description: INodeProperties[] = [
	{
		displayName: 'Source',
		// Not `source`: Bulk Upload's Source has other choices, and a value kept when switching operation would not fit.
		name: 'fieldSource',
		type: 'options',
		default: 'fields',
		description: "Where the invoice's fields come from",
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Set each field here, with an expression where it comes from the item' },
			{
				name: 'Input Item Fields, Matched by Name',
				value: 'json',
				description: `The item's own fields, named as Enkash names them (${INVOICE_FIELD_NAMES.join(', ')}): nothing to map, the fastest way for many items`,
			},
		],
		displayOptions: { show },
	},
	// In the usual order; every field but Skip If External ID Exists only for Source "Fields Below".
	...fields.map((field) => ({ ...field, displayOptions: { show: field.name === 'skipExisting' ? show : { ...show, fieldSource: ['fields'] } } })),
];

/**
 * The request body for one item from its own fields, named as the API names them (customerId,
 * baseAmount, dueDate, …); other fields of the item are ignored. Validated like invoiceBody; an
 * error names the field as the item names it.
 */
export function invoiceBodyByName(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const json = this.getInputData()[itemIndex]?.json ?? {};
	const raw: IDataObject = {};
	for (const key of INVOICE_FIELD_NAMES) {
		const value = json[key];
		if (value !== '' && value !== undefined && value !== null) raw[key] = value;
	}
	for (const key of ['customerId', 'baseAmount', 'dueDate']) {
		if (raw[key] === undefined) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: the item has no ${key} field (with Source "Input Item Fields, Matched by Name" each item needs customerId, baseAmount and dueDate)`, { itemIndex });
		}
	}
	raw.dueDate = itemDate(this, itemIndex, raw.dueDate, 'dueDate');
	if (typeof raw.baseAmount === 'string' && raw.baseAmount.trim() !== '' && !Number.isNaN(Number(raw.baseAmount))) raw.baseAmount = Number(raw.baseAmount);
	return validateInput(this.getNode(), invoiceSchema, raw, itemIndex, BY_NAME_LABELS) as IDataObject;
}

/**
 * The invoices that already carry these External IDs, by External ID: one search per 5,000 IDs
 * (Create asks for one, Bulk Upload for a whole batch).
 */
export async function invoicesByExternalId(context: IExecuteFunctions, externalIds: string[], itemIndex?: number): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	for (let start = 0; start < externalIds.length; start += 5000) {
		const page = (await enkashApiRequest.call(context, 'POST', '/api/v0/invoice/search', {
			qs: { limit: 5000, offset: 0 },
			body: { externalIds: externalIds.slice(start, start + 5000) },
			itemIndex,
			idempotent: true,
		})) as { content?: IDataObject[] };
		for (const invoice of page?.content ?? []) if (!found.has(String(invoice.externalId))) found.set(String(invoice.externalId), invoice);
	}
	return found;
}

async function findByExternalId(this: IExecuteFunctions, externalId: string, itemIndex: number): Promise<IDataObject | undefined> {
	return (await invoicesByExternalId(this, [externalId], itemIndex)).get(externalId);
}

/** `POST /api/v0/invoice`: creates an invoice, or returns the one that already has this External ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const source = this.getNodeParameter('fieldSource', itemIndex, 'fields');
	if (source !== 'fields' && source !== 'json') {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Source must be one of the listed choices (got "${String(source)}")`, { itemIndex });
	}
	const body = source === 'json' ? invoiceBodyByName.call(this, itemIndex) : invoiceBody.call(this, itemIndex);
	const externalId = typeof body.externalId === 'string' ? body.externalId : undefined;
	if (externalId === undefined) return [await createInvoice.call(this, body, itemIndex, undefined)];
	// Items of one run with the same External ID go one after the other, so the second finds the first's invoice.
	const credential = this.getNode().credentials?.enkashApi?.id ?? '';
	return await oneAtATime(`enkash-invoice:${credential}:${externalId}`, async () => {
		if (this.getNodeParameter('skipExisting', itemIndex, true) as boolean) {
			const existing = await findByExternalId.call(this, externalId, itemIndex);
			if (existing) return [existing];
		}
		return [await createInvoice.call(this, body, itemIndex, externalId)];
	});
}

async function createInvoice(this: IExecuteFunctions, body: IDataObject, itemIndex: number, externalId: string | undefined): Promise<IDataObject> {
	return (await enkashApiRequest.call(this, 'POST', '/api/v0/invoice', {
		body,
		itemIndex,
		// If the answer is lost, look before resending; without an External ID there is nothing to look for.
		findExisting: externalId ? async () => await findByExternalId.call(this, externalId, itemIndex) : undefined,
	})) as IDataObject;
}
