/** Enkash's CSV bulk endpoints as an operation: rows from items or a file, each row's result paired back to its item. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { toCsv } from '../../../shared/csv';
import { errorItem } from '../../../shared/itemRunner';
import { asApiError } from '../../../shared/transport/apiRequest';
import { multipartFile } from '../../../shared/multipart';
import { companyId, enkashApiRequest } from '../transport';

const CHUNK = 500;

interface BulkResult {
	row: number;
	id?: string;
	error?: string;
}

export interface BulkCsvSpec {
	resource: string;
	operation: string;
	/** The upload endpoint (multipart `file`). */
	path: string;
	/** The query parameter that carries the company's client ID. */
	companyParam: 'sellerId' | 'companyId' | 'parentCompanyId';
	/** What an accepted row's `id` is, in the output. */
	idField: string;
	/** The status an accepted row gets in the output (CREATED, UPDATED). */
	acceptedStatus: string;
	fileName: string;
	/** The fields of one record when the CSV is built from items. */
	fields: (show: Record<string, string[]>) => INodeProperties[];
	/** One item's validated row (throws a NodeOperationError naming the item). */
	rowOf: (context: IExecuteFunctions, itemIndex: number) => IDataObject;
	/**
	 * Source "Input Item Fields, Matched by Name": one item's row from its JSON, fields named as the
	 * API names them (no expression per field to evaluate), and the options shown with that source.
	 */
	byName?: { rowOf: (context: IExecuteFunctions, itemIndex: number) => IDataObject; fields: (show: Record<string, string[]>) => INodeProperties[]; names: string };
	/** Re-runs: rows that already exist are returned instead of being uploaded again. */
	findExisting?: (context: IExecuteFunctions, rows: Array<{ itemIndex: number; body: IDataObject }>) => Promise<Map<IDataObject, IDataObject>>;
}

/**
 * Enkash's bulk endpoints take a CSV file and answer one result per row. Rows come either from the
 * input items (one row each, validated like the single-record operation, uploaded in chunks of
 * 500, each row's result paired back to its item, so one bad row fails one item only) or from a
 * CSV file in a binary property (one output item per row, paired to the item carrying the file).
 */
export function bulkCsvOperation(spec: BulkCsvSpec) {
	const show = { resource: [spec.resource], operation: [spec.operation] };
	const description: INodeProperties[] = [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			default: 'items',
			description: 'Where the rows come from: the input items, or a CSV file you already have',
			options: [
				{ name: 'Build From Input Items', value: 'items', description: 'One row per input item, from the fields below' },
				{ name: 'CSV File', value: 'binary', description: 'A CSV file in a binary property of the input, columns named after the API fields' },
				...(spec.byName
					? [
							{
								name: 'Input Item Fields, Matched by Name',
								value: 'json',
								description: `One row per input item, from its fields named as Enkash names them (${spec.byName.names}): nothing to map, and the fastest way for many items`,
							},
						]
					: []),
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
		...spec.fields({ ...show, source: ['items'] }),
		...(spec.byName?.fields({ ...show, source: ['json'] }) ?? []),
	];

	async function upload(context: IExecuteFunctions, csv: Buffer, fileName: string): Promise<BulkResult[]> {
		const { body, contentType } = multipartFile('file', fileName, 'text/csv', csv);
		const payload = (await enkashApiRequest.call(context, 'POST', spec.path, {
			qs: { [spec.companyParam]: await companyId.call(context) },
			body: body as unknown as IDataObject,
			headers: { 'Content-Type': contentType },
		})) as { results?: BulkResult[] };
		return payload?.results ?? [];
	}

	function failure(context: IExecuteFunctions, itemIndex: number, message: string): INodeExecutionData {
		const error = new NodeOperationError(context.getNode(), message, { itemIndex });
		if (!context.continueOnFail()) throw error;
		return errorItem(error, itemIndex);
	}

	async function fromItems(context: IExecuteFunctions, rowOf: BulkCsvSpec['rowOf']): Promise<INodeExecutionData[]> {
		const count = context.getInputData().length;
		const output: Array<INodeExecutionData | undefined> = new Array(count);
		const rows: Array<{ itemIndex: number; body: IDataObject }> = [];
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			try {
				rows.push({ itemIndex, body: rowOf(context, itemIndex) });
			} catch (error) {
				output[itemIndex] = failure(context, itemIndex, (error as Error).message);
			}
		}
		let existing = new Map<IDataObject, IDataObject>();
		try {
			if (spec.findExisting) existing = await spec.findExisting(context, rows);
		} catch (error) {
			// Without the look-up a row could be created twice: none is sent, and each row's item says why.
			const apiError = asApiError(context, error);
			for (const row of rows) output[row.itemIndex] = failure(context, row.itemIndex, `Item ${row.itemIndex + 1}: ${apiError.message}`);
			return output.filter((item): item is INodeExecutionData => item !== undefined);
		}
		const toSend = rows.filter((row) => {
			const found = existing.get(row.body);
			if (found) output[row.itemIndex] = { json: { ...found, status: 'EXISTS' }, pairedItem: { item: row.itemIndex } };
			return !found;
		});
		for (let start = 0; start < toSend.length; start += CHUNK) {
			const chunk = toSend.slice(start, start + CHUNK);
			const columns = [...new Set(chunk.flatMap((row) => Object.keys(row.body)))];
			let results: BulkResult[];
			try {
				results = await upload(context, Buffer.from(toCsv(columns, chunk.map((row) => row.body))), spec.fileName);
			} catch (error) {
				const apiError = asApiError(context, error);
				for (const row of chunk) output[row.itemIndex] = failure(context, row.itemIndex, `Item ${row.itemIndex + 1}: ${apiError.message}`);
				continue;
			}
			chunk.forEach((row, position) => {
				const result = results[position];
				output[row.itemIndex] = result?.id
					? { json: { [spec.idField]: result.id, ...(row.body.externalId !== undefined ? { externalId: row.body.externalId } : {}), status: spec.acceptedStatus }, pairedItem: { item: row.itemIndex } }
					: failure(context, row.itemIndex, `Item ${row.itemIndex + 1}: Enkash rejected the row: ${result?.error ?? 'no result for this row'}`);
			});
		}
		return output.filter((item): item is INodeExecutionData => item !== undefined);
	}

	async function fromFiles(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const output: INodeExecutionData[] = [];
		const count = context.getInputData().length;
		for (let itemIndex = 0; itemIndex < count; itemIndex++) {
			const property = context.getNodeParameter('binaryProperty', itemIndex, 'data') as string;
			let results: BulkResult[];
			try {
				const binary = context.helpers.assertBinaryData(itemIndex, property);
				results = await upload(context, await context.helpers.getBinaryDataBuffer(itemIndex, property), binary.fileName ?? spec.fileName);
			} catch (error) {
				output.push(failure(context, itemIndex, `Item ${itemIndex + 1}: ${(error as Error).message}`));
				continue;
			}
			for (const [position, result] of results.entries()) {
				if (result.id) output.push({ json: { row: position + 1, [spec.idField]: result.id, status: spec.acceptedStatus }, pairedItem: { item: itemIndex } });
				else output.push(failure(context, itemIndex, `Item ${itemIndex + 1}, row ${position + 1}: Enkash rejected the row: ${result.error ?? 'unknown reason'}`));
			}
		}
		return output;
	}

	async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		const source = this.getNodeParameter('source', 0, 'items');
		if (source === 'binary') return await fromFiles(this);
		if (source === 'json' && spec.byName) return await fromItems(this, spec.byName.rowOf);
		if (source !== 'items') throw new NodeOperationError(this.getNode(), `Source must be one of the listed choices (got "${String(source)}")`);
		return await fromItems(this, spec.rowOf);
	}

	return { description, executeBatch };
}
