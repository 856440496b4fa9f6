/** What an Enkash invoice ID looks like, and the Invoice field that takes one: the one place the ID is checked. */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

const INVOICE_ID_PATTERN = '^EKINV[0-9]{10}$';
export const INVOICE_ID = new RegExp(INVOICE_ID_PATTERN);
/** The form, in words, for error messages. */
export const INVOICE_ID_FORM = 'EKINV followed by 10 digits';

/** The error for an item whose invoice ID does not have that form. */
export function invalidInvoiceId(context: IExecuteFunctions, itemIndex: number, invoiceId: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: Invoice ID must be ${INVOICE_ID_FORM} (got "${invoiceId}")`, { itemIndex });
}

/** The Invoice field of the operations that act on one invoice: pick from a list, or enter an ID. */
export function invoiceLocator(operation: string, description: string): INodeProperties {
	return {
		displayName: 'Invoice',
		name: 'invoiceId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		displayOptions: { show: { resource: ['invoice'], operation: [operation] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an invoice…',
				typeOptions: { searchListMethod: 'searchInvoices', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'EKINV1000000001',
				validation: [
					{
						type: 'regex',
						properties: { regex: INVOICE_ID_PATTERN, errorMessage: `An Enkash invoice ID is ${INVOICE_ID_FORM}` },
					},
				],
			},
		],
	};
}

/** The item's invoice ID (from the list, typed, or an expression), checked before any request. */
export function invoiceIdFor(context: IExecuteFunctions, itemIndex: number): string {
	const invoiceId = String(context.getNodeParameter('invoiceId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!INVOICE_ID.test(invoiceId)) throw invalidInvoiceId(context, itemIndex, invoiceId);
	return invoiceId;
}
