import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import { toCsv } from '../../../../shared/csv';
import { multipartFile } from '../../../../shared/multipart';
import { companyId, enkashApiRequest } from '../../transport';
import { invoiceBody, invoiceFields } from './create.operation';

const show = { resource: ['invoice'], operation: ['bulkUpload'] };
const CHUNK = 500;

export const description: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		default: 'items',
		options: [
			{ name: 'Build From Input Items', value: 'items', description: 'One invoice per input item, from the fields below' },
			{ name: 'CSV File', value: 'binary', description: 'A CSV file in a binary property of the input, columns named after the invoice fields' },
		],
		displayOptions: { show },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary property that holds the CSV file',
		displayOptions: { show: { ...show, source: ['binary'] } },
	},
	...invoiceFields({ ...show, source: ['items'] }),
];

interface BulkResult {
	row: number;
	id?: string;
	error?: string;
}

async function upload(this: IExecuteFunctions, csv: Buffer, fileName: string): Promise<BulkResult[]> {
	const { body, contentType } = multipartFile('file', fileName, 'text/csv', csv);
	const payload = (await enkashApiRequest.call(this, 'POST', '/api/v0/invoice/bulk/create', {
		qs: { sellerId: await companyId.call(this) },
		body: body as unknown as IDataObject,
		headers: { 'Content-Type': contentType },
	})) as { results?: BulkResult[] };
	return payload?.results ?? [];
}

function failure(context: IExecuteFunctions, itemIndex: number, message: string): INodeExecutionData {
	if (!context.continueOnFail()) throw new NodeOperationError(context.getNode(), message, { itemIndex });
	return { json: { error: message }, pairedItem: { item: itemIndex } };
}

/** Items → one CSV row each (invalid items fail alone), uploaded in chunks of 500; row results paired back. */
async function fromItems(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const count = this.getInputData().length;
	const output: Array<INodeExecutionData | undefined> = new Array(count);
	const rows: Array<{ itemIndex: number; body: IDataObject }> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			rows.push({ itemIndex, body: invoiceBody.call(this, itemIndex) });
		} catch (error) {
			output[itemIndex] = failure(this, itemIndex, (error as Error).message);
		}
	}
	// Re-runs: rows whose External ID already exists return that invoice instead of a second one.
	const existing = new Map<string, IDataObject>();
	const externalIds = rows.map((row) => row.body.externalId).filter((id): id is string => typeof id === 'string');
	for (let start = 0; start < externalIds.length; start += 5000) {
		const page = (await enkashApiRequest.call(this, 'POST', '/api/v0/invoice/search', {
			qs: { limit: 5000, offset: 0 },
			body: { externalIds: externalIds.slice(start, start + 5000) },
			idempotent: true,
		})) as { content?: IDataObject[] };
		for (const invoice of page?.content ?? []) existing.set(String(invoice.externalId), invoice);
	}
	const toSend = rows.filter((row) => {
		const found = typeof row.body.externalId === 'string' ? existing.get(row.body.externalId) : undefined;
		if (found && (this.getNodeParameter('skipExisting', row.itemIndex, true) as boolean)) {
			output[row.itemIndex] = { json: { invoiceId: found.invoiceId, externalId: found.externalId, status: 'EXISTS' }, pairedItem: { item: row.itemIndex } };
			return false;
		}
		return true;
	});
	for (let start = 0; start < toSend.length; start += CHUNK) {
		const chunk = toSend.slice(start, start + CHUNK);
		const columns = [...new Set(chunk.flatMap((row) => Object.keys(row.body)))];
		let results: BulkResult[];
		try {
			results = await upload.call(this, Buffer.from(toCsv(columns, chunk.map((row) => row.body))), 'invoices.csv');
		} catch (error) {
			const apiError = error instanceof NodeApiError ? error : new NodeApiError(this.getNode(), error as JsonObject);
			for (const row of chunk) output[row.itemIndex] = failure(this, row.itemIndex, `Item ${row.itemIndex + 1}: ${apiError.message}`);
			continue;
		}
		chunk.forEach((row, position) => {
			const result = results[position];
			if (result?.id) {
				output[row.itemIndex] = { json: { invoiceId: result.id, externalId: row.body.externalId ?? null, status: 'CREATED' }, pairedItem: { item: row.itemIndex } };
			} else {
				output[row.itemIndex] = failure(this, row.itemIndex, `Item ${row.itemIndex + 1}: Enkash rejected the row: ${result?.error ?? 'no result for this row'}`);
			}
		});
	}
	return output.filter((item): item is INodeExecutionData => item !== undefined);
}

/** Each input item's CSV file is uploaded as it is; one output item per row, paired to that input item. */
async function fromFiles(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const count = this.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const property = this.getNodeParameter('binaryProperty', itemIndex, 'data') as string;
		let results: BulkResult[];
		try {
			const binary = this.helpers.assertBinaryData(itemIndex, property);
			const data = await this.helpers.getBinaryDataBuffer(itemIndex, property);
			results = await upload.call(this, data, binary.fileName ?? 'invoices.csv');
		} catch (error) {
			output.push(failure(this, itemIndex, `Item ${itemIndex + 1}: ${(error as Error).message}`));
			continue;
		}
		for (const [position, result] of results.entries()) {
			if (result.id) output.push({ json: { row: position + 1, invoiceId: result.id, status: 'CREATED' }, pairedItem: { item: itemIndex } });
			else output.push(failure(this, itemIndex, `Item ${itemIndex + 1}, row ${position + 1}: Enkash rejected the row: ${result.error ?? 'unknown reason'}`));
		}
	}
	return output;
}

/** `POST /api/v0/invoice/bulk/create?sellerId=` with a CSV file (also Bharat Connect's bulk create). */
export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return this.getNodeParameter('source', 0, 'items') === 'binary' ? await fromFiles.call(this) : await fromItems.call(this);
}
