import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { bulkCsvOperation } from '../bulkCsv';
import { invoiceBody, invoiceFields } from './create.operation';

/** Rows whose External ID already names an invoice (and Skip If External ID Exists is on). */
async function existingInvoices(context: IExecuteFunctions, rows: Array<{ itemIndex: number; body: IDataObject }>): Promise<Map<IDataObject, IDataObject>> {
	const wanted = rows
		.filter((row) => typeof row.body.externalId === 'string' && (context.getNodeParameter('skipExisting', row.itemIndex, true) as boolean))
		.map((row) => row.body);
	const byExternalId = new Map<string, IDataObject>();
	const ids = wanted.map((row) => row.externalId as string);
	for (let start = 0; start < ids.length; start += 5000) {
		const page = (await enkashApiRequest.call(context, 'POST', '/api/v0/invoice/search', {
			qs: { limit: 5000, offset: 0 },
			body: { externalIds: ids.slice(start, start + 5000) },
			idempotent: true,
		})) as { content?: IDataObject[] };
		for (const invoice of page?.content ?? []) byExternalId.set(String(invoice.externalId), invoice);
	}
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
	findExisting: existingInvoices,
};

export const { description, executeBatch } = bulkCsvOperation({ resource: 'invoice', operation: 'bulkUpload', ...invoiceBulkSpec });
