/** Invoice → Delete Collection: deletes the invoices of all input items in one request. */
import { invoiceCollectionOperation } from './invoiceCollection';

/** `POST /api/v0/invoice/bulk/delete {invoiceIds[]}`: deletes the invoices of all input items. */
export const { description, executeBatch } = invoiceCollectionOperation({
	operation: 'deleteCollection',
	path: '/api/v0/invoice/bulk/delete',
	succeeded: ['DELETED'],
});
