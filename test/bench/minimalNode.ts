/**
 * The floor n8n itself sets for a per-item create: a node with nothing of ours in its path. It reads
 * its parameters, then per item sends the invoice body through n8n's own
 * `this.helpers.httpRequestWithAuthentication` with the same Enkash credential (our credential type:
 * its `authenticate` and `preAuthentication`), `concurrency` items at a time, and outputs each
 * answer's payload. No validation, no retries, no look-ups, no error words. Registered only in the
 * benchmark's engine child (see engineChild.ts), never shipped.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { NodeConnectionTypes, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

export const MINIMAL_NODE_TYPE = 'benchMinimalCreate';

export class MinimalCreate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bench Minimal Create',
		name: MINIMAL_NODE_TYPE,
		group: ['output'],
		version: 1,
		description: 'Sends each item as an Enkash invoice through httpRequestWithAuthentication',
		defaults: { name: 'Bench Minimal Create' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enkashApi', required: true }],
		properties: [
			{
				displayName: 'Source',
				name: 'fieldSource',
				type: 'options',
				default: 'json',
				options: [
					{ name: 'The Item Is the Body', value: 'json' },
					{ name: 'Fields Below', value: 'fields' },
				],
			},
			{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '', displayOptions: { show: { fieldSource: ['fields'] } } },
			{ displayName: 'Base Amount', name: 'baseAmount', type: 'number', default: 0, displayOptions: { show: { fieldSource: ['fields'] } } },
			{ displayName: 'Due Date', name: 'dueDate', type: 'string', default: '', displayOptions: { show: { fieldSource: ['fields'] } } },
			{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', displayOptions: { show: { fieldSource: ['fields'] } } },
			{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 5 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('enkashApi');
		const url = `${String(credentials.baseUrl)}/api/v0/invoice`;
		const byFields = this.getNodeParameter('fieldSource', 0) === 'fields';
		const concurrency = Number(this.getNodeParameter('concurrency', 0));
		const output: INodeExecutionData[] = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const item = next++;
				const body: IDataObject = byFields
					? {
							customerId: this.getNodeParameter('customerId', item),
							baseAmount: this.getNodeParameter('baseAmount', item),
							dueDate: this.getNodeParameter('dueDate', item),
							externalId: this.getNodeParameter('externalId', item),
						}
					: items[item].json;
				const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'enkashApi', { method: 'POST', url, body, json: true })) as IDataObject;
				output[item] = { json: (answer.payload ?? answer) as IDataObject, pairedItem: { item } };
			}
		};
		await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
		return [output];
	}
}
