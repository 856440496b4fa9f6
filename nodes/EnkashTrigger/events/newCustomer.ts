/** The trigger's New Customer event. */
import type { IDataObject } from 'n8n-workflow';

import { advance, newSinceWatermark, type Watermark } from '../../../shared/polling/watermark';
import { findCustomers } from '../../Enkash/transport/searches';
import { SAMPLE_SIZE, type TriggerEvent } from './types';

const createdOn = (customer: IDataObject) => String(customer.createdOn ?? '');
const customerId = (customer: IDataObject) => String(customer.customerId);
const byCreation = (a: IDataObject, b: IDataObject) => createdOn(a).localeCompare(createdOn(b)) || customerId(a).localeCompare(customerId(b));

/**
 * New Customer: Enkash's customer search has no date filter, so every poll reads the customer list
 * (5,000 a page) and emits those created after the last one seen (same watermark as New Invoice).
 */
export const newCustomer: TriggerEvent = {
	async poll(context, state) {
		const customers = (await findCustomers(context, {}, { max: Number.POSITIVE_INFINITY })).sort(byCreation);
		if (!state) return { events: [], state: { watermark: advance(undefined, customers, createdOn, customerId) ?? null } };
		const { fresh, next } = newSinceWatermark(customers, (state.watermark as Watermark | null) ?? undefined, createdOn, customerId);
		return { events: fresh, state: { watermark: next ?? null } };
	},
	async sample(context) {
		const customers = (await findCustomers(context, {}, { max: Number.POSITIVE_INFINITY })).sort(byCreation);
		return customers.slice(-SAMPLE_SIZE).reverse();
	},
};
