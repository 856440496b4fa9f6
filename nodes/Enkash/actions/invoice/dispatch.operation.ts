/** Invoice → Dispatch: sends the invoices of all input items to their customers in one request. */
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
	extraBody: (context) => {
		// One value for the whole request, from the first item; an expression could make it anything.
		const value = context.getNodeParameter('partialPaymentAllowed', 0, false);
		if (value === undefined || value === null || value === '') return { partialPaymentAllowed: false };
		if (typeof value !== 'boolean') throw new Error(`Partial Payment Allowed must be true or false (got ${JSON.stringify(value) ?? String(value)})`);
		return { partialPaymentAllowed: value };
	},
});
