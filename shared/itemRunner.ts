/** Runs an operation once per input item: concurrency, pairing, and the one shape of an error item under Continue on Fail. */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { isNodeError } from './errorKinds';

/** What an operation returns for one input item: the records it produced. */
export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

export interface RunOptions {
	/**
	 * How many items run at once (1 = one after another). With Concurrency: Automatic this is Max
	 * Concurrency, and the vendor account's limiter (`shared/concurrency/`) decides how many of their
	 * requests are open at once.
	 */
	concurrency?: number;
}

/**
 * Runs an operation once per input item, up to `concurrency` at a time, and returns the outputs in
 * input order, each paired to its input. With "Continue on Fail" a failed item becomes an error
 * item and the others still run; otherwise the first failure (in input order) stops the node and
 * names the item.
 */
export async function runForEachItem(
	context: IExecuteFunctions,
	operation: ItemOperation,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const count = context.getInputData().length;
	const results: Array<IDataObject[] | NodeApiError | NodeOperationError> = new Array(count);
	const continueOnFail = context.continueOnFail();
	let next = 0;
	let stopped = false;

	const worker = async () => {
		while (!stopped && next < count) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await operation.call(context, itemIndex);
			} catch (error) {
				results[itemIndex] = asNodeError(context, error, itemIndex);
				if (!continueOnFail) stopped = true;
			}
		}
	};
	const workers = Math.max(1, Math.min(Math.floor(options.concurrency ?? 1), count));
	await Promise.all(Array.from({ length: workers }, worker));

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const result = results[itemIndex];
		if (result === undefined) continue;
		if (Array.isArray(result)) {
			// One pairing object for all the records an item returned (a Return All of 100,000 records makes 100,000 items, not 200,000 objects); n8n only reads it.
			const pairedItem = { item: itemIndex };
			for (const json of result) output.push({ json, pairedItem });
			continue;
		}
		if (!continueOnFail) throw result;
		output.push(errorItem(result, itemIndex));
	}
	return output;
}

/**
 * The output item of an item that failed under "Continue on Fail", in every operation: n8n's own
 * shape, `{ json: { error: message }, pairedItem }`, with the error's description when it has one
 * (what to check, the vendor's request ID) and `extra` fields that say which record failed.
 */
export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number, extra: IDataObject = {}): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { description: error.description } : {}), ...extra },
		pairedItem: { item: itemIndex },
	};
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (isNodeError(error)) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
