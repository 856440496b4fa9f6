/** Bharat Connect → Change Invoice Status: asks Enkash to change an invoice's status. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { textParameter, validateInput } from '../../../../shared/validation';
import { enkashApiRequest } from '../../transport';

const show = { resource: ['bharatConnect'], operation: ['changeInvoiceStatus'] };

const text = (displayName: string, name: string, descriptionText: string, required = true): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required,
	default: '',
	description: descriptionText,
	displayOptions: { show },
});

export const description: INodeProperties[] = [
	text('B2B IDs', 'b2bIds', 'The Bharat Connect business IDs concerned, comma-separated'),
	text('Object ID', 'objectId', 'The invoice object in Bharat Connect'),
	text('Supplier Invoice Number', 'supplierInvoiceNumber', 'Your invoice number'),
	text('Object Version', 'objectVersion', 'The version of the object you are changing', false),
	text('Supplier Action', 'supplierAction', 'What you are doing, such as ACCEPT or REJECT'),
	text('Supplier Remarks', 'supplierRemarks', 'A note for the buyer', false),
	text('Current Status', 'currentStatus', 'The status the invoice has now'),
	text('New Status', 'newStatus', 'The status it should have'),
];

const required = z.string().trim().min(1, 'is required');
const schema = z.object({
	b2bIds: z.array(z.string()).min(1, 'must name at least one ID'),
	invoiceStatus: z.object({
		objectId: required,
		supplierInvoiceNumber: required,
		objectVersion: z.string().optional(),
		supplierAction: required,
		supplierRemarks: z.string().optional(),
		statusTransition: z.object({ currentStatus: required, newStatus: required }),
	}),
});

const LABELS: Record<string, string> = {
	b2bIds: 'B2B IDs',
	'invoiceStatus.objectId': 'Object ID',
	'invoiceStatus.supplierInvoiceNumber': 'Supplier Invoice Number',
	'invoiceStatus.supplierAction': 'Supplier Action',
	'invoiceStatus.statusTransition.currentStatus': 'Current Status',
	'invoiceStatus.statusTransition.newStatus': 'New Status',
};

const PARAMETER_LABELS: Record<string, string> = Object.fromEntries(description.map((field) => [field.name, field.displayName]));

/** `POST /api/v0/invoice/req-status-change-invoice` (Bharat Connect 2.0). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const get = (name: string) => textParameter(this.getNode(), this.getNodeParameter(name, itemIndex, ''), itemIndex, PARAMETER_LABELS[name]).trim();
	const optional = (name: string) => get(name) || undefined;
	const raw = {
		b2bIds: get('b2bIds')
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean),
		invoiceStatus: {
			objectId: get('objectId'),
			supplierInvoiceNumber: get('supplierInvoiceNumber'),
			objectVersion: optional('objectVersion'),
			supplierAction: get('supplierAction'),
			supplierRemarks: optional('supplierRemarks'),
			statusTransition: { currentStatus: get('currentStatus'), newStatus: get('newStatus') },
		},
	};
	const body = validateInput(this.getNode(), schema, raw, itemIndex, LABELS);
	return [(await enkashApiRequest.call(this, 'POST', '/api/v0/invoice/req-status-change-invoice', { body, itemIndex })) as IDataObject];
}
