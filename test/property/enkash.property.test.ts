/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { SEED_FACTS, startSandbox, type Sandbox } from '../../sandbox';
import { HarnessCredentialsHelper, resetTokenState, runWorkflow } from '../harness';
import { enkashCredentialData, enkashWorkflow } from '../engine/support/enkash';
import {
	PROPERTY_RUNS,
	PROPERTY_SEED,
	badWhen,
	blank,
	checkOperation,
	dates,
	emails,
	field,
	field as fieldOf,
	group,
	list,
	notDates,
	notEmails,
	notText,
	options,
	type Drawn,
	words,
	type PropertyEnvironment,
	type PropertySpec,
} from './support';

const NODE = 'Enkash';
const $ = (name: string) => `={{ $json.${name} }}`;
const locator = (name: string) => ({ __rl: true, mode: 'id', value: $(name) });
const FACTS = SEED_FACTS.enkash;

/** Invoice IDs the seed holds (EKINV1000000001 … EKINV1000005000). */
const seededInvoiceId = fc.integer({ min: 1, max: FACTS.invoiceCount }).map((n) => `EKINV${String(1_000_000_000 + n)}`);
const badInvoiceIds = fc.constantFrom('EKINV1', 'ekinv1000000001', 'INV-1', 'EKINV10000000011', 'EKINV100000000A', '', ' ', 'EKINV 1000000001');
const badCustomerIds = fc.constantFrom('KC123', 'kcdemoactive0001', 'XCDEMOACTIVE0001', 'KCDEMO-ACTIVE001', 'KCDEMOACTIVE00012', '', '  ');
const amount = fc.oneof(fc.double({ min: 0.1, max: 10_000_000, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000 }).map(String));
const badAmount = fc.constantFrom(0, 0.09, -5, -0.1, Number.NaN, Number.POSITIVE_INFINITY, 'ten', '', ' ', null, {}, true);
const nonNegative = fc.oneof(fc.double({ min: 0, max: 1_000_000, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 1_000_000 }));
const percent = fc.double({ min: 0, max: 100, noNaN: true });
const flag = fc.boolean();
const notFlag = fc.constantFrom('yes', 'true', 1, 0, {});
const description = fc.string({ maxLength: 500 });
const externalIds = (index: number) => fc.constantFrom(`prop-${PROPERTY_SEED}-${index}`, ` prop-${PROPERTY_SEED}-${index} `);

/** The API's name of each invoice field label. */
const keyOf: Record<string, string> = {
	'Approval Status': 'approvalStatus',
	'Balance Amount': 'balanceAmount',
	CGST: 'cgst',
	'Charge Customer': 'chargeCustomer',
	Description: 'description',
	'Dispatch Now': 'dispatchNow',
	'Email Address': 'emailAddress',
	'External ID': 'externalId',
	'GST Exclusive': 'gstExclusive',
};

/**
 * Invoice fields shared by Create's Additional Fields and Update's Update Fields; `byName`: as an
 * item's own fields for Source "Input Item Fields, Matched by Name", where an error names the field
 * by its key.
 */
function invoiceOptions(index: number, forUpdate: boolean, byName = false) {
	const field = (label: string, valid: fc.Arbitrary<unknown>, invalid?: fc.Arbitrary<unknown>, options?: { optional?: boolean }) => fieldOf(byName ? keyOf[label] : label, valid, invalid, options);
	return {
		approvalStatus: field('Approval Status', fc.constantFrom('APPROVED', 'PENDING', 'REJECTED'), fc.constantFrom('approved', 'DONE', 3), { optional: true }),
		balanceAmount: field('Balance Amount', nonNegative, fc.constantFrom(-1, -0.01, 'lots', Number.NaN, Number.POSITIVE_INFINITY), { optional: true }),
		cgst: field('CGST', percent, fc.constantFrom(140, 100.01, -1, 'nine', Number.POSITIVE_INFINITY), { optional: true }),
		chargeCustomer: field('Charge Customer', flag, notFlag, { optional: true }),
		description: field('Description', description, fc.string({ minLength: 501, maxLength: 600 }), { optional: true }),
		...(forUpdate ? {} : { dispatchNow: field('Dispatch Now', flag, notFlag, { optional: true }) }),
		emailAddress: field('Email Address', emails, notEmails, { optional: true }),
		externalId: field('External ID', externalIds(index), fc.oneof(fc.constant('x'.repeat(101)), fc.constantFrom(' ', '\t')), { optional: true }),
		gstExclusive: field('GST Exclusive', flag, notFlag, { optional: true }),
	};
}

const contact = group({
	name: field('Key Contacts', words(60), fc.oneof(blank, notText)),
	email: field('Key Contacts', emails, notEmails, { optional: true }),
	mobile: field('Key Contacts', fc.stringMatching(/^(\+91)?[6-9]\d{9}$/), fc.constantFrom('0801234567', '12345', '+1 415 555 0100', '98765 43210'), { optional: true }),
	designation: field('Key Contacts', words(30), undefined, { optional: true }),
});

/** Customer fields shared by Create's Additional Fields and Update's Update Fields. */
function customerOptions(index: number) {
	return {
		accountNumber: field('Account Number', fc.stringMatching(/^\d{6,18}$/), fc.constantFrom('123', '12345678901234567890', '12-3456', 'ACCOUNT1'), { optional: true }),
		address: field('Address', words(80), undefined, { optional: true }),
		assignedAgent: field('Assigned Agent', words(30), undefined, { optional: true }),
		branchCodes: field('Branch Codes', fc.array(fc.stringMatching(/^[A-Z]{2,4}\d{1,3}$/), { minLength: 1, maxLength: 3 }).map((codes) => codes.join(', ')), undefined, { optional: true }),
		contactNumber: field('Contact Number', fc.stringMatching(/^\+?\d{10,13}$/), fc.constantFrom('12-34', '123', '+91 98765 43210', 'phone'), { optional: true }),
		customerReminders: field('Customer Reminders', flag, fc.constantFrom('no', 1), { optional: true }),
		ifsc: field('IFSC', fc.stringMatching(/^[A-Z]{4}0[A-Z0-9]{6}$/), fc.constantFrom('HDFC1001234', 'hdfc0001234', 'HDFC000123'), { optional: true }),
		panOrGstin: field('PAN or GSTIN', fc.constantFrom('ABCDE1234F', '29ABCDE1234F1Z5'), fc.constantFrom('ABCDE1234', 'abcde1234f', '29ABCDE1234F1Y5'), { optional: true }),
		pinCode: field('PIN Code', fc.stringMatching(/^\d{6}$/), fc.constantFrom('56OO01', '5600', '5600011'), { optional: true }),
		state: field('State', words(30), undefined, { optional: true }),
		uniqueRefNo: field('Unique Reference Number', fc.constant(`cust-${PROPERTY_SEED}-${index}`), fc.constantFrom(' ', '\t'), { optional: true }),
	};
}

const contactKeys = ['name', 'email', 'mobile', 'designation'];
/** Key Contacts with `count` entries, each field read from the case's `contacts[i]`. */
const keyContactsOf = (count: number) => ({ contact: Array.from({ length: count }, (_, i) => Object.fromEntries(contactKeys.map((key) => [key, `={{ $json.contacts[${i}]?.${key} }}`]))) });
/** Between 0 and 11 contacts; the shape is the count, since expressions cannot vary a list's length. */
const contactsCase = (allowNone: boolean) =>
	fc.constantFrom(0, 1, 1, 1, 2, 3, 11).chain((count) =>
		badWhen(list(contact, { minLength: count, maxLength: count }), 'Key Contacts', (entries) => {
			const given = entries as IDataObject[];
			return (!allowNone && given.length === 0) || given.length > 10 || given.some((c) => c.email === undefined && c.mobile === undefined);
		}),
	);
const updateWanted = (drawn: Drawn<IDataObject>) => (Object.keys(drawn.value).length === 0 ? { ...drawn, bad: [...drawn.bad, 'Update Fields'] } : drawn);
const UPDATE_ALIASES = { 'Update Fields': /choose at least one field to update/ };
const sometimesEmpty = (arbitrary: fc.Arbitrary<Drawn<IDataObject>>) =>
	fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: fc.constant<Drawn<IDataObject>>({ value: {}, bad: [] }) }).map(updateWanted);
const ROW_REFUSED = /Enkash rejected the row/;

describe(`Enkash: every operation's parameters, ${PROPERTY_RUNS} generated cases each (seed ${PROPERTY_SEED})`, () => {
	// One sandbox for the whole file, never reset: each test builds on the records the set-up made.
	const suite = {} as { sandbox: Sandbox; credentials: HarnessCredentialsHelper };
	after(async () => await suite.sandbox?.close());
	let env: PropertyEnvironment;
	/** Active customers for invoices, updates and reminders; others to switch off and on; new ones to delete. */
	let pool: string[] = [];
	let toggled: string[] = [];
	let deletable: string[] = [];
	let reminders: Array<{ customerId: string; reminderId: string }> = [];
	let deletableInvoices: string[] = [];

	before(async () => {
		suite.sandbox = await startSandbox({ port: 0 });
		suite.credentials = new HarnessCredentialsHelper();
		await suite.credentials.add({ id: 'sandbox-enkash', name: 'Enkash sandbox', type: 'enkashApi', data: enkashCredentialData(suite.sandbox.url) });
		resetTokenState();
		env = { sandbox: suite.sandbox, credentials: suite.credentials, workflow: (parameters, settings) => enkashWorkflow(NODE, parameters, settings), nodeName: NODE };
		const run = async (parameters: IDataObject, input?: IDataObject[]) => {
			const result = await runWorkflow(enkashWorkflow(NODE, parameters), { credentials: suite.credentials, input });
			assert.equal(result.status, 'success', result.error?.message);
			return result.output(NODE).map((item) => item.json);
		};
		const active = (await run({ resource: 'customer', operation: 'search', returnAll: false, limit: 600, customerFilters: { active: 'yes' } })).map((c) => String(c.customerId));
		assert.ok(active.length >= 500);
		pool = active.slice(0, 300);
		toggled = active.slice(300, 500);
		const made = await run(
			{ resource: 'customer', operation: 'create', legalName: '={{ $json.name }}', keyContacts: { contact: [{ name: 'Delete Me', email: 'delete.me@example.com' }] }, skipExisting: false, additionalFields: {} },
			Array.from({ length: PROPERTY_RUNS }, (_, n) => ({ name: `Deletable ${n}` })),
		);
		deletable = made.map((c) => String(c.customerId));
		const madeReminders = await run(
			{ resource: 'paymentReminder', operation: 'create', customerId: locator('customerId'), name: '={{ $json.name }}', channel: 'EMAIL', offsetDays: -3, reference: 'DUE_DATE', enabled: true, skipExisting: false },
			Array.from({ length: PROPERTY_RUNS * 2 }, (_, n) => ({ customerId: pool[n % pool.length], name: `Setup ${n}` })),
		);
		reminders = madeReminders.map((r) => ({ customerId: String(r.customerId), reminderId: String(r.reminderId) }));
		const seeded = await suite.sandbox.control.seedEnkashInvoices(PROPERTY_RUNS);
		const first = Number(seeded.firstInvoiceId!.slice(5));
		deletableInvoices = Array.from({ length: PROPERTY_RUNS }, (_, n) => `EKINV${first + n}`);
	});

	const customer = () => fc.constantFrom(...pool);
	const outcomes: string[] = [];
	async function check(spec: PropertySpec) {
		const started = Date.now();
		const outcome = await checkOperation(env, spec);
		outcomes.push(`${spec.name}: ${outcome.cases} cases (${outcome.valid} valid, ${outcome.refused} refused), ${outcome.requests} requests, ${Date.now() - started} ms`);
	}

	// --- invoices ----------------------------------------------------------------------------------

	const invoiceCase = (index: number, forBulk: boolean) =>
		group({
			customerId: field('Customer', customer(), badCustomerIds),
			baseAmount: field('Base Amount', amount, badAmount),
			dueDate: field('Due Date', dates, fc.oneof(notDates, blank)),
			skipExisting: field('Skip If External ID Exists', flag),
			additionalFields: group(invoiceOptions(forBulk ? index + 1_000_000 : index, false)),
		});
	const invoiceParameters = (resource: string, operation: string, extra: IDataObject = {}) => ({
		resource,
		operation,
		...extra,
		customerId: locator('customerId'),
		baseAmount: $('baseAmount'),
		dueDate: $('dueDate'),
		skipExisting: $('skipExisting'),
		additionalFields: options('additionalFields', Object.keys(invoiceOptions(0, false))),
	});
	const externalOf = (input: IDataObject) => (input.additionalFields as IDataObject).externalId;

	test('Invoice › Create', async () => {
		await check({
			name: 'Enkash › Invoice › Create',
			parameters: invoiceParameters('invoice', 'create'),
			cases: (index) => invoiceCase(index, false),
			success: ([invoice], input) => {
				assert.match(String(invoice.invoiceId), /^EKINV\d{10}$/);
				assert.equal(invoice.customerId, input.customerId);
				const external = externalOf(input);
				if (typeof external === 'string') assert.equal(invoice.externalId, external.trim());
			},
		});
	});

	test('Invoice › Create, Source "Input Item Fields, Matched by Name"', async () => {
		await check({
			name: 'Enkash › Invoice › Create (fields matched by name)',
			// Every field comes from the item itself: nothing here reads $json.
			parameters: { resource: 'invoice', operation: 'create', fieldSource: 'json', skipExisting: true },
			cases: (index) =>
				group({
					customerId: field('customerId', customer(), badCustomerIds),
					baseAmount: field('baseAmount', amount, badAmount),
					dueDate: field('dueDate', dates, fc.oneof(notDates, blank)),
					...invoiceOptions(index + 2_000_000, false, true),
				}),
			success: ([invoice], input) => {
				assert.match(String(invoice.invoiceId), /^EKINV\d{10}$/);
				assert.equal(invoice.customerId, input.customerId);
				if (typeof input.externalId === 'string') assert.equal(invoice.externalId, input.externalId.trim());
			},
		});
	});

	for (const [resource, operation, label] of [
		['invoice', 'bulkUpload', 'Invoice › Bulk Upload'],
		['bharatConnect', 'bulkCreateInvoices', 'Bharat Connect › Bulk Create Invoices'],
	] as const) {
		test(`${label} (rows built from items)`, async () => {
			await check({
				name: `Enkash › ${label}`,
				parameters: invoiceParameters(resource, operation, { source: 'items' }),
				cases: (index) => invoiceCase(index + (resource === 'invoice' ? 0 : 500_000), true),
				serverRefusal: ROW_REFUSED,
				success: ([row], input) => {
					assert.match(String(row.invoiceId), /^EKINV\d{10}$/);
					assert.ok(row.status === 'CREATED' || row.status === 'EXISTS', String(row.status));
					const external = externalOf(input);
					if (typeof external === 'string') assert.equal(row.externalId, external.trim());
				},
			});
		});
	}

	test('Invoice › Update', async () => {
		// An empty value is "not given" in Update Fields.
		const { baseAmount, dueDate } = { baseAmount: field('Base Amount', amount, fc.constantFrom(0, 0.09, -5, Number.NaN, Number.POSITIVE_INFINITY, 'ten', ' ', {}, true), { optional: true }), dueDate: field('Due Date', dates, notDates, { optional: true }) };
		await check({
			name: 'Enkash › Invoice › Update',
			parameters: {
				resource: 'invoice',
				operation: 'update',
				invoiceId: locator('invoiceId'),
				updateFields: options('updateFields', ['baseAmount', 'dueDate', ...Object.keys(invoiceOptions(0, true))]),
			},
			cases: (index) =>
				group({
					invoiceId: field('Invoice ID', seededInvoiceId, badInvoiceIds),
					updateFields: sometimesEmpty(group({ baseAmount, dueDate, ...invoiceOptions(index + 2_000_000, true) })),
				}),
			aliases: UPDATE_ALIASES,
			success: ([invoice], input) => assert.equal(invoice.invoiceId, input.invoiceId),
		});
	});

	test('Invoice › Get', async () => {
		await check({
			name: 'Enkash › Invoice › Get',
			parameters: { resource: 'invoice', operation: 'get', invoiceId: locator('invoiceId') },
			cases: () => group({ invoiceId: field('Invoice ID', seededInvoiceId, fc.oneof(badInvoiceIds, notText)) }),
			success: ([invoice], input) => assert.equal(invoice.invoiceId, input.invoiceId),
		});
	});

	test('Invoice › Search', async () => {
		const dateTimes = fc.oneof(dates, dates.map((date) => `${date.slice(0, 10)} 09:30:00`));
		await check({
			name: 'Enkash › Invoice › Search',
			parameters: {
				resource: 'invoice',
				operation: 'search',
				returnAll: false,
				limit: $('limit'),
				filters: options('filters', ['approvalStatuses', 'createdOnFrom', 'createdOnTo', 'customerIds', 'customerLegalName', 'dispatched', 'dueDateFrom', 'dueDateTo', 'externalIds', 'paymentStatuses']),
				searchOptions: options('searchOptions', ['orderBy', 'direction', 'pageSize']),
			},
			cases: () =>
				group({
					limit: field('Limit', fc.integer({ min: 1, max: 30 }), fc.constantFrom('ten', Number.NaN, {}, 'all')),
					filters: group({
						approvalStatuses: field('Approval Statuses', fc.subarray(['APPROVED', 'PENDING', 'REJECTED']), fc.constantFrom(['DONE'], ['approved']), { optional: true }),
						createdOnFrom: field('Created On From', dateTimes, notDates, { optional: true }),
						createdOnTo: field('Created On To', dateTimes, notDates, { optional: true }),
						customerIds: field('Customer IDs', fc.subarray(pool.slice(0, 20), { minLength: 1, maxLength: 3 }).map((ids) => ids.join(', ')), fc.constantFrom('KCDEMOACTIVE0001, KCDEMO-ACTIVE', 'kc1'), { optional: true }),
						customerLegalName: field('Customer Legal Name', words(10), undefined, { optional: true }),
						dispatched: field('Dispatched', fc.constantFrom('any', 'yes', 'no'), fc.constantFrom('true', 'sent', true), { optional: true }),
						dueDateFrom: field('Due Date From', dates, notDates, { optional: true }),
						dueDateTo: field('Due Date To', dates, notDates, { optional: true }),
						externalIds: field('External IDs', fc.array(words(12).filter((w) => !w.includes(',')), { minLength: 1, maxLength: 3 }).map((ids) => ids.join(',')), undefined, { optional: true }),
						paymentStatuses: field('Payment Statuses', fc.subarray(['PAID', 'PARTIALLY_PAID', 'UNPAID']), fc.constantFrom(['OVERDUE'], ['paid']), { optional: true }),
					}),
					searchOptions: group({
						orderBy: field('Order By', fc.constantFrom('baseAmount', 'createdOn', 'dueDate', 'invoiceId'), fc.constantFrom('amount', 'CREATED_ON', 'createdon'), { optional: true }),
						direction: field('Direction', fc.constantFrom('ASC', 'DESC'), fc.constantFrom('up', 'desc ', 'DOWN'), { optional: true }),
						// Numbers outside 1…5,000 are brought within it (as Limit is); only a Page Size that is no number is refused.
						pageSize: field('Page Size', fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constantFrom(0, 5001, 2.5)), fc.constantFrom('many', Number.NaN, {}), { optional: true }),
					}),
				}),
			mayBeEmpty: true,
			success: (invoices, input) => {
				assert.ok(invoices.length <= Number(input.limit), `${invoices.length} invoices for Limit ${String(input.limit)}`);
				for (const invoice of invoices) assert.match(String(invoice.invoiceId), /^EKINV\d{10}$/);
			},
		});
	});

	test('Invoice › Dispatch (all items in one request)', async () => {
		await check({
			name: 'Enkash › Invoice › Dispatch',
			parameters: (shape) => ({ resource: 'invoice', operation: 'dispatch', invoiceId: $('invoiceId'), partialPaymentAllowed: shape === 'true' ? true : shape === 'false' ? false : shape }),
			cases: () =>
				fc.constantFrom('true', 'false', 'false', 'false', 'yes').chain((partial) =>
					group({ invoiceId: field('Invoice ID', seededInvoiceId, fc.oneof(badInvoiceIds, notText)) }).map((drawn) => ({
						...drawn,
						shape: partial,
						bad: partial === 'yes' ? [...drawn.bad, 'Partial Payment Allowed'] : drawn.bad,
					})),
				),
			success: ([result], input) => {
				assert.equal(result.invoiceId, input.invoiceId);
				assert.ok(result.status === 'DISPATCHED' || result.status === 'ALREADY_DISPATCHED', String(result.status));
			},
		});
	});

	test('Invoice › Delete Collection (all items in one request)', async () => {
		await check({
			name: 'Enkash › Invoice › Delete Collection',
			parameters: { resource: 'invoice', operation: 'deleteCollection', invoiceId: $('invoiceId') },
			cases: (index) => group({ invoiceId: field('Invoice ID', fc.constant(deletableInvoices[index]), fc.oneof(badInvoiceIds, notText)) }),
			success: ([result], input) => {
				assert.equal(result.invoiceId, input.invoiceId);
				assert.equal(result.status, 'DELETED');
			},
		});
	});

	// --- customers ---------------------------------------------------------------------------------

	const customerCase = (index: number, offset: number) =>
		contactsCase(false).chain((contacts) =>
			group({
				legalName: field('Legal Name', words(80), fc.oneof(blank, fc.constant('x'.repeat(201)), notText)),
				skipExisting: field('Skip If Reference Exists', flag),
				additionalFields: group(customerOptions(index + offset)),
			}).map((drawn) => ({ value: { ...drawn.value, contacts: contacts.value }, bad: [...drawn.bad, ...contacts.bad], shape: String((contacts.value as unknown[]).length) })),
		);
	const customerParameters = (operation: string) => (shape: string) => ({
		resource: 'customer',
		operation,
		legalName: $('legalName'),
		keyContacts: keyContactsOf(Number(shape)),
		skipExisting: $('skipExisting'),
		additionalFields: options('additionalFields', Object.keys(customerOptions(0))),
	});

	test('Customer › Create', async () => {
		await check({
			name: 'Enkash › Customer › Create',
			parameters: customerParameters('create'),
			cases: (index) => customerCase(index, 0),
			success: ([created], input) => {
				assert.match(String(created.customerId), /^KC[A-Z0-9]{14}$/);
				assert.equal(created.legalName, String(input.legalName).trim());
			},
		});
	});

	test('Customer › Bulk Create (rows built from items)', async () => {
		await check({
			name: 'Enkash › Customer › Bulk Create',
			parameters: (shape) => ({ ...customerParameters('bulkCreate')(shape), source: 'items' }),
			cases: (index) => customerCase(index, 1_000_000),
			serverRefusal: ROW_REFUSED,
			success: ([row]) => {
				assert.match(String(row.customerId), /^KC[A-Z0-9]{14}$/);
				assert.equal(row.status, 'CREATED');
			},
		});
	});

	const customerUpdateCase = (index: number, offset: number) =>
		contactsCase(true).chain((contacts) =>
			group({
				customerId: field('Customer', customer(), badCustomerIds),
				updateFields: sometimesEmpty(group({ legalName: field('Legal Name', words(80), fc.oneof(fc.constantFrom(' ', 'x'.repeat(201)), notText.filter((value) => value !== null)), { optional: true }), ...customerOptions(index + offset) })),
			}).map((drawn) => {
				const count = (contacts.value as unknown[]).length;
				// Contacts alone are a change: "choose at least one field" only when both are empty.
				const bad = count > 0 ? drawn.bad.filter((label) => label !== 'Update Fields') : drawn.bad;
				return { value: { ...drawn.value, contacts: contacts.value }, bad: [...bad, ...contacts.bad], shape: String(count) };
			}),
		);
	const customerUpdateParameters = (operation: string) => (shape: string) => ({
		resource: 'customer',
		operation,
		customerId: locator('customerId'),
		updateFields: options('updateFields', ['legalName', ...Object.keys(customerOptions(0))]),
		keyContacts: keyContactsOf(Number(shape)),
	});

	test('Customer › Update', async () => {
		await check({
			name: 'Enkash › Customer › Update',
			parameters: customerUpdateParameters('update'),
			cases: (index) => customerUpdateCase(index, 2_000_000),
			aliases: UPDATE_ALIASES,
			success: ([updated], input) => assert.equal(updated.customerId, input.customerId),
		});
	});

	test('Customer › Bulk Update (rows built from items)', async () => {
		await check({
			name: 'Enkash › Customer › Bulk Update',
			parameters: (shape) => ({ ...customerUpdateParameters('bulkUpdate')(shape), source: 'items' }),
			cases: (index) => customerUpdateCase(index, 3_000_000),
			aliases: UPDATE_ALIASES,
			serverRefusal: ROW_REFUSED,
			success: ([row], input) => {
				assert.equal(row.customerId, input.customerId);
				assert.equal(row.status, 'UPDATED');
			},
		});
	});

	for (const [operation, label, ids] of [
		['deactivate', 'Deactivate', () => toggled],
		['activate', 'Activate', () => toggled],
		['get', 'Get', () => pool],
	] as const) {
		test(`Customer › ${label}`, async () => {
			await check({
				name: `Enkash › Customer › ${label}`,
				parameters: { resource: 'customer', operation, customerId: locator('customerId') },
				cases: () => group({ customerId: field('Customer', fc.constantFrom(...ids()), fc.oneof(badCustomerIds, notText)) }),
				success: ([result], input) => {
					assert.equal(result.customerId, input.customerId);
					if (operation !== 'get') assert.equal(result.active, operation === 'activate');
				},
			});
		});
	}

	test('Customer › Delete', async () => {
		await check({
			name: 'Enkash › Customer › Delete',
			parameters: { resource: 'customer', operation: 'delete', customerId: locator('customerId') },
			cases: (index) => group({ customerId: field('Customer', fc.constant(deletable[index]), fc.oneof(badCustomerIds, notText)) }),
			success: ([result], input) => {
				assert.equal(result.customerId, input.customerId);
				assert.equal(result.deleted, true);
			},
		});
	});

	test('Customer › Search', async () => {
		await check({
			name: 'Enkash › Customer › Search',
			parameters: { resource: 'customer', operation: 'search', returnAll: false, limit: $('limit'), customerFilters: options('customerFilters', ['active', 'legalName', 'state', 'uniqueRefNo']) },
			cases: () =>
				group({
					limit: field('Limit', fc.integer({ min: 1, max: 30 }), fc.constantFrom('ten', Number.NaN, {}, 'all')),
					customerFilters: group({
						active: field('Active', fc.constantFrom('any', 'yes', 'no'), fc.constantFrom('true', 'active', false), { optional: true }),
						legalName: field('Legal Name Contains', words(8), undefined, { optional: true }),
						state: field('State', words(12), undefined, { optional: true }),
						uniqueRefNo: field('Unique Reference Number', words(12), undefined, { optional: true }),
					}),
				}),
			mayBeEmpty: true,
			success: (customers, input) => {
				assert.ok(customers.length <= Number(input.limit));
				for (const found of customers) assert.match(String(found.customerId), /^KC[A-Z0-9]{14}$/);
			},
		});
	});

	test('Customer Contact › Get', async () => {
		await check({
			name: 'Enkash › Customer Contact › Get',
			parameters: { resource: 'customerContact', operation: 'get', customerId: locator('customerId') },
			cases: () => group({ customerId: field('Customer', customer(), fc.oneof(badCustomerIds, notText)) }),
			success: ([contacts], input) => {
				assert.equal(contacts.customerId, input.customerId);
				assert.ok(Array.isArray(contacts.customerKeyContacts));
			},
		});
	});

	// --- payment reminders ---------------------------------------------------------------------------

	const reminderFields = (optional: boolean) => ({
		channel: field('Channel', fc.constantFrom('EMAIL', 'SMS', 'WHATSAPP'), fc.constantFrom('email', 'FAX'), { optional }),
		enabled: field('Enabled', flag, fc.constantFrom('yes', 1), { optional }),
		// In Update Fields an empty value ('' or nothing) is a field not given; white space is not.
		name: field('Name', words(100), optional ? fc.oneof(fc.constantFrom(' ', '\t', 'n'.repeat(101)), notText.filter((value) => value !== null)) : fc.oneof(blank, fc.constant('n'.repeat(101)), notText), { optional }),
		offsetDays: field('Offset Days', fc.integer({ min: -365, max: 365 }), fc.constantFrom(0.5, 400, -366, 'three', Number.NaN), { optional }),
		reference: field('Reference', fc.constantFrom('DUE_DATE', 'INVOICE_DATE'), fc.constantFrom('due', 'PAYMENT_DATE'), { optional }),
	});
	// Create leaves out an empty value as not given: then it is required (Name, Channel…) or refused by its schema.
	const requiredReminder = () => {
		const fields = reminderFields(false);
		fields.channel = field('Channel', fc.constantFrom('EMAIL', 'SMS', 'WHATSAPP'), fc.constantFrom('email', 'FAX', ''));
		return fields;
	};
	const reminderPair = (list: () => Array<{ customerId: string; reminderId: string }>, unique: boolean) => (index: number) =>
		fc
			.oneof(
				{ weight: 6, arbitrary: (unique ? fc.constant(list()[index]) : fc.constantFrom(...list())).map((pair) => ({ value: pair as unknown as IDataObject, bad: [] as string[] })) },
				{ weight: 1, arbitrary: fc.record({ customerId: badCustomerIds, reminderId: fc.constant('REM00000001') }).map((pair) => ({ value: pair as IDataObject, bad: ['Customer'] })) },
				{ weight: 1, arbitrary: fc.record({ customerId: customer(), reminderId: fc.oneof(blank, notText) }).map((pair) => ({ value: pair as IDataObject, bad: ['Reminder ID'] })) },
			);

	test('Payment Reminder › Create', async () => {
		await check({
			name: 'Enkash › Payment Reminder › Create',
			parameters: {
				resource: 'paymentReminder',
				operation: 'create',
				customerId: locator('customerId'),
				...Object.fromEntries(['channel', 'enabled', 'name', 'offsetDays', 'reference'].map((name) => [name, $(name)])),
				skipExisting: $('skipExisting'),
			},
			cases: () => group({ customerId: field('Customer', customer(), badCustomerIds), skipExisting: field('Skip If Same Name Exists', flag), ...requiredReminder() }),
			success: ([reminder], input) => {
				assert.equal(reminder.customerId, input.customerId);
				assert.equal(reminder.name, String(input.name).trim());
			},
		});
	});

	test('Payment Reminder › Get', async () => {
		await check({
			name: 'Enkash › Payment Reminder › Get',
			parameters: { resource: 'paymentReminder', operation: 'get', customerId: locator('customerId'), reminderId: $('reminderId') },
			cases: reminderPair(() => reminders, false),
			success: ([reminder], input) => assert.equal(reminder.reminderId, input.reminderId),
		});
	});

	test('Payment Reminder › Update', async () => {
		await check({
			name: 'Enkash › Payment Reminder › Update',
			parameters: { resource: 'paymentReminder', operation: 'update', customerId: locator('customerId'), reminderId: $('reminderId'), updateFields: options('updateFields', ['channel', 'enabled', 'name', 'offsetDays', 'reference']) },
			cases: (index) =>
				fc.tuple(reminderPair(() => reminders.slice(PROPERTY_RUNS), false)(index), sometimesEmpty(group(reminderFields(true)))).map(([pair, updateFields]) => ({
					value: { ...pair.value, updateFields: updateFields.value },
					bad: [...pair.bad, ...updateFields.bad],
				})),
			aliases: UPDATE_ALIASES,
			success: ([reminder], input) => assert.equal(reminder.reminderId, input.reminderId),
		});
	});

	test('Payment Reminder › Get Many', async () => {
		await check({
			name: 'Enkash › Payment Reminder › Get Many',
			parameters: { resource: 'paymentReminder', operation: 'getMany', customerId: locator('customerId'), returnAll: $('returnAll'), limit: $('limit') },
			cases: () =>
				fc.boolean().chain((returnAll) =>
					group({
						customerId: field('Customer', customer(), badCustomerIds),
						returnAll: field('Return All', fc.constant(returnAll)),
						// Limit is hidden (and unused) with Return All.
						limit: returnAll ? field('Limit', fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constantFrom('ten', Number.NaN))) : field('Limit', fc.integer({ min: 1, max: 10 }), fc.constantFrom('ten', Number.NaN, {})),
					}),
				),
			mayBeEmpty: true,
			success: (found, input) => {
				if (input.returnAll !== true) assert.ok(found.length <= Number(input.limit));
				for (const reminder of found) assert.equal(reminder.customerId, input.customerId);
			},
		});
	});

	test('Payment Reminder › Delete', async () => {
		await check({
			name: 'Enkash › Payment Reminder › Delete',
			parameters: { resource: 'paymentReminder', operation: 'delete', customerId: locator('customerId'), reminderId: $('reminderId') },
			cases: reminderPair(() => reminders, true),
			success: ([result], input) => assert.equal(result.reminderId, input.reminderId),
		});
	});

	// --- Bharat Connect ------------------------------------------------------------------------------

	test('Bharat Connect › Payment Confirmation', async () => {
		await check({
			name: 'Enkash › Bharat Connect › Payment Confirmation',
			parameters: { resource: 'bharatConnect', operation: 'paymentConfirmation', ...Object.fromEntries(['invoiceIds', 'paymentId', 'response', 'type', 'remarks'].map((name) => [name, $(name)])) },
			cases: () =>
				group({
					invoiceIds: field('Invoice IDs', fc.array(seededInvoiceId, { minLength: 1, maxLength: 5 }).map((ids) => ids.join(', ')), fc.oneof(blank, fc.constantFrom('EKINV1', 'EKINV1000000001, INV-2', ',,'))),
					paymentId: field('Payment ID', words(30), fc.oneof(blank, notText)),
					response: field('Response', fc.constantFrom('SUCCESS', 'FAILURE'), blank),
					type: field('Type', fc.constantFrom('PAYMENT', 'REFUND'), blank),
					remarks: field('Remarks', words(60), fc.constantFrom(5, {}, [1]), { optional: true }),
				}),
			success: ([result]) => assert.match(String(result.requestId), /^BCPC\d{8}$/),
		});
	});

	test('Bharat Connect › Change Invoice Status', async () => {
		const names = ['b2bIds', 'objectId', 'supplierInvoiceNumber', 'objectVersion', 'supplierAction', 'supplierRemarks', 'currentStatus', 'newStatus'];
		const required = (label: string) => field(label, words(20), fc.oneof(blank, notText));
		await check({
			name: 'Enkash › Bharat Connect › Change Invoice Status',
			parameters: { resource: 'bharatConnect', operation: 'changeInvoiceStatus', ...Object.fromEntries(names.map((name) => [name, $(name)])) },
			cases: () =>
				group({
					b2bIds: field('B2B IDs', fc.array(fc.stringMatching(/^B2B[0-9]{4,8}$/), { minLength: 1, maxLength: 3 }).map((ids) => ids.join(', ')), fc.constantFrom('', ' , ', ',')),
					objectId: required('Object ID'),
					supplierInvoiceNumber: required('Supplier Invoice Number'),
					objectVersion: field('Object Version', fc.integer({ min: 1, max: 99 }).map(String), undefined, { optional: true }),
					supplierAction: required('Supplier Action'),
					supplierRemarks: field('Supplier Remarks', words(60), undefined, { optional: true }),
					currentStatus: required('Current Status'),
					newStatus: required('New Status'),
				}),
			success: ([result]) => assert.match(String(result.requestId), /^BCSC\d{8}$/),
		});
	});

	test('the outcomes', () => {
		console.log(outcomes.join('\n'));
	});
});
