/** What an AI model reads about each Enkash operation when the node runs as a tool. */
import type { ToolTexts } from '../../../shared/descriptions/toolDescription';

export const ENKASH_TOOL_TEXTS: ToolTexts = {
	bharatConnect: {
		bulkCreateInvoices:
			'Creates Bharat Connect invoices in Enkash in one upload. Needs, per invoice: the customer ID (e.g. KCDEMOACTIVE0001), the base amount in rupees before taxes, and the due date as YYYY-MM-DD.',
		changeInvoiceStatus:
			'Changes the status of a Bharat Connect invoice in Enkash, as its supplier. Needs the B2B IDs, the object ID, the supplier invoice number, the supplier action, the current status and the new status.',
		paymentConfirmation: 'Confirms a payment against Bharat Connect invoices in Enkash. Needs the invoice IDs, the payment ID and the type.',
	},
	customer: {
		activate: 'Activates an Enkash customer so invoices can be raised to it. Needs the customer ID (e.g. KCDEMOACTIVE0001).',
		bulkCreate: 'Creates several Enkash customers in one request. Needs, per customer: the legal name and at least one key contact (name, e-mail, mobile).',
		bulkUpdate: 'Updates several Enkash customers in one request. Needs, per customer: the customer ID and the fields to change.',
		create: 'Creates an Enkash customer (a buyer you invoice). Needs the legal name and at least one key contact (name, e-mail, mobile).',
		deactivate: 'Deactivates an Enkash customer: no new invoices can be raised to it. Needs the customer ID (e.g. KCDEMOACTIVE0001).',
		delete: 'Deletes an Enkash customer. Needs the customer ID (e.g. KCDEMOACTIVE0001). Cannot be undone.',
		get: "Gets one Enkash customer: legal name, contacts, status. Needs the customer ID (e.g. KCDEMOACTIVE0001).",
		search: 'Finds Enkash customers; the filters are optional. Returns at most the Limit set on the tool.',
		update: 'Updates an Enkash customer. Needs the customer ID (e.g. KCDEMOACTIVE0001) and only the fields to change.',
	},
	customerContact: {
		get: 'Gets the contacts (names, e-mails, mobiles) of an Enkash customer. Needs the customer ID (e.g. KCDEMOACTIVE0001).',
	},
	invoice: {
		bulkUpload: 'Uploads many Enkash invoices in one request. Needs, per invoice: the customer ID, the base amount in rupees before taxes, and the due date as YYYY-MM-DD.',
		create:
			'Creates an invoice in Enkash for a customer. Needs the customer ID (e.g. KCDEMOACTIVE0001), the base amount in rupees before taxes, and the due date as YYYY-MM-DD; give an External ID (your reference, such as an order number) so the same invoice is never created twice. Returns the invoice with its Enkash invoice ID.',
		deleteCollection: 'Deletes an Enkash invoice. Needs the Enkash invoice ID (e.g. EKINV1000000001). Cannot be undone.',
		dispatch: 'Sends an Enkash invoice to its customer. Needs the Enkash invoice ID (e.g. EKINV1000000001).',
		get: 'Gets one Enkash invoice: amounts, due date, payment status. Needs the Enkash invoice ID (e.g. EKINV1000000001).',
		search:
			'Finds Enkash invoices. Filters, all optional: customer IDs, External IDs, payment status (PAID, PARTIALLY_PAID, UNPAID), due date and creation date ranges as YYYY-MM-DD. Returns at most the Limit set on the tool.',
		update: 'Updates an Enkash invoice. Needs the Enkash invoice ID (e.g. EKINV1000000001) and only the fields to change (dates as YYYY-MM-DD).',
	},
	paymentReminder: {
		create: 'Creates a payment reminder for an Enkash customer: when and how its unpaid invoices are chased. Needs the customer ID (e.g. KCDEMOACTIVE0001) and a name for the reminder.',
		delete: 'Deletes an Enkash payment reminder. Needs the customer ID and the reminder ID.',
		get: 'Gets one Enkash payment reminder. Needs the customer ID and the reminder ID.',
		getMany: 'Lists the payment reminders of an Enkash customer. Needs the customer ID.',
		update: 'Updates an Enkash payment reminder. Needs the customer ID, the reminder ID and only the fields to change.',
	},
};
