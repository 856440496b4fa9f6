/** Bharat Connect → Bulk Create Invoices: the Invoice → Bulk Upload request under the Bharat Connect resource. */
import { bulkCsvOperation } from '../bulkCsv';
import { invoiceBulkSpec } from '../invoice/invoiceBulk';

/** Bharat Connect 2.0 "Bulk Create Invoice": the same request as Invoice → Bulk Upload (API-CONTRACTS.md). */
export const { description, executeBatch } = bulkCsvOperation({ resource: 'bharatConnect', operation: 'bulkCreateInvoices', ...invoiceBulkSpec });
