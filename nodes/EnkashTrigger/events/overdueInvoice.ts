/** The trigger's Invoice Became Overdue event. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { todayIn } from '../../../shared/dates';
import { enteredSet } from '../../../shared/polling/watermark';
import { findInvoices } from '../../Enkash/transport/searches';
import { SAMPLE_SIZE, type TriggerEvent } from './types';

/** The invoices overdue today in the workflow's time zone: due before today, balance above zero. */
async function overdueNow(context: IPollFunctions, max: number): Promise<IDataObject[]> {
	const today = todayIn(context.getTimezone());
	const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
	const invoices = await findInvoices(context, { dueDateTo: yesterday, balanceAmountFrom: 0.01 }, { max, orderBy: 'dueDate', direction: 'ASC' });
	return invoices.map((invoice) => ({
		...invoice,
		daysOverdue: Math.round(DateTime.fromISO(today).diff(DateTime.fromISO(String(invoice.dueDate)), 'days').days),
	}));
}

/**
 * Invoice Became Overdue: an invoice is overdue from the first day after its due date (in the
 * workflow's time zone, never the server's) while its balance is above zero. Each invoice is
 * emitted once when it becomes overdue; the state is the set of invoices overdue at the last poll,
 * so one that is paid and later overdue again (a new due date) is emitted again.
 */
export const overdueInvoice: TriggerEvent = {
	async poll(context, state) {
		const current = await overdueNow(context, Number.POSITIVE_INFINITY);
		const { entered, next } = enteredSet(current, state?.overdue as string[] | undefined, (invoice) => String(invoice.invoiceId));
		return { events: state ? entered : [], state: { overdue: next } };
	},
	async sample(context) {
		return await overdueNow(context, SAMPLE_SIZE);
	},
};
