/** Invoice → Bulk Upload: many invoices in one CSV upload, rows paired back to their items. */
import { bulkCsvOperation } from '../bulkCsv';
import { invoiceBulkSpec } from './invoiceBulk';

export const { description, executeBatch } = bulkCsvOperation({ resource: 'invoice', operation: 'bulkUpload', ...invoiceBulkSpec });
