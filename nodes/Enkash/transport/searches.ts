/** Enkash's two searches (invoices, customers), page after page: the one way the node looks records up. */
import type { IDataObject } from 'n8n-workflow';

import type { RetryAllowance } from '../../../shared/transport/retry';
import { collectOffsetPages, type OffsetPage } from '../../../shared/pagination';
import { enkashApiRequest, type EnkashContext } from './index';

/** Enkash's largest page. */
export const MAX_PAGE_SIZE = 5000;

export interface SearchOptions {
	/** How many records at most (Infinity for all). */
	max: number;
	pageSize?: number;
	orderBy?: 'createdOn' | 'dueDate' | 'baseAmount' | 'invoiceId';
	direction?: 'ASC' | 'DESC';
	itemIndex?: number;
	/** For a look-up after a create's lost answer: the create's retry allowance. */
	allowance?: RetryAllowance;
}

/** `POST /api/v0/invoice/search`, page after page, until `max` or the last page. */
export async function findInvoices(context: EnkashContext, body: IDataObject, options: SearchOptions): Promise<IDataObject[]> {
	return await searchPages(context, '/api/v0/invoice/search', body, options, { orderBy: options.orderBy ?? 'createdOn', direction: options.direction ?? 'ASC' });
}

/** `POST /api/v0/customer/search`, page after page, until `max` or the last page. */
export async function findCustomers(context: EnkashContext, body: IDataObject, options: Omit<SearchOptions, 'orderBy' | 'direction'>): Promise<IDataObject[]> {
	return await searchPages(context, '/api/v0/customer/search', body, options);
}

/** A search is a read: safe to resend after a lost answer. */
async function searchPages(context: EnkashContext, path: string, body: IDataObject, options: SearchOptions, order: IDataObject = {}): Promise<IDataObject[]> {
	return await collectOffsetPages<IDataObject>(
		async (offset, limit) =>
			(await enkashApiRequest.call(context, 'POST', path, {
				qs: { limit, offset, ...order },
				body,
				itemIndex: options.itemIndex,
				idempotent: true,
				allowance: options.allowance,
			})) as OffsetPage<IDataObject>,
		{ max: options.max, pageSize: Math.min(MAX_PAGE_SIZE, options.pageSize ?? MAX_PAGE_SIZE) },
	);
}
