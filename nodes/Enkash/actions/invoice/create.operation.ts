/** Invoice → Create: one invoice per item, or the one that already has its External ID. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { oneAtATime } from '../../../../shared/oneAtATime';
import { runNode, runParameter } from '../../../../shared/runParameter';
import { enkashApiRequest } from '../../transport';
import { INVOICE_FIELD_NAMES, invoiceBody, invoiceBodyByName } from './invoiceBody';
import { invoiceFields } from './invoiceFields';
import { invoiceByExternalId } from './invoiceLookup';

const show = { resource: ['invoice'], operation: ['create'] };

/** Create's form: Source, then the invoice's fields (Source "Fields Below"); Skip If External ID Exists for both. */
export const description: INodeProperties[] = [
	{
		displayName: 'Source',
		// Not `source`: Bulk Upload's Source has other choices, and a value kept when switching operation would not fit.
		name: 'fieldSource',
		type: 'options',
		default: 'fields',
		description: "Where the invoice's fields come from",
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Set each field here, with an expression where it comes from the item' },
			{
				name: 'Input Item Fields, Matched by Name',
				value: 'json',
				description: `The item's own fields, named as Enkash names them (${INVOICE_FIELD_NAMES.join(', ')}): nothing to map, the fastest way for many items`,
			},
		],
		displayOptions: { show },
	},
	// In the usual order; every field but Skip If External ID Exists only for Source "Fields Below".
	...invoiceFields(show).map((field) => ({ ...field, displayOptions: { show: field.name === 'skipExisting' ? show : { ...show, fieldSource: ['fields'] } } })),
];

/** `POST /api/v0/invoice`: creates an invoice, or returns the one that already has this External ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const source = runParameter<string>(this, 'fieldSource', itemIndex, 'fields');
	if (source !== 'fields' && source !== 'json') {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Source must be one of the listed choices (got "${String(source)}")`, { itemIndex });
	}
	const body = source === 'json' ? invoiceBodyByName.call(this, itemIndex) : invoiceBody.call(this, itemIndex);
	const externalId = typeof body.externalId === 'string' ? body.externalId : undefined;
	if (externalId === undefined) return [await createInvoice.call(this, body, itemIndex, undefined)];
	// Items of one run with the same External ID go one after the other, so the second finds the first's invoice.
	const credential = runNode(this).credentials?.enkashApi?.id ?? '';
	return await oneAtATime(`enkash-invoice:${credential}:${externalId}`, async () => {
		if (runParameter<boolean>(this, 'skipExisting', itemIndex, true)) {
			const existing = await invoiceByExternalId(this, externalId, { itemIndex });
			if (existing) return [existing];
		}
		return [await createInvoice.call(this, body, itemIndex, externalId)];
	});
}

async function createInvoice(this: IExecuteFunctions, body: IDataObject, itemIndex: number, externalId: string | undefined): Promise<IDataObject> {
	return (await enkashApiRequest.call(this, 'POST', '/api/v0/invoice', {
		body,
		itemIndex,
		// If the answer is lost, look before resending; without an External ID there is nothing to look for.
		findExisting: externalId ? async (allowance) => await invoiceByExternalId(this, externalId, { itemIndex, allowance }) : undefined,
	})) as IDataObject;
}
