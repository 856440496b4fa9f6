import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { runForEachItem, type ItemOperation } from '../../../shared/itemRunner';
import * as invoice from './invoice/Invoice.resource';

const resources: Record<string, Record<string, { execute: ItemOperation }>> = {
	invoice: invoice.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const selected = resources[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const concurrency = this.getNodeParameter('options.concurrency', 0, 5) as number;
	return [await runForEachItem(this, selected.execute, { concurrency })];
}
