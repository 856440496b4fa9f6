/** Profile → Delete: removes a profile, looked up rather than resent after a lost answer. */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { settle } from '../../../../shared/settle';
import { enboarderApiRequest } from '../../transport';
import { profileIdField, profileIdFor, profilePath } from './profileId';

export const description: INodeProperties[] = [profileIdField('delete')];

/**
 * `DELETE /profile/{id}`: Enboarder refuses (ACTIVE_PROFILE) while the person has an active workflow.
 * If the answer is lost, the profile is looked up before resending: when it is already gone, the
 * lost delete went through and that is the answer (a resend would only say PROFILE_NOT_EXISTS).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const path = profilePath(this, itemIndex);
	const id = Number(profileIdFor(this, itemIndex));
	const findExisting = async (): Promise<IDataObject | undefined> => {
		const lookup = await settle(async () => await enboarderApiRequest.call(this, 'GET', path, { itemIndex, idempotent: true }));
		if (lookup.ok) return undefined;
		if (lookup.error instanceof NodeApiError && lookup.error.httpCode === '404') return { message: 'Profile Deleted', id };
		throw lookup.error;
	};
	return [await enboarderApiRequest.call(this, 'DELETE', path, { itemIndex, findExisting })];
}
