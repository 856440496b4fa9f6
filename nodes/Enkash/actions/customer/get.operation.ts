/** Customer → Get: one customer by ID. */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from './customerId';

export const description: INodeProperties[] = [customerLocator({ resource: ['customer'], operation: ['get'] })];

/** One customer, read through `POST /api/v0/customer/search` (Enkash publishes no single-customer read). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const page = (await enkashApiRequest.call(this, 'POST', '/api/v0/customer/search', {
		qs: { limit: 1, offset: 0 },
		body: { customerIds: [customerId] },
		itemIndex,
		idempotent: true,
	})) as { content?: IDataObject[] };
	const customer = page?.content?.[0];
	if (!customer) {
		throw new NodeApiError(this.getNode(), {}, { message: `Item ${itemIndex + 1}: Enkash has no customer ${customerId}`, httpCode: '404', itemIndex });
	}
	return [customer];
}
