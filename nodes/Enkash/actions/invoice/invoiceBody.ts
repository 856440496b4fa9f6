/** One invoice's request body from an item: the schema Enkash's createInvoice takes, and the two ways an item gives its fields. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { itemDate } from '../../../../shared/itemDates';
import { validateInput } from '../../../../shared/validation';
import { CUSTOMER_ID } from '../customer/customerId';

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
		customerId: z.string().trim().regex(CUSTOMER_ID, 'must be KC followed by 14 capital letters or digits'),
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
