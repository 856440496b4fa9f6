/** Customer → Bulk Create: many customers in one CSV upload. */
import { bulkCsvOperation } from '../bulkCsv';
import { customerBody } from './customerBody';
import { customerFields } from './customerFields';

/** `POST /api/v0/customer/bulk?companyId=` with a CSV file (lists such as key contacts as JSON in a cell). */
export const { description, executeBatch } = bulkCsvOperation({
	resource: 'customer',
	operation: 'bulkCreate',
	path: '/api/v0/customer/bulk',
	companyParam: 'companyId',
	idField: 'customerId',
	acceptedStatus: 'CREATED',
	fileName: 'customers.csv',
	fields: customerFields,
	rowOf: customerBody,
});
