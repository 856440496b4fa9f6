import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { companyId, enkashApiRequest } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'EKINV1000000001',
		description: 'The Enkash ID of the invoice',
		displayOptions: { show: { resource: ['invoice'], operation: ['get'] } },
	},
];

/** `GET /api/v0/invoice/{invoiceId}?sellerId=`: one invoice. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const invoiceId = String(this.getNodeParameter('invoiceId', itemIndex)).trim();
	const payload = await enkashApiRequest.call(this, 'GET', `/api/v0/invoice/${encodeURIComponent(invoiceId)}`, {
		qs: { sellerId: await companyId.call(this) },
		itemIndex,
		idempotent: true,
	});
	return [payload as IDataObject];
}
