import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enboarderApiRequest, restPath } from '../../transport';
import { UPDATE_FIELD_OPTIONS, externalIdField, requiredExternalId, updateBody } from './launchFields';

const show = { resource: ['workflow'], operation: ['update'] };

export const description: INodeProperties[] = [
	externalIdField(show, true),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change; the others keep their values. Every active workflow with this External ID is updated.',
		displayOptions: { show },
		options: UPDATE_FIELD_OPTIONS,
	},
];

/** `PUT /restapi/v1|v2/updatewf`: changes only the fields given (at least one). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const externalid = requiredExternalId(this, itemIndex);
	const changes = updateBody(this, itemIndex);
	const answer = await enboarderApiRequest.call(this, 'PUT', restPath(this, '/updatewf'), { body: { externalid, ...changes }, itemIndex, idempotent: true });
	return [answer];
}
