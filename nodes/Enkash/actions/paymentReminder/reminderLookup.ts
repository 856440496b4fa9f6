/** A customer's reminder by name: Create asks before creating and after a lost answer (names identify reminders). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RetryAllowance } from '../../../../shared/transport/retry';
import { enkashApiRequest } from '../../transport';

/** `allowance`: the create's, when asked after its answer was lost. */
export async function reminderNamed(
	context: IExecuteFunctions,
	customerId: string,
	name: string,
	itemIndex: number,
	allowance?: RetryAllowance,
): Promise<IDataObject | undefined> {
	const reminders = await enkashApiRequest.call(context, 'GET', `/api/v0/customer/${encodeURIComponent(customerId)}/reminders`, { itemIndex, idempotent: true, allowance });
	return (Array.isArray(reminders) ? (reminders as IDataObject[]) : []).find((reminder) => reminder.name === name);
}
