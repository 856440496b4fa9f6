/** Dispatches a node run to the operation its Resource and Operation parameters name. */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { concurrencySetting } from './concurrency/concurrencySetting';
import { runForEachItem, type ItemOperation } from './itemRunner';

/**
 * An operation runs once per item (`execute`), or once for all items together (`executeBatch`:
 * e.g. dispatching the invoices of every input item in one request, results paired back to items).
 */
export type Operation = { execute: ItemOperation } | { executeBatch: (this: IExecuteFunctions) => Promise<INodeExecutionData[]> };

/** A node's operations, by resource and operation name. */
export type ResourceOperations = Record<string, Record<string, Operation>>;

/**
 * Dispatches the node's `resource` / `operation` parameters to the operation, run once per item,
 * as many items at once as the node's Options say (`shared/concurrency/concurrencySetting.ts`).
 */
export async function routeToOperation(context: IExecuteFunctions, resources: ResourceOperations): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const selected = resources[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(context.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	if ('executeBatch' in selected) return [await selected.executeBatch.call(context)];
	// Automatic: enough items in progress to keep the account's permits busy, up to Max Concurrency; the limiter decides how many requests go out.
	const setting = concurrencySetting(context);
	const concurrency = setting?.mode === 'automatic' ? setting.max : (setting?.count ?? 1);
	return [await runForEachItem(context, selected.execute, { concurrency })];
}
