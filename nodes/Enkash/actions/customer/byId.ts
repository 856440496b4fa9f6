/** The shape Activate, Deactivate and Delete share: one customer by ID, the company as parentCompanyId. */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { companyId, enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from './customerId';

/**
 * Activate, deactivate and delete share one shape: a customer, the company as parentCompanyId, and
 * the updated customer (or a confirmation) back.
 */
export function customerAction(operation: string, method: IHttpRequestMethods, path: (customerId: string) => string, idempotent: boolean) {
	const description: INodeProperties[] = [customerLocator({ resource: ['customer'], operation: [operation] })];
	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const customerId = customerIdFor(this, itemIndex);
		const payload = await enkashApiRequest.call(this, method, path(encodeURIComponent(customerId)), {
			qs: { parentCompanyId: await companyId.call(this) },
			itemIndex,
			idempotent,
		});
		return [payload as IDataObject];
	}
	return { description, execute };
}
