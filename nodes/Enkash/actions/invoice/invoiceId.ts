import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

export const INVOICE_ID = /^EKINV[0-9]{10}$/;

/** The Invoice ID field of the operations that act on one invoice. */
export function invoiceIdField(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Invoice ID',
		name: 'invoiceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'EKINV1000000001',
		description,
		displayOptions: { show: { resource: ['invoice'], operation: [operation] } },
	};
}

/** The item's invoice ID, checked before any request. */
export function invoiceIdFor(context: IExecuteFunctions, itemIndex: number): string {
	const invoiceId = String(context.getNodeParameter('invoiceId', itemIndex, '') ?? '').trim();
	if (!INVOICE_ID.test(invoiceId)) {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: Invoice ID must be EKINV followed by 10 digits (got "${invoiceId}")`, { itemIndex });
	}
	return invoiceId;
}
