import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resultLimit, returnAllOrLimit } from '../../../../shared/descriptions/returnAll';
import { enboarderApiRequest } from '../../transport';

export const description: INodeProperties[] = [
	...returnAllOrLimit({ resource: ['report'], operation: ['listWorkflows'] }),
];

/** `GET /reports/workflows`: the workflow reports the account can read, `{count, items}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const response = await enboarderApiRequest.call(this, 'GET', '/reports/workflows');
	const items = Array.isArray(response.items) ? (response.items as IDataObject[]) : [];
	return items.slice(0, resultLimit(returnAll, limit));
}
