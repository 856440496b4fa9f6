/** The customer that already has a Unique Reference Number: Create asks before creating and after a lost answer. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RetryAllowance } from '../../../../shared/transport/retry';
import { findCustomers } from '../../transport/searches';

export async function customerByReference(
	context: IExecuteFunctions,
	uniqueRefNo: string,
	options: { itemIndex?: number; allowance?: RetryAllowance } = {},
): Promise<IDataObject | undefined> {
	return (await findCustomers(context, { uniqueRefNo }, { ...options, max: 1 }))[0];
}
