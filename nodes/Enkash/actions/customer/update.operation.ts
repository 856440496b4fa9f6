/** Customer → Update: changes only the fields given. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { companyId, enkashApiRequest } from '../../transport';
import { customerChanges } from './customerBody';
import { customerChangeFields } from './customerFields';
import { customerIdFor } from './customerId';

export const description: INodeProperties[] = customerChangeFields({ resource: ['customer'], operation: ['update'] });

/** `PATCH /api/v0/customer/{customerId}?parentCompanyId=`: only the fields given change. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const body = customerChanges(this, itemIndex);
	const payload = await enkashApiRequest.call(this, 'PATCH', `/api/v0/customer/${encodeURIComponent(customerId)}`, {
		qs: { parentCompanyId: await companyId.call(this) },
		body,
		itemIndex,
		idempotent: true,
	});
	return [payload as IDataObject];
}
