/** Bharat Connect → Payment Confirmation: tells Enkash a payment settled some invoices. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { textParameter, validateInput } from '../../../../shared/validation';
import { enkashApiRequest } from '../../transport';
import { INVOICE_ID, INVOICE_ID_FORM } from '../invoice/invoiceId';

const show = { resource: ['bharatConnect'], operation: ['paymentConfirmation'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Invoice IDs',
		name: 'invoiceIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'EKINV1000000001, EKINV1000000002',
		description: 'The invoices the payment settles, comma-separated',
		displayOptions: { show },
	},
	{ displayName: 'Payment ID', name: 'paymentId', type: 'string', required: true, default: '', description: "The payment's reference in Bharat Connect", displayOptions: { show } },
	{
		displayName: 'Response',
		name: 'response',
		type: 'options',
		default: 'SUCCESS',
		options: [
			{ name: 'Failure', value: 'FAILURE' },
			{ name: 'Success', value: 'SUCCESS' },
		],
		description: 'Whether the payment went through',
		displayOptions: { show },
	},
	{ displayName: 'Type', name: 'type', type: 'string', required: true, default: 'PAYMENT', description: 'The confirmation type Bharat Connect expects', displayOptions: { show } },
	{ displayName: 'Remarks', name: 'remarks', type: 'string', default: '', description: 'A note kept with the payment confirmation, e.g. the bank reference', displayOptions: { show } },
];

const schema = z.object({
	invoiceIds: z.array(z.string().regex(INVOICE_ID, `must each be ${INVOICE_ID_FORM}`)).min(1, 'must name at least one invoice').max(5000, 'must name at most 5,000 invoices'),
	paymentId: z.string().trim().min(1, 'is required'),
	response: z.string().trim().min(1, 'is required'),
	type: z.string().trim().min(1, 'is required'),
	remarks: z.string().optional(),
});

/** `POST /api/v0/invoice/payment-confirmation` (Bharat Connect 2.0). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const text = (name: string, label: string) => textParameter(this.getNode(), this.getNodeParameter(name, itemIndex, ''), itemIndex, label);
	const raw = {
		invoiceIds: text('invoiceIds', 'Invoice IDs')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean),
		paymentId: text('paymentId', 'Payment ID'),
		response: text('response', 'Response'),
		type: text('type', 'Type'),
		remarks: (this.getNodeParameter('remarks', itemIndex, '') as string) || undefined,
	};
	const body = validateInput(this.getNode(), schema, raw, itemIndex, {
		invoiceIds: 'Invoice IDs',
		paymentId: 'Payment ID',
		response: 'Response',
		type: 'Type',
		remarks: 'Remarks',
	});
	return [(await enkashApiRequest.call(this, 'POST', '/api/v0/invoice/payment-confirmation', { body, itemIndex })) as IDataObject];
}
