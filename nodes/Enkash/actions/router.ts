import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../../shared/router';
import * as invoice from './invoice/Invoice.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const concurrency = this.getNodeParameter('options.concurrency', 0, 5) as number;
	return await routeToOperation(this, { invoice: invoice.operations }, { concurrency });
}
