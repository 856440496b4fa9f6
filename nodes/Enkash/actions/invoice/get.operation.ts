/** Invoice → Get: one invoice by ID. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { companyId, enkashApiRequest } from '../../transport';
import { invoiceIdFor, invoiceLocator } from './invoiceId';

export const description: INodeProperties[] = [
	invoiceLocator('get', 'The invoice to read'),
];

/** `GET /api/v0/invoice/{invoiceId}?sellerId=`: one invoice. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const invoiceId = invoiceIdFor(this, itemIndex);
	const payload = await enkashApiRequest.call(this, 'GET', `/api/v0/invoice/${encodeURIComponent(invoiceId)}`, {
		qs: { sellerId: await companyId.call(this) },
		itemIndex,
		idempotent: true,
	});
	return [payload as IDataObject];
}
