/**
 * The soak's jobs: one operation of one node, with its input items, run through the engine with
 * Continue on Fail. A job knows what a successful item must look like, which record type (if any)
 * its successes create in the sandbox, and whether running a failed item again is safe (the node
 * looks the record up first, or the operation is idempotent).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RecordType } from '../../sandbox/types';
import { enboarderWorkflow, type Authentication } from '../engine/support/enboarder';
import { enkashWorkflow } from '../engine/support/enkash';
import type { WorkflowJson } from '../harness';

export const NODE = 'Soak';
const $ = (name: string) => `={{ $json.${name} }}`;
const locator = (name: string) => ({ __rl: true, mode: 'id', value: $(name) });

/** Every job's Options: items in parallel, patient retries, and a timeout well above the slowest injected delay. */
const OPTIONS = { concurrency: 8, retryAttempts: 6, maxRetryWaitSeconds: 5, timeoutSeconds: 20 };

export interface Job {
	/** e.g. 'Enkash › Invoice › Create'. */
	operation: string;
	workflow: WorkflowJson;
	input: IDataObject[];
	/** Records its successes create: the ledger type, and the item's key when the ledger keeps one (externalId). */
	creates?: { type: RecordType; key?: (input: IDataObject) => string; id: (output: IDataObject) => string | undefined };
	/** A failed item may run again (the node looks the record up before creating, or the operation is idempotent). */
	rerunnable: boolean;
	/** One item's outputs when it succeeded: a problem in words, or undefined when right. */
	check: (outputs: IDataObject[], input: IDataObject) => string | undefined;
}

export interface ItemOutcome {
	input: IDataObject;
	/** Outputs of a success (may be empty for a search). */
	outputs?: IDataObject[];
	error?: string;
	/** Neither an error item nor the record the operation promises (must never happen). */
	silent?: string;
}

const enkash = (parameters: IDataObject) => enkashWorkflow(NODE, { ...parameters, options: OPTIONS }, { onError: 'continueRegularOutput' });
const enboarder = (authentication: Authentication, parameters: IDataObject) =>
	enboarderWorkflow(NODE, authentication, { ...parameters, options: OPTIONS }, { onError: 'continueRegularOutput' });

const need = (condition: boolean, problem: string) => (condition ? undefined : problem);
const one = (outputs: IDataObject[], check: (output: IDataObject) => string | undefined) => (outputs.length === 1 ? check(outputs[0]) : `${outputs.length} outputs instead of 1`);

/** Splits a node's output into one outcome per input item (by pairedItem). */
export function outcomes(job: Job, items: INodeExecutionData[]): ItemOutcome[] {
	const byItem = new Map<number, INodeExecutionData[]>();
	for (const item of items) {
		const paired = item.pairedItem as { item: number } | undefined;
		const index = typeof paired?.item === 'number' ? paired.item : -1;
		byItem.set(index, [...(byItem.get(index) ?? []), item]);
	}
	return job.input.map((input, index) => {
		const mine = byItem.get(index) ?? [];
		const errors = mine.filter((item) => item.json.error !== undefined);
		if (errors.length > 0) {
			const error = String(errors[0].json.error);
			const named = /^Item (\d+):/.exec(error)?.[1];
			// An error item is paired to its item, and when its words name an item, it is that one.
			if (named !== undefined && Number(named) !== index + 1) return { input, silent: `the error item of item ${index + 1} names item ${named}: ${error}` };
			return mine.length === 1 ? { input, error } : { input, silent: `an error item and ${mine.length - 1} other items` };
		}
		const outputs = mine.map((item) => item.json);
		const problem = job.check(outputs, input);
		return problem ? { input, silent: problem } : { input, outputs };
	});
}

// --- Enkash ----------------------------------------------------------------------------------------

export const enkashJobs = {
	invoiceCreate: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Invoice › Create',
		workflow: enkash({ resource: 'invoice', operation: 'create', customerId: locator('customerId'), baseAmount: $('amount'), dueDate: '2026-12-15', skipExisting: true, additionalFields: { externalId: $('key') } }),
		input,
		creates: { type: 'invoice', key: (item) => String(item.key), id: (output) => output.invoiceId as string },
		rerunnable: true,
		check: (outputs, item) => one(outputs, (invoice) => need(/^EKINV\d{10}$/.test(String(invoice.invoiceId)) && invoice.externalId === item.key, `no invoice for ${String(item.key)}`)),
	}),
	invoiceBulk: (input: IDataObject[], resource: 'invoice' | 'bharatConnect'): Job => ({
		operation: resource === 'invoice' ? 'Enkash › Invoice › Bulk Upload' : 'Enkash › Bharat Connect › Bulk Create Invoices',
		workflow: enkash({
			resource,
			operation: resource === 'invoice' ? 'bulkUpload' : 'bulkCreateInvoices',
			source: 'items',
			customerId: locator('customerId'),
			baseAmount: $('amount'),
			dueDate: '2026-12-15',
			skipExisting: true,
			additionalFields: { externalId: $('key') },
		}),
		input,
		creates: { type: 'invoice', key: (item) => String(item.key), id: (output) => output.invoiceId as string },
		rerunnable: true,
		check: (outputs, item) => one(outputs, (row) => need(/^EKINV\d{10}$/.test(String(row.invoiceId)) && row.externalId === item.key && (row.status === 'CREATED' || row.status === 'EXISTS'), `no invoice row for ${String(item.key)}: ${JSON.stringify(row)}`)),
	}),
	customerCreate: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Customer › Create',
		workflow: enkash({ resource: 'customer', operation: 'create', legalName: $('name'), keyContacts: { contact: [{ name: 'Soak Contact', email: 'soak.contact@example.com' }] }, skipExisting: true, additionalFields: { uniqueRefNo: $('key') } }),
		input,
		creates: { type: 'customer', key: (item) => String(item.key), id: (output) => output.customerId as string },
		rerunnable: true,
		check: (outputs, item) => one(outputs, (customer) => need(/^KC[A-Z0-9]{14}$/.test(String(customer.customerId)) && customer.uniqueRefNo === item.key, `no customer for ${String(item.key)}`)),
	}),
	customerBulkCreate: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Customer › Bulk Create',
		workflow: enkash({ resource: 'customer', operation: 'bulkCreate', source: 'items', legalName: $('name'), keyContacts: { contact: [{ name: 'Soak Contact', mobile: '9876543210' }] }, additionalFields: { uniqueRefNo: $('key') } }),
		input,
		creates: { type: 'customer', key: (item) => String(item.key), id: (output) => output.customerId as string },
		// Bulk Create has no "skip existing": running a failed row again could create it twice.
		rerunnable: false,
		check: (outputs) => one(outputs, (row) => need(/^KC[A-Z0-9]{14}$/.test(String(row.customerId)) && row.status === 'CREATED', `no customer row: ${JSON.stringify(row)}`)),
	}),
	reminderCreate: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Payment Reminder › Create',
		workflow: enkash({ resource: 'paymentReminder', operation: 'create', customerId: locator('customerId'), name: $('key'), channel: 'EMAIL', offsetDays: -3, reference: 'DUE_DATE', enabled: true, skipExisting: true }),
		input,
		creates: { type: 'reminder', id: (output) => output.reminderId as string },
		rerunnable: true,
		check: (outputs, item) => one(outputs, (reminder) => need(reminder.name === item.key && reminder.customerId === item.customerId, `no reminder named ${String(item.key)}`)),
	}),
	paymentConfirmation: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Bharat Connect › Payment Confirmation',
		workflow: enkash({ resource: 'bharatConnect', operation: 'paymentConfirmation', invoiceIds: $('invoiceIds'), paymentId: $('key'), response: 'SUCCESS', type: 'PAYMENT' }),
		input,
		creates: { type: 'bcPaymentConfirmation', id: (output) => output.requestId as string },
		rerunnable: false,
		check: (outputs, item) => one(outputs, (answer) => need(/^BCPC\d{8}$/.test(String(answer.requestId)) && answer.paymentId === item.key, `no confirmation for ${String(item.key)}`)),
	}),
	statusChange: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Bharat Connect › Change Invoice Status',
		workflow: enkash({
			resource: 'bharatConnect',
			operation: 'changeInvoiceStatus',
			b2bIds: 'B2B0001, B2B0002',
			objectId: $('key'),
			supplierInvoiceNumber: $('key'),
			supplierAction: 'ACCEPT',
			currentStatus: 'PENDING',
			newStatus: 'ACCEPTED',
		}),
		input,
		creates: { type: 'bcInvoiceStatusChange', id: (output) => output.requestId as string },
		rerunnable: false,
		check: (outputs, item) => one(outputs, (answer) => need(/^BCSC\d{8}$/.test(String(answer.requestId)) && answer.objectId === item.key, `no status change for ${String(item.key)}`)),
	}),
	invoiceUpdate: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Invoice › Update',
		workflow: enkash({ resource: 'invoice', operation: 'update', invoiceId: locator('invoiceId'), updateFields: { description: $('description') } }),
		input,
		rerunnable: true,
		check: (outputs, item) => one(outputs, (invoice) => need(invoice.invoiceId === item.invoiceId && invoice.description === item.description, 'the change is not in the answer')),
	}),
	invoiceGet: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Invoice › Get',
		workflow: enkash({ resource: 'invoice', operation: 'get', invoiceId: locator('invoiceId') }),
		input,
		rerunnable: true,
		check: (outputs, item) => one(outputs, (invoice) => need(invoice.invoiceId === item.invoiceId, `asked for ${String(item.invoiceId)}, got ${String(invoice.invoiceId)}`)),
	}),
	invoiceSearch: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Invoice › Search',
		workflow: enkash({ resource: 'invoice', operation: 'search', returnAll: false, limit: 20, filters: { customerIds: $('customerId') } }),
		input,
		rerunnable: true,
		check: (outputs, item) => need(outputs.length <= 20 && outputs.every((invoice) => invoice.customerId === item.customerId), 'an invoice of another customer'),
	}),
	dispatch: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Invoice › Dispatch',
		workflow: enkash({ resource: 'invoice', operation: 'dispatch', invoiceId: $('invoiceId'), partialPaymentAllowed: false }),
		input,
		// Dispatching again answers ALREADY_DISPATCHED, a success.
		rerunnable: true,
		check: (outputs, item) => one(outputs, (result) => need(result.invoiceId === item.invoiceId && (result.status === 'DISPATCHED' || result.status === 'ALREADY_DISPATCHED'), JSON.stringify(result))),
	}),
	deleteCollection: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Invoice › Delete Collection',
		workflow: enkash({ resource: 'invoice', operation: 'deleteCollection', invoiceId: $('invoiceId') }),
		input,
		rerunnable: false,
		check: (outputs, item) => one(outputs, (result) => need(result.invoiceId === item.invoiceId && result.status === 'DELETED', JSON.stringify(result))),
	}),
	customerUpdate: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Customer › Update',
		workflow: enkash({ resource: 'customer', operation: 'update', customerId: locator('customerId'), updateFields: { legalName: $('legalName') }, keyContacts: {} }),
		input,
		rerunnable: true,
		check: (outputs, item) => one(outputs, (customer) => need(customer.customerId === item.customerId && customer.legalName === item.legalName, 'the change is not in the answer')),
	}),
	customerBulkUpdate: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Customer › Bulk Update',
		workflow: enkash({ resource: 'customer', operation: 'bulkUpdate', source: 'items', customerId: locator('customerId'), updateFields: { state: $('state') }, keyContacts: {} }),
		input,
		rerunnable: true,
		check: (outputs, item) => one(outputs, (row) => need(row.customerId === item.customerId && row.status === 'UPDATED', JSON.stringify(row))),
	}),
	customerAction: (input: IDataObject[], operation: 'activate' | 'deactivate' | 'delete' | 'get'): Job => ({
		operation: `Enkash › Customer › ${operation[0].toUpperCase()}${operation.slice(1)}`,
		workflow: enkash({ resource: 'customer', operation, customerId: locator('customerId') }),
		input,
		rerunnable: operation !== 'delete',
		check: (outputs, item) =>
			one(outputs, (customer) =>
				need(
					customer.customerId === item.customerId && (operation === 'delete' ? customer.deleted === true : operation === 'get' || customer.active === (operation === 'activate')),
					JSON.stringify(customer).slice(0, 200),
				),
			),
	}),
	customerSearch: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Customer › Search',
		workflow: enkash({ resource: 'customer', operation: 'search', returnAll: false, limit: 5, customerFilters: { uniqueRefNo: $('key') } }),
		input,
		rerunnable: true,
		check: (outputs, item) => need(outputs.length === 1 && outputs[0].uniqueRefNo === item.key, `found ${outputs.length} customers for ${String(item.key)}`),
	}),
	customerContacts: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Customer Contact › Get',
		workflow: enkash({ resource: 'customerContact', operation: 'get', customerId: locator('customerId') }),
		input,
		rerunnable: true,
		check: (outputs, item) => one(outputs, (contacts) => need(contacts.customerId === item.customerId && Array.isArray(contacts.customerKeyContacts), JSON.stringify(contacts).slice(0, 200))),
	}),
	reminderUpdate: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Payment Reminder › Update',
		workflow: enkash({ resource: 'paymentReminder', operation: 'update', customerId: locator('customerId'), reminderId: $('reminderId'), updateFields: { offsetDays: $('offsetDays') } }),
		input,
		rerunnable: true,
		check: (outputs, item) => one(outputs, (reminder) => need(reminder.reminderId === item.reminderId && reminder.offsetDays === item.offsetDays, JSON.stringify(reminder))),
	}),
	reminderAction: (input: IDataObject[], operation: 'get' | 'delete'): Job => ({
		operation: `Enkash › Payment Reminder › ${operation === 'get' ? 'Get' : 'Delete'}`,
		workflow: enkash({ resource: 'paymentReminder', operation, customerId: locator('customerId'), reminderId: $('reminderId') }),
		input,
		rerunnable: operation === 'get',
		check: (outputs, item) => one(outputs, (reminder) => need(reminder.reminderId === item.reminderId && (operation === 'get' || reminder.deleted === true), JSON.stringify(reminder))),
	}),
	reminderGetMany: (input: IDataObject[]): Job => ({
		operation: 'Enkash › Payment Reminder › Get Many',
		workflow: enkash({ resource: 'paymentReminder', operation: 'getMany', customerId: locator('customerId'), returnAll: true }),
		input,
		rerunnable: true,
		check: (outputs, item) => need(outputs.every((reminder) => reminder.customerId === item.customerId), 'a reminder of another customer'),
	}),
};

// --- Enboarder -------------------------------------------------------------------------------------

export const enboarderJobs = {
	launch: (authentication: Authentication, input: IDataObject[], advanced: boolean): Job => ({
		operation: `Enboarder › Workflow › ${advanced ? 'Launch (Advanced)' : 'Launch'} (${authentication})`,
		workflow: enboarder(authentication, {
			resource: 'workflow',
			operation: advanced ? 'launchAdvanced' : 'launch',
			newHireName: $('name'),
			newHireEmail: $('email'),
			newHireChannel: 'eml',
			workflowExternalId: $('key'),
			skipIfLaunched: true,
			workflowCustomFields: { field: [{ name: 'location', value: 'Sydney' }] },
			...(advanced ? { managers: { byDetails: [{ label: 'Direct Manager', name: 'Mia Manager', email: 'mia.manager@example.com', channel: 'eml' }] } } : {}),
			additionalFields: {},
		}),
		input,
		creates: { type: 'enboarderWorkflow', key: (item) => String(item.key), id: (output) => output.referenceid as string },
		rerunnable: true,
		check: (outputs, item) => one(outputs, (answer) => need(/^EBWF-\d{8}$/.test(String(answer.referenceid)) && answer.externalid === item.key, JSON.stringify(answer))),
	}),
	workflowUpdate: (authentication: Authentication, input: IDataObject[]): Job => ({
		operation: `Enboarder › Workflow › Update (${authentication})`,
		workflow: enboarder(authentication, { resource: 'workflow', operation: 'update', workflowExternalId: $('key'), updateFields: { newHireName: $('name') } }),
		input,
		rerunnable: true,
		check: (outputs) => one(outputs, (answer) => need(/^EBWF-\d{8}$/.test(String(answer.referenceid)), JSON.stringify(answer))),
	}),
	cancel: (authentication: Authentication, input: IDataObject[]): Job => ({
		operation: `Enboarder › Workflow › Cancel (${authentication})`,
		workflow: enboarder(authentication, { resource: 'workflow', operation: 'cancel', workflowExternalId: $('key'), cancelMode: 'ALL', cancelComments: 'Soak test' }),
		input,
		// Cancelling again cancels nothing and says so: harmless.
		rerunnable: true,
		check: (outputs) => one(outputs, (answer) => need(typeof answer.cancelled === 'number', JSON.stringify(answer))),
	}),
	profileCreate: (authentication: Authentication, input: IDataObject[]): Job => ({
		operation: `Enboarder › Profile › Create (${authentication})`,
		workflow: enboarder(authentication, { resource: 'profile', operation: 'create', firstName: 'Soak', lastName: $('name'), externalId: $('key'), additionalFields: { email: $('email') }, acceptWarnings: true }),
		input,
		creates: { type: 'profile', key: (item) => String(item.key), id: (output) => String(output.id) },
		// Enboarder has no look-up by External ID: a lost create is not resent, and a second create is refused (PROFILE_EXISTS).
		rerunnable: false,
		check: (outputs) => one(outputs, (answer) => need(answer.message === 'Profile Created' && typeof answer.id === 'number', JSON.stringify(answer))),
	}),
	profileUpdate: (authentication: Authentication, input: IDataObject[]): Job => ({
		operation: `Enboarder › Profile › Update (${authentication})`,
		workflow: enboarder(authentication, { resource: 'profile', operation: 'update', profileId: $('profileId'), updateFields: { lastName: $('name') }, acceptWarnings: true }),
		input,
		rerunnable: true,
		check: (outputs, item) => one(outputs, (answer) => need(answer.message === 'Profile Updated' && answer.id === Number(item.profileId), JSON.stringify(answer))),
	}),
	profileAction: (authentication: Authentication, input: IDataObject[], operation: 'get' | 'delete' | 'listWorkflows'): Job => ({
		operation: `Enboarder › Profile › ${{ get: 'Get', delete: 'Delete', listWorkflows: 'List Workflows' }[operation]} (${authentication})`,
		workflow: enboarder(authentication, { resource: 'profile', operation, profileId: $('profileId') }),
		input,
		rerunnable: operation !== 'delete',
		check: (outputs, item) =>
			operation === 'listWorkflows'
				? need(outputs.every((workflow) => workflow.profileId === Number(item.profileId)), 'a workflow of another profile')
				: one(outputs, (answer) => need(answer.id === Number(item.profileId) && (operation === 'get' || answer.message === 'Profile Deleted'), JSON.stringify(answer).slice(0, 200))),
	}),
	report: (authentication: Authentication, input: IDataObject[], operation: string, reportId?: string): Job => ({
		operation: `Enboarder › Report › ${operation} (${authentication})`,
		workflow: enboarder(authentication, {
			resource: 'report',
			operation,
			...(reportId ? { reportId: { __rl: true, mode: 'id', value: reportId } } : {}),
			...(operation.endsWith('Data') ? { returnAll: false, limit: 600 } : operation.startsWith('list') ? { returnAll: true } : {}),
		}),
		input,
		rerunnable: true,
		check: (outputs) => need(outputs.length > 0, 'no rows'),
	}),
};
