/** Profile → Update: changes only the fields chosen. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { acceptWarningsField, PROFILE_UPDATE_OPTIONS, profileBody, saveProfile } from './profileFields';
import { profileIdField, profilePath } from './profileId';
import { updateFieldsCollection } from '../../../../shared/descriptions/updateFields';

const show = { resource: ['profile'], operation: ['update'] };

export const description: INodeProperties[] = [
	profileIdField('update'),
	updateFieldsCollection(show, PROFILE_UPDATE_OPTIONS),
	acceptWarningsField('update'),
];

/** `PUT /profile/{id}`: only the fields chosen change (a contact detail merges; Profile Fields replace the list). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const path = profilePath(this, itemIndex);
	const body = await profileBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, true);
	return [await saveProfile(this, itemIndex, 'PUT', path, body)];
}
