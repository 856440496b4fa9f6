import { invoiceCollectionOperation } from './invoiceCollection';

/** `POST /api/v0/invoice/bulk/dispatch {invoiceIds[], partialPaymentAllowed}`: sends the invoices to their customers. */
export const { description, executeBatch } = invoiceCollectionOperation({
	operation: 'dispatch',
	path: '/api/v0/invoice/bulk/dispatch',
	succeeded: ['DISPATCHED', 'ALREADY_DISPATCHED'],
	extraFields: [
		{
			displayName: 'Partial Payment Allowed',
			name: 'partialPaymentAllowed',
			type: 'boolean',
			default: false,
			description: 'Whether customers may pay these invoices in parts',
		},
	],
	extraBody: (context) => ({ partialPaymentAllowed: context.getNodeParameter('partialPaymentAllowed', 0, false) as boolean }),
});
