/** Invoice → Update: changes only the fields chosen. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { itemDate } from '../../../../shared/itemDates';
import { validateInput } from '../../../../shared/validation';
import { companyId, enkashApiRequest } from '../../transport';
import { INVOICE_LABELS, invoiceSchema } from './invoiceBody';
import { INVOICE_FIELD_OPTIONS } from './invoiceFields';
import { invoiceIdFor, invoiceLocator } from './invoiceId';
import { sortedByLabel } from '../../../../shared/descriptions/sortedByLabel';
import { updateFieldsCollection } from '../../../../shared/descriptions/updateFields';

const show = { resource: ['invoice'], operation: ['update'] };

export const description: INodeProperties[] = [
	invoiceLocator('update', 'The invoice to change'),
	// Sorted by label, as n8n lists "Add Field" choices.
	updateFieldsCollection(
		show,
		sortedByLabel([
			{ displayName: 'Base Amount', name: 'baseAmount', type: 'number', typeOptions: { minValue: 0.1, numberPrecision: 2 }, default: 0, description: 'The amount before tax, at least 0.1' },
			{ displayName: 'Due Date', name: 'dueDate', type: 'string', placeholder: 'YYYY-MM-DD', default: '', description: "The new due date, read in the workflow's time zone" },
			...INVOICE_FIELD_OPTIONS.filter((field) => field.name !== 'dispatchNow'),
		]),
	),
];

/** Only the fields the user chose; `customerId` and `dispatchNow` cannot change once created. */
const updateSchema = invoiceSchema.omit({ customerId: true, dispatchNow: true }).partial();

/** `PATCH /api/v0/invoice/{invoiceId}?sellerId=`: changes only the chosen fields. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const invoiceId = invoiceIdFor(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const raw: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) if (value !== '' && value !== undefined && value !== null) raw[key] = value;
	if (Object.keys(raw).length === 0) throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: choose at least one field to update`, { itemIndex });
	if (raw.dueDate !== undefined) raw.dueDate = itemDate(this, itemIndex, raw.dueDate, 'Due Date');
	// As Create: a Base Amount from an expression may be a number written as text.
	if (typeof raw.baseAmount === 'string' && raw.baseAmount.trim() !== '' && !Number.isNaN(Number(raw.baseAmount))) raw.baseAmount = Number(raw.baseAmount);
	const body = validateInput(this.getNode(), updateSchema, raw, itemIndex, INVOICE_LABELS) as IDataObject;
	const payload = await enkashApiRequest.call(this, 'PATCH', `/api/v0/invoice/${invoiceId}`, {
		qs: { sellerId: await companyId.call(this) },
		body,
		itemIndex,
		idempotent: true,
	});
	return [payload as IDataObject];
}
