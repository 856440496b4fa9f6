/** Whether a profile is gone: Delete asks after a lost answer, since a resend would only say PROFILE_NOT_EXISTS. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isN8nError } from '../../../../shared/errorKinds';
import { settle } from '../../../../shared/settle';
import type { RetryAllowance } from '../../../../shared/transport/retry';
import { enboarderApiRequest } from '../../transport';

/** Delete's answer when the profile at `path` is gone (the lost delete went through), else undefined; any other error propagates. */
export async function deletedProfile(context: IExecuteFunctions, path: string, id: number, itemIndex: number, allowance: RetryAllowance): Promise<IDataObject | undefined> {
	const lookup = await settle(async () => await enboarderApiRequest.call(context, 'GET', path, { itemIndex, idempotent: true, allowance }));
	if (lookup.ok) return undefined;
	if (isN8nError(lookup.error, 'NodeApiError') && lookup.error.httpCode === '404') return { message: 'Profile Deleted', id };
	throw lookup.error;
}
