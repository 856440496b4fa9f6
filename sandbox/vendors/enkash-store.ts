import type { Random } from '../random';

/** Enkash Accounts Receivable records and the indexes the routes need. */

export const ENKASH_COMPANY_ID = 'CEKFOWV7UQ';
export const CUSTOMER_ID = /^KC[A-Z0-9]{14}$/;
export const COMPANY_ID = /^CEK[A-Z0-9]{7}$/;
export const INVOICE_ID = /^EKINV\d{10}$/;
export const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export const APPROVAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export const PAYMENT_STATUSES = ['UNPAID', 'PARTIALLY_PAID', 'PAID'] as const;
export const REMINDER_CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP'] as const;
export const REMINDER_REFERENCES = ['DUE_DATE', 'INVOICE_DATE'] as const;

export interface EnkashContact {
	name: string;
	email?: string;
	mobile?: string;
	designation?: string;
}

export interface EnkashCustomer {
	customerId: string;
	companyId: string;
	legalName: string;
	uniqueRefNo: string | null;
	contactNumber: string | null;
	customerKeyContacts: EnkashContact[];
	accountNumber: string | null;
	ifsc: string | null;
	address: string | null;
	state: string | null;
	pinCode: string | null;
	panOrGstin: string | null;
	assignedAgent: string | null;
	branchCodes: string[];
	customerReminders: boolean;
	active: boolean;
	createdOn: string;
	updatedOn: string;
}

export interface EnkashInvoice {
	invoiceId: string;
	sellerId: string;
	customerId: string;
	externalId: string | null;
	description: string | null;
	emailAddress: string | null;
	baseAmount: number;
	cgst: number;
	gstExclusive: boolean;
	totalAmount: number;
	balanceAmount: number;
	chargeCustomer: boolean;
	approvalStatus: (typeof APPROVAL_STATUSES)[number];
	paymentStatus: (typeof PAYMENT_STATUSES)[number];
	dueDate: string;
	createdOn: string;
	updatedOn: string;
	dispatched: boolean;
	dispatchedOn: string | null;
	partialPaymentAllowed: boolean;
}

export interface EnkashReminder {
	reminderId: string;
	customerId: string;
	name: string;
	channel: (typeof REMINDER_CHANNELS)[number];
	offsetDays: number;
	reference: (typeof REMINDER_REFERENCES)[number];
	enabled: boolean;
	createdOn: string;
}

export interface EnkashBharatConnectAction {
	requestId: string;
	type: 'paymentConfirmation' | 'invoiceStatusChange';
	receivedOn: string;
	details: Record<string, unknown>;
}

export interface EnkashSeed {
	customers: EnkashCustomer[];
	invoices: EnkashInvoice[];
	reminders: EnkashReminder[];
}

const IST_OFFSET_MS = 5.5 * 3600 * 1000;

/** Enkash date-times are `yyyy-MM-dd HH:mm:ss`, India Standard Time (UTC+05:30), a fixed offset. */
export function formatEnkashDateTime(ms: number): string {
	return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Today's date in India, `YYYY-MM-DD`, shifted by `days`. */
export function enkashDate(ms: number, days = 0): string {
	return new Date(ms + IST_OFFSET_MS + days * 86_400_000).toISOString().slice(0, 10);
}

export function formatInvoiceId(number: number): string {
	return `EKINV${String(number).padStart(10, '0')}`;
}

export function invoiceTotal(baseAmount: number, cgst: number, gstExclusive: boolean): number {
	return round2(gstExclusive ? baseAmount + cgst : baseAmount);
}

export function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

export class EnkashStore {
	readonly customers = new Map<string, EnkashCustomer>();
	/** In creation order, which is also (createdOn, invoiceId) order. */
	invoices: EnkashInvoice[] = [];
	readonly invoicesById = new Map<string, EnkashInvoice>();

	/** Invoices by externalId, so idempotency look-ups stay O(1) however many invoices exist. */
	private readonly invoicesByExternalId = new Map<string, EnkashInvoice[]>();
	readonly reminders = new Map<string, EnkashReminder>();
	private readonly remindersByCustomer = new Map<string, EnkashReminder[]>();
	readonly bharatConnect: EnkashBharatConnectAction[] = [];
	private nextInvoiceNumber = 1_000_000_001;
	private nextReminderNumber = 1;
	private lastCreatedMs = 0;

	constructor(
		seed: EnkashSeed,
		private readonly random: Random,
	) {
		for (const customer of seed.customers) this.customers.set(customer.customerId, customer);
		for (const invoice of seed.invoices) this.pushInvoice(invoice);
		for (const reminder of seed.reminders) this.addReminder(reminder);
		this.nextReminderNumber = seed.reminders.length + 1;
	}

	newCustomerId(): string {
		let id: string;
		do id = `KC${this.random.chars(ID_ALPHABET, 14)}`;
		while (this.customers.has(id));
		return id;
	}

	newReminderId(): string {
		return `REM${String(this.nextReminderNumber++).padStart(8, '0')}`;
	}

	/** The next invoice id and a createdOn no earlier than any before it. */
	nextInvoiceIdentity(): { invoiceId: string; createdOn: string } {
		this.lastCreatedMs = Math.max(this.lastCreatedMs, Date.now());
		return { invoiceId: formatInvoiceId(this.nextInvoiceNumber++), createdOn: formatEnkashDateTime(this.lastCreatedMs) };
	}

	pushInvoice(invoice: EnkashInvoice): void {
		this.invoices.push(invoice);
		this.invoicesById.set(invoice.invoiceId, invoice);
		this.indexExternalId(invoice);
		const number = Number(invoice.invoiceId.slice(5));
		if (number >= this.nextInvoiceNumber) this.nextInvoiceNumber = number + 1;
	}

	/** Call after an invoice's externalId is set or changed. */
	indexExternalId(invoice: EnkashInvoice): void {
		if (!invoice.externalId) return;
		const list = this.invoicesByExternalId.get(invoice.externalId);
		if (!list) this.invoicesByExternalId.set(invoice.externalId, [invoice]);
		else if (!list.includes(invoice)) list.push(invoice);
	}

	/** Current invoices carrying any of these externalIds, in creation order (stale index entries are skipped). */
	invoicesWithExternalIds(externalIds: string[]): EnkashInvoice[] {
		const found = new Set<EnkashInvoice>();
		for (const externalId of externalIds) {
			for (const invoice of this.invoicesByExternalId.get(externalId) ?? []) {
				if (invoice.externalId === externalId && this.invoicesById.get(invoice.invoiceId) === invoice) found.add(invoice);
			}
		}
		return [...found].sort((a, b) => (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0));
	}

	/** Removes invoices; returns the ids that existed. */
	deleteInvoices(ids: string[]): string[] {
		const removed = ids.filter((id) => this.invoicesById.delete(id));
		if (removed.length > 0) {
			const gone = new Set(removed);
			this.invoices = this.invoices.filter((invoice) => !gone.has(invoice.invoiceId));
		}
		return removed;
	}

	addReminder(reminder: EnkashReminder): void {
		this.reminders.set(reminder.reminderId, reminder);
		const list = this.remindersByCustomer.get(reminder.customerId);
		if (list) list.push(reminder);
		else this.remindersByCustomer.set(reminder.customerId, [reminder]);
	}

	remindersOf(customerId: string): EnkashReminder[] {
		return this.remindersByCustomer.get(customerId) ?? [];
	}

	deleteReminder(reminder: EnkashReminder): void {
		this.reminders.delete(reminder.reminderId);
		const list = this.remindersByCustomer.get(reminder.customerId) ?? [];
		const index = list.indexOf(reminder);
		if (index >= 0) list.splice(index, 1);
	}

	deleteCustomer(customer: EnkashCustomer): void {
		this.customers.delete(customer.customerId);
		for (const reminder of [...this.remindersOf(customer.customerId)]) this.deleteReminder(reminder);
	}

	/** The invoice as the API returns it, with the customer's current legal name. */
	invoiceView(invoice: EnkashInvoice): EnkashInvoice & { customerLegalName: string | null } {
		return { ...invoice, customerLegalName: this.customers.get(invoice.customerId)?.legalName ?? null };
	}
}
