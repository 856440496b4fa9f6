/** Workflow → Update: changes fields of the active workflows launched with an External ID. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enboarderApiRequest, restPath } from '../../transport';
import { UPDATE_FIELD_OPTIONS, externalIdField, requiredExternalId, updateBody } from './launchFields';
import { updateFieldsCollection } from '../../../../shared/descriptions/updateFields';

const show = { resource: ['workflow'], operation: ['update'] };

export const description: INodeProperties[] = [
	externalIdField(show, true),
	updateFieldsCollection(show, UPDATE_FIELD_OPTIONS, 'The fields to change; the others keep their values. Every active workflow with this External ID is updated.'),
];

/** `PUT /restapi/v1|v2/updatewf`: changes only the fields given (at least one). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const externalid = requiredExternalId(this, itemIndex);
	const changes = updateBody(this, itemIndex);
	const answer = await enboarderApiRequest.call(this, 'PUT', restPath(this, '/updatewf'), { body: { externalid, ...changes }, itemIndex, idempotent: true });
	return [answer];
}
