/** Profile → Create: one Enboarder profile per item. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { restPath } from '../../transport';
import { acceptWarningsField, EXTERNAL_ID, FIRST_NAME, LAST_NAME, PROFILE_FIELD_OPTIONS, profileBody, saveProfile } from './profileFields';

const show = { resource: ['profile'], operation: ['create'] };

export const description: INodeProperties[] = [
	...[FIRST_NAME, LAST_NAME, EXTERNAL_ID].map((field) => ({ ...field, required: true, displayOptions: { show } })),
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show }, options: PROFILE_FIELD_OPTIONS },
	acceptWarningsField('create'),
];

/** `POST /profile`: Enboarder answers `{message, id, warnings}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields: IDataObject = {
		firstName: this.getNodeParameter('firstName', itemIndex, ''),
		lastName: this.getNodeParameter('lastName', itemIndex, ''),
		externalId: this.getNodeParameter('externalId', itemIndex, ''),
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
	};
	const body = await profileBody(this, itemIndex, fields, false);
	return [await saveProfile(this, itemIndex, 'POST', restPath(this, '/profile'), body)];
}
