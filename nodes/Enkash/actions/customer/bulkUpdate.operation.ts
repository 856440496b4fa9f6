/** Customer → Bulk Update: changes to many customers in one CSV upload. */
import { bulkCsvOperation } from '../bulkCsv';
import { customerIdFor } from './customerId';
import { customerChanges } from './customerBody';
import { customerChangeFields } from './customerFields';

/** `POST /api/v0/customer/bulk/update?parentCompanyId=` with a CSV file whose rows name their `customerId`. */
export const { description, executeBatch } = bulkCsvOperation({
	resource: 'customer',
	operation: 'bulkUpdate',
	path: '/api/v0/customer/bulk/update',
	companyParam: 'parentCompanyId',
	idField: 'customerId',
	acceptedStatus: 'UPDATED',
	fileName: 'customer-updates.csv',
	fields: customerChangeFields,
	rowOf: (context, itemIndex) => ({ customerId: customerIdFor(context, itemIndex), ...customerChanges(context, itemIndex) }),
});
