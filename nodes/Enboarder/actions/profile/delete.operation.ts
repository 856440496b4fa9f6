/** Profile → Delete: removes a profile, looked up rather than resent after a lost answer. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enboarderApiRequest } from '../../transport';
import { profileIdField, profileIdFor, profilePath } from './profileId';
import { deletedProfile } from './profileLookup';

export const description: INodeProperties[] = [profileIdField('delete')];

/**
 * `DELETE /profile/{id}`: Enboarder refuses (ACTIVE_PROFILE) while the person has an active workflow.
 * If the answer is lost, the profile is looked up before resending: when it is already gone, the
 * lost delete went through and that is the answer (a resend would only say PROFILE_NOT_EXISTS).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const path = profilePath(this, itemIndex);
	const id = Number(profileIdFor(this, itemIndex));
	return [await enboarderApiRequest.call(this, 'DELETE', path, { itemIndex, findExisting: async (allowance) => await deletedProfile(this, path, id, itemIndex, allowance) })];
}
