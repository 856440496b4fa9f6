/** Workflow → Cancel: cancels the workflows launched with an External ID. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { enboarderApiRequest, restPath } from '../../transport';
import { customFieldsField, customFieldsOf, externalIdField, requiredExternalId } from './launchFields';

const show = { resource: ['workflow'], operation: ['cancel'] };

export const description: INodeProperties[] = [
	externalIdField(show, true),
	{
		displayName: 'Mode',
		name: 'cancelMode',
		type: 'options',
		default: 'ALL',
		options: [
			{
				name: 'All of This New Hire',
				value: 'CANCEL_ALL',
				description: 'Cancel every active workflow of the same new hire (their Enboarder profile), whatever its External ID',
			},
			{ name: 'All With This External ID', value: 'ALL', description: 'Cancel every active workflow launched with this External ID' },
			{
				name: 'Selected',
				value: 'SELECTED',
				description: 'Cancel only the workflows with this External ID whose custom fields match every Custom Field given below',
			},
		],
		description: 'Which workflows to cancel',
		displayOptions: { show },
	},
	{
		displayName: 'Comments',
		name: 'cancelComments',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'Offer withdrawn',
		description: 'Why the onboarding is cancelled; Enboarder keeps it with the workflow',
		displayOptions: { show },
	},
	{
		...customFieldsField('Only the workflows whose custom fields match every name/value pair are cancelled'),
		required: true,
		displayOptions: { show: { ...show, cancelMode: ['SELECTED'] } },
	},
];

/** `POST /restapi/v1|v2/cancelwf`. Cancelling twice is harmless (the second cancels nothing), so a lost answer is resent. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const externalid = requiredExternalId(this, itemIndex);
	const mode = this.getNodeParameter('cancelMode', itemIndex, 'ALL') as string;
	if (!['ALL', 'CANCEL_ALL', 'SELECTED'].includes(mode)) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Mode must be All With This External ID, All of This New Hire or Selected (got "${mode}")`, { itemIndex });
	}
	const customfields = customFieldsOf(this, itemIndex);
	if (mode === 'SELECTED' && customfields === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex + 1}: Custom Fields are required with Mode Selected: add the name/value pairs the workflows to cancel must have`,
			{ itemIndex },
		);
	}
	const body: IDataObject = { externalid, mode };
	const comments = this.getNodeParameter('cancelComments', itemIndex, '');
	if (typeof comments === 'string' && comments.trim() !== '') body.comments = comments;
	else if (typeof comments !== 'string' && comments !== null && comments !== undefined) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Comments must be text`, { itemIndex });
	}
	if (customfields) body.customfields = customfields;
	const answer = await enboarderApiRequest.call(this, 'POST', restPath(this, '/cancelwf'), { body, itemIndex, idempotent: true });
	return [answer];
}
