/** Customer Contact → Get: a customer's key contacts. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from '../customer/customerId';

export const description: INodeProperties[] = [
	customerLocator({ resource: ['customerContact'], operation: ['get'] }, 'The customer whose key contacts to read'),
];

/** `GET /api/v0/customer/{customerId}/contacts`: the customer's key contacts. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const payload = await enkashApiRequest.call(this, 'GET', `/api/v0/customer/${encodeURIComponent(customerId)}/contacts`, { itemIndex, idempotent: true });
	return [payload as IDataObject];
}
