/** Profile → Get: one profile by ID. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enboarderApiRequest } from '../../transport';
import { profileIdField, profilePath } from './profileId';

export const description: INodeProperties[] = [profileIdField('get')];

/** `GET /profile/{id}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return [await enboarderApiRequest.call(this, 'GET', profilePath(this, itemIndex), { itemIndex, idempotent: true })];
}
