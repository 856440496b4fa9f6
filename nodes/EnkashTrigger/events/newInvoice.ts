/** The trigger's New Invoice event. */
import type { IDataObject } from 'n8n-workflow';

import { advance, newSinceWatermark, type Watermark } from '../../../shared/polling/watermark';
import { findInvoices } from '../../Enkash/transport/searches';
import { SAMPLE_SIZE, type TriggerEvent } from './types';

const createdOn = (invoice: IDataObject) => String(invoice.createdOn ?? '');
const invoiceId = (invoice: IDataObject) => String(invoice.invoiceId);

/**
 * New Invoice: invoices created at or after the last one seen, oldest first, every page read. The
 * state is the latest `createdOn` seen (Enkash's own clock and format) and the IDs created in that
 * second, so neither a slow second nor a busy one loses or repeats an invoice.
 */
export const newInvoice: TriggerEvent = {
	async poll(context, state) {
		const watermark = state?.watermark as Watermark | undefined;
		if (!state) {
			const latest = await findInvoices(context, {}, { max: 100, pageSize: 100, orderBy: 'createdOn', direction: 'DESC' });
			return { events: [], state: { watermark: advance(undefined, latest, createdOn, invoiceId) ?? null } };
		}
		const body: IDataObject = watermark ? { createdOnFrom: watermark.at } : {};
		const invoices = await findInvoices(context, body, { max: Number.POSITIVE_INFINITY, orderBy: 'createdOn', direction: 'ASC' });
		const { fresh, next } = newSinceWatermark(invoices, watermark ?? undefined, createdOn, invoiceId);
		return { events: fresh, state: { watermark: next ?? null } };
	},
	async sample(context) {
		return await findInvoices(context, {}, { max: SAMPLE_SIZE, pageSize: SAMPLE_SIZE, orderBy: 'createdOn', direction: 'DESC' });
	},
};
