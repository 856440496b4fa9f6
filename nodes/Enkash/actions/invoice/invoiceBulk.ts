/** The upload of many invoices as one CSV file, shared by Invoice → Bulk Upload and Bharat Connect → Bulk Create Invoices (the same request). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { INVOICE_FIELD_NAMES, invoiceBody, invoiceBodyByName } from './invoiceBody';
import { invoiceFields, skipExistingField } from './invoiceFields';
import { invoicesByExternalId } from './invoiceLookup';

/** Rows whose External ID already names an invoice (and Skip If External ID Exists is on). */
async function existingInvoices(context: IExecuteFunctions, rows: Array<{ itemIndex: number; body: IDataObject }>): Promise<Map<IDataObject, IDataObject>> {
	const wanted = rows
		.filter((row) => typeof row.body.externalId === 'string' && (context.getNodeParameter('skipExisting', row.itemIndex, true) as boolean))
		.map((row) => row.body);
	const byExternalId = await invoicesByExternalId(context, wanted.map((row) => row.externalId as string));
	const found = new Map<IDataObject, IDataObject>();
	for (const row of wanted) {
		const invoice = byExternalId.get(row.externalId as string);
		if (invoice) found.set(row, { invoiceId: invoice.invoiceId, externalId: invoice.externalId });
	}
	return found;
}

/** `POST /api/v0/invoice/bulk/create?sellerId=` with a CSV file. */
export const invoiceBulkSpec = {
	path: '/api/v0/invoice/bulk/create',
	companyParam: 'sellerId' as const,
	idField: 'invoiceId',
	acceptedStatus: 'CREATED',
	fileName: 'invoices.csv',
	fields: invoiceFields,
	rowOf: (context: IExecuteFunctions, itemIndex: number) => invoiceBody.call(context, itemIndex),
	byName: {
		rowOf: (context: IExecuteFunctions, itemIndex: number) => invoiceBodyByName.call(context, itemIndex),
		// Only Skip If External ID Exists: every other field comes from the item.
		fields: skipExistingField,
		names: INVOICE_FIELD_NAMES.join(', '),
	},
	findExisting: existingInvoices,
};
