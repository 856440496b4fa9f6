/** The Enkash node's lists in the editor (customers, invoices). */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { enkashApiRequest } from '../transport';

const PAGE = 100;

/** The Customer list in the editor: searched by legal name, 100 at a time. */
export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const body: IDataObject = { active: true };
	if (filter?.trim()) body.legalName = filter.trim();
	const page = (await enkashApiRequest.call(this, 'POST', '/api/v0/customer/search', { qs: { limit: PAGE, offset }, body, idempotent: true })) as {
		content?: Array<{ customerId: string; legalName: string }>;
		totalElements?: number;
	};
	const content = page?.content ?? [];
	const next = offset + content.length;
	return {
		results: content.map((customer) => ({ name: `${customer.legalName} (${customer.customerId})`, value: customer.customerId })),
		paginationToken: content.length === PAGE && (page.totalElements ?? Infinity) > next ? String(next) : undefined,
	};
}

/** The Invoice list in the editor: newest first, searched by the customer's legal name, 100 at a time. */
export async function searchInvoices(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const body: IDataObject = {};
	if (filter?.trim()) body.customerLegalName = filter.trim();
	const page = (await enkashApiRequest.call(this, 'POST', '/api/v0/invoice/search', {
		qs: { limit: PAGE, offset, orderBy: 'createdOn', direction: 'DESC' },
		body,
		idempotent: true,
	})) as {
		content?: Array<{ invoiceId: string; customerLegalName?: string | null; totalAmount?: number; dueDate?: string }>;
		totalElements?: number;
	};
	const content = page?.content ?? [];
	const next = offset + content.length;
	return {
		results: content.map((invoice) => ({
			name: [invoice.invoiceId, invoice.customerLegalName, invoice.totalAmount === undefined ? undefined : `₹${invoice.totalAmount}`, invoice.dueDate && `due ${invoice.dueDate}`]
				.filter(Boolean)
				.join(' · '),
			value: invoice.invoiceId,
		})),
		paginationToken: content.length === PAGE && (page.totalElements ?? Infinity) > next ? String(next) : undefined,
	};
}
