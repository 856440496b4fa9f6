/** Payment Reminder → Get Many: a customer's reminders, one item each. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resultLimit, returnAllOrLimit } from '../../../../shared/descriptions/returnAll';
import { enkashApiRequest } from '../../transport';
import { customerIdFor, customerLocator } from '../customer/customerId';

const show = { resource: ['paymentReminder'], operation: ['getMany'] };

export const description: INodeProperties[] = [customerLocator(show, 'The customer whose reminders to list'), ...returnAllOrLimit(show)];

/** `GET /api/v0/customer/{customerId}/reminders`: one item per reminder. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const customerId = customerIdFor(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const max = resultLimit(returnAll, this.getNodeParameter('limit', itemIndex, 50), itemIndex);
	const payload = await enkashApiRequest.call(this, 'GET', `/api/v0/customer/${encodeURIComponent(customerId)}/reminders`, { itemIndex, idempotent: true });
	return (Array.isArray(payload) ? (payload as IDataObject[]) : []).slice(0, max);
}
