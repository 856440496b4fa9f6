/** Operations on many invoices in one request (Dispatch, Delete Collection), results paired back to items. */
import {
	NodeOperationError,
	type NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { isN8nError } from '../../../../shared/errorKinds';
import { errorItem } from '../../../../shared/itemRunner';
import { asApiError } from '../../../../shared/transport/apiRequest';
import { enkashApiRequest } from '../../transport';
import { INVOICE_ID, invalidInvoiceId } from './invoiceId';

const CHUNK = 500;

interface CollectionResult {
	invoiceId: string;
	status: string;
}

/**
 * Dispatch and Delete Collection act on many invoices in one request. The invoice ID comes from
 * each input item; the IDs are sent in chunks of 500 and each result is paired back to the items
 * that named it. An item whose ID is malformed or unknown fails alone (an error item with
 * "Continue on Fail"), the others go through.
 */
export function invoiceCollectionOperation(spec: {
	operation: string;
	path: string;
	/** The result statuses that mean success for this item. */
	succeeded: string[];
	extraFields?: INodeProperties[];
	extraBody?: (context: IExecuteFunctions) => IDataObject;
}) {
	const show = { resource: ['invoice'], operation: [spec.operation] };
	const description: INodeProperties[] = [
		{
			displayName: 'Invoice ID',
			name: 'invoiceId',
			type: 'string',
			required: true,
			default: '={{ $json.invoiceId }}',
			placeholder: 'EKINV1000000001',
			description: 'The invoice of each input item; all items go to Enkash together',
			displayOptions: { show },
		},
		...(spec.extraFields ?? []).map((field) => ({ ...field, displayOptions: { show } })),
	];

	async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const count = this.getInputData().length;
		const failures = new Map<number, NodeOperationError | NodeApiError>();
		const idOf = new Map<number, string>();
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			const invoiceId = String(this.getNodeParameter('invoiceId', itemIndex, '') ?? '').trim();
			if (INVOICE_ID.test(invoiceId)) idOf.set(itemIndex, invoiceId);
			else {
				failures.set(itemIndex, invalidInvoiceId(this, itemIndex, invoiceId));
			}
		}

		let extra: IDataObject = {};
		let sendable = true;
		try {
			extra = spec.extraBody?.(this) ?? {};
		} catch (error) {
			// An option shared by all items is wrong: nothing is sent, and each item says so.
			for (const itemIndex of idOf.keys()) failures.set(itemIndex, new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: ${(error as Error).message}`, { itemIndex }));
			sendable = false;
		}
		const ids = sendable ? [...new Set(idOf.values())] : [];
		const results = new Map<string, CollectionResult | NodeApiError>();
		for (let start = 0; start < ids.length; start += CHUNK) {
			const chunk = ids.slice(start, start + CHUNK);
			try {
				const payload = (await enkashApiRequest.call(this, 'POST', spec.path, { body: { invoiceIds: chunk, ...extra } })) as { results?: CollectionResult[] };
				for (const result of payload?.results ?? []) results.set(result.invoiceId, result);
			} catch (error) {
				// Enkash answers 404 when none of the chunk's invoices exist: each of them fails.
				const apiError = asApiError(this, error);
				for (const invoiceId of chunk) results.set(invoiceId, apiError);
			}
		}

		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			let failure = failures.get(itemIndex);
			const invoiceId = idOf.get(itemIndex);
			const result = invoiceId ? results.get(invoiceId) : undefined;
			if (!failure && isN8nError(result, 'NodeApiError')) failure = result;
			else if (!failure && result && !isN8nError(result, 'NodeApiError') && !spec.succeeded.includes(result.status)) {
				failure = new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Enkash answered ${result.status} for invoice ${invoiceId}`, { itemIndex });
			}
			if (failure) {
				if (!this.continueOnFail()) throw failure;
				output.push(errorItem(failure, itemIndex, { invoiceId: invoiceId ?? null }));
				continue;
			}
			output.push({ json: { ...(result as CollectionResult) }, pairedItem: { item: itemIndex } });
		}
		return output;
	}

	return { description, executeBatch };
}
