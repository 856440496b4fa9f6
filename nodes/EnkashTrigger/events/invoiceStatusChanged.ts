/** The trigger's Invoice Paid or Status Changed event. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { advance, newSinceWatermark, type Watermark } from '../../../shared/polling/watermark';
import { findInvoices, MAX_PAGE_SIZE } from '../../Enkash/transport/searches';
import { SAMPLE_SIZE, type TriggerEvent } from './types';

const OPEN = ['UNPAID', 'PARTIALLY_PAID'];
const invoiceId = (invoice: IDataObject) => String(invoice.invoiceId);
const createdOn = (invoice: IDataObject) => String(invoice.createdOn ?? '');
const statusOf = (invoice: IDataObject) => `${String(invoice.paymentStatus)}|${String(invoice.approvalStatus)}`;

function event(invoice: IDataObject, previous: string | undefined): IDataObject {
	const [previousPaymentStatus, previousApprovalStatus] = previous?.split('|') ?? [null, null];
	return {
		...invoice,
		event: invoice.paymentStatus === 'PAID' ? 'paid' : 'statusChanged',
		previousPaymentStatus,
		previousApprovalStatus,
	};
}

async function byIds(context: IPollFunctions, ids: string[]): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	for (let start = 0; start < ids.length; start += MAX_PAGE_SIZE) {
		found.push(...(await findInvoices(context, { invoiceIds: ids.slice(start, start + MAX_PAGE_SIZE) }, { max: Number.POSITIVE_INFINITY })));
	}
	return found;
}

/**
 * Invoice Paid or Status Changed. Enkash cannot search by "changed since", so the trigger remembers
 * the payment and approval status of every open (unpaid or partly paid) invoice. Each poll reads
 * the open invoices again: one whose status differs is emitted; one that is no longer open is read
 * by ID and emitted with its new status (usually PAID). Invoices created since the last poll that
 * are already paid are emitted too, so a quick payment is not missed. The state grows with the
 * number of open invoices, not with the whole ledger.
 */
export const invoiceStatusChanged: TriggerEvent = {
	async poll(context, state) {
		const open = await findInvoices(context, { paymentStatuses: OPEN }, { max: Number.POSITIVE_INFINITY, orderBy: 'invoiceId' });
		const current = Object.fromEntries(open.map((invoice) => [invoiceId(invoice), statusOf(invoice)]));
		const watermark = state?.watermark as Watermark | undefined;
		if (!state) {
			const latest = await findInvoices(context, {}, { max: 100, pageSize: 100, orderBy: 'createdOn', direction: 'DESC' });
			return { events: [], state: { open: current, watermark: advance(undefined, latest, createdOn, invoiceId) ?? null } };
		}
		const before = (state.open ?? {}) as Record<string, string>;
		const events: IDataObject[] = [];
		for (const invoice of open) {
			const previous = before[invoiceId(invoice)];
			if (previous !== undefined && previous !== statusOf(invoice)) events.push(event(invoice, previous));
		}
		const left = Object.keys(before).filter((id) => current[id] === undefined);
		for (const invoice of await byIds(context, left)) {
			if (statusOf(invoice) !== before[invoiceId(invoice)]) events.push(event(invoice, before[invoiceId(invoice)]));
		}
		const created = await findInvoices(context, watermark ? { createdOnFrom: watermark.at } : {}, { max: Number.POSITIVE_INFINITY, orderBy: 'createdOn' });
		const { fresh, next } = newSinceWatermark(created, watermark ?? undefined, createdOn, invoiceId);
		for (const invoice of fresh) if (invoice.paymentStatus === 'PAID') events.push(event(invoice, undefined));
		return { events, state: { open: current, watermark: next ?? null } };
	},
	async sample(context) {
		const paid = await findInvoices(context, { paymentStatuses: ['PAID'] }, { max: SAMPLE_SIZE, pageSize: SAMPLE_SIZE, orderBy: 'createdOn', direction: 'DESC' });
		return paid.map((invoice) => event(invoice, undefined));
	},
};
