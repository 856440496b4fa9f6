/** The invoices that already carry an External ID: Create asks before creating and after a lost answer, Bulk Upload for a whole batch. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RetryAllowance } from '../../../../shared/transport/retry';
import { findInvoices, MAX_PAGE_SIZE } from '../../transport/searches';

/** The invoices that carry these External IDs, by External ID (the first found for each): one search per page of IDs. */
export async function invoicesByExternalId(
	context: IExecuteFunctions,
	externalIds: string[],
	options: { itemIndex?: number; allowance?: RetryAllowance } = {},
): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	for (let start = 0; start < externalIds.length; start += MAX_PAGE_SIZE) {
		const invoices = await findInvoices(context, { externalIds: externalIds.slice(start, start + MAX_PAGE_SIZE) }, { ...options, max: Number.POSITIVE_INFINITY });
		for (const invoice of invoices) if (!found.has(String(invoice.externalId))) found.set(String(invoice.externalId), invoice);
	}
	return found;
}

/** The invoice with this External ID, if there is one. */
export async function invoiceByExternalId(
	context: IExecuteFunctions,
	externalId: string,
	options: { itemIndex?: number; allowance?: RetryAllowance } = {},
): Promise<IDataObject | undefined> {
	return (await invoicesByExternalId(context, [externalId], options)).get(externalId);
}
