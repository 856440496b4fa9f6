import { DEMO_CREDENTIALS } from '../credentials';
import { csvRecords } from '../csv';
import { basicCredentials, bearerToken, mediaType, parseForm, parseJson, parseMultipart } from '../http';
import type { Reply } from '../http';
import { createRandom } from '../random';
import type { Random } from '../random';
import { Router } from '../router';
import type { Params } from '../router';
import { generateInvoice, seedEnkash } from '../seed';
import type { EnkashAccountState, EnkashTokenCasing } from '../types';
import { isDate, isDateTime, isEmail, isNonEmptyString, isPlainObject } from '../validate';
import { FieldChecks, enkashError, enkashErrorBody, enkashOk, notFound } from './enkash-envelope';
import type { EnkashErrorType } from './enkash-envelope';
import {
	APPROVAL_STATUSES,
	COMPANY_ID,
	CUSTOMER_ID,
	ENKASH_COMPANY_ID,
	EnkashStore,
	INVOICE_ID,
	PAYMENT_STATUSES,
	REMINDER_CHANNELS,
	REMINDER_REFERENCES,
	formatEnkashDateTime,
	invoiceTotal,
	round2,
} from './enkash-store';
import type { EnkashContact, EnkashCustomer, EnkashInvoice, EnkashReminder } from './enkash-store';
import type { GeneralError, SandboxServices, VendorMount, VendorRequest } from './vendor';

export const ENKASH_LOCKOUT_THRESHOLD = 3;
export const ENKASH_LOCKED_MESSAGE = 'Account locked after 3 failed login attempts';
export const ENKASH_REFRESH_LIFETIME_SECONDS = 30 * 86_400;
export const ENKASH_MAX_SEARCH_LIMIT = 5000;
export const ENKASH_DEFAULT_SEARCH_LIMIT = 100;
const INVOICE_ORDER_FIELDS = ['createdOn', 'dueDate', 'baseAmount', 'invoiceId'] as const;

type Route = (request: VendorRequest, params: Params) => Promise<Reply>;
type Json = Record<string, unknown>;

/** Enkash Accounts Receivable: password-grant tokens with lockout, and the AR API behind them. */
export class EnkashSandbox implements VendorMount {
	readonly vendor = 'enkash' as const;
	store!: EnkashStore;
	casing: EnkashTokenCasing = 'camel';
	/**
	 * null: an expired, revoked or unknown access token gets the UNAUTHORIZED envelope with HTTP 401.
	 * A status: the same envelope with that status instead (200, 400, 403…): expiry said only in the body.
	 */
	expiryInBodyStatus: number | null = null;
	private account: EnkashAccountState = { locked: false, consecutiveFailures: 0, loginAttempts: 0 };
	private random!: Random;
	private readonly router = new Router<Route>();

	constructor(private readonly services: SandboxServices) {
		this.reset();
		const r = this.router;
		const v0 = '/api/v0';
		r.add('POST', `${v0}/customer/search`, (q) => this.searchCustomers(q));
		r.add('POST', `${v0}/customer/bulk/update`, (q) => this.bulkUpdateCustomers(q));
		r.add('POST', `${v0}/customer/bulk`, (q) => this.bulkCreateCustomers(q));
		r.add('PUT', `${v0}/customer/activate/:customerId`, (q, p) => this.setCustomerActive(q, p.customerId, true));
		r.add('PUT', `${v0}/customer/deactivate/:customerId`, (q, p) => this.setCustomerActive(q, p.customerId, false));
		r.add('POST', `${v0}/customer`, (q) => this.createCustomer(q));
		r.add('DELETE', `${v0}/customer/:customerId`, (q, p) => this.deleteCustomer(q, p.customerId));
		r.add('PATCH', `${v0}/customer/:customerId`, (q, p) => this.updateCustomer(q, p.customerId));
		r.add('GET', `${v0}/customer/:customerId/contacts`, async (_q, p) => this.customerContacts(p.customerId));
		r.add('POST', `${v0}/customer/:customerId/reminders`, (q, p) => this.createReminder(q, p.customerId));
		r.add('GET', `${v0}/customer/:customerId/reminders`, async (_q, p) => this.listReminders(p.customerId));
		r.add('GET', `${v0}/customer/:customerId/reminders/:reminderId`, async (_q, p) => this.getReminder(p.customerId, p.reminderId));
		r.add('PATCH', `${v0}/customer/:customerId/reminders/:reminderId`, (q, p) => this.updateReminder(q, p.customerId, p.reminderId));
		r.add('DELETE', `${v0}/customer/:customerId/reminders/:reminderId`, async (_q, p) => this.deleteReminder(p.customerId, p.reminderId));
		r.add('POST', `${v0}/invoice/search`, (q) => this.searchInvoices(q));
		r.add('POST', `${v0}/invoice/bulk/create`, (q) => this.bulkCreateInvoices(q));
		r.add('POST', `${v0}/invoice/bulk/dispatch`, (q) => this.dispatchInvoices(q));
		r.add('POST', `${v0}/invoice/bulk/delete`, (q) => this.deleteInvoices(q));
		r.add('POST', `${v0}/invoice/payment-confirmation`, (q) => this.paymentConfirmation(q));
		r.add('POST', `${v0}/invoice/req-status-change-invoice`, (q) => this.changeInvoiceStatus(q));
		r.add('POST', `${v0}/invoice`, (q) => this.createInvoice(q));
		r.add('GET', `${v0}/invoice/:invoiceId`, async (q, p) => this.getInvoice(q, p.invoiceId));
		r.add('PATCH', `${v0}/invoice/:invoiceId`, (q, p) => this.updateInvoice(q, p.invoiceId));
	}

	reset(): void {
		this.random = createRandom(this.services.seed ^ 0x0e4ca54);
		this.store = new EnkashStore(seedEnkash(this.random), this.random);
		this.casing = 'camel';
		this.expiryInBodyStatus = null;
		this.account = { locked: false, consecutiveFailures: 0, loginAttempts: 0 };
	}

	unlock(): void {
		this.account.locked = false;
		this.account.consecutiveFailures = 0;
	}

	accountState(): EnkashAccountState {
		return { ...this.account };
	}

	/** Appends `count` generated invoices (fast enough for 50,000 in well under a second). */
	seedInvoices(count: number): { added: number; total: number; firstInvoiceId: string | null; lastInvoiceId: string | null } {
		if (!Number.isInteger(count) || count < 0 || count > 1_000_000) throw new Error('count must be an integer 0..1000000');
		const customers = [...this.store.customers.values()].filter((customer) => customer.active);
		if (count > 0 && customers.length === 0) throw new Error('no active customers to invoice');
		let first: string | null = null;
		let last: string | null = null;
		const now = Date.now();
		for (let n = 0; n < count; n++) {
			const { invoiceId, createdOn } = this.store.nextInvoiceIdentity();
			this.store.pushInvoice(generateInvoice(this.random, customers, invoiceId, createdOn, now, now));
			first ??= invoiceId;
			last = invoiceId;
		}
		return { added: count, total: this.store.invoices.length, firstInvoiceId: first, lastInvoiceId: last };
	}

	isTokenRequest(method: string, path: string): boolean {
		return method === 'POST' && path === '/oauth/token';
	}

	generalError(kind: GeneralError, status: number, message?: string): unknown {
		const types: Record<GeneralError, [EnkashErrorType, string]> = {
			'bad-request': ['CLIENT_REQUEST_ERROR', 'Malformed request'],
			'not-found': ['RECORD_NOT_FOUND', 'No such resource'],
			'rate-limited': ['CLIENT_REQUEST_ERROR', 'Too many requests'],
			'server-error': ['SYSTEM_ERROR', 'Internal server error'],
			unavailable: ['SYSTEM_ERROR', 'Service unavailable'],
		};
		const [errorType, fallback] = types[kind];
		return enkashErrorBody(status, errorType, message ?? fallback);
	}

	/** The `unauthorized` fault: refused whatever token came, as a refusal that survives a renewal. */
	refuseToken(status: number): Reply {
		return enkashError(status, 'UNAUTHORIZED', 'Access token is not valid');
	}

	async handle(request: VendorRequest): Promise<Reply> {
		if (this.isTokenRequest(request.method, request.path)) return this.token(request);
		const found = this.router.match(request.method, request.path);
		if (!found) return enkashError(404, 'RECORD_NOT_FOUND', 'No such resource');
		const denied = this.authorize(request);
		return denied ?? found.handler(request, found.params);
	}

	// --- tokens -------------------------------------------------------------------------------

	private async token(request: VendorRequest): Promise<Reply> {
		const credentials = DEMO_CREDENTIALS.enkash;
		const client = basicCredentials(request.headers);
		if (!client) {
			request.entry.auth = 'missing';
			return enkashError(401, 'UNAUTHORIZED', 'Full authentication is required to access this resource');
		}
		if (client.user !== credentials.oauthClientId || client.password !== credentials.oauthClientSecret) {
			request.entry.auth = 'invalid';
			return enkashError(401, 'UNAUTHORIZED', 'Bad client credentials');
		}
		if (mediaType(request.headers) !== 'application/x-www-form-urlencoded') {
			return enkashError(400, 'CLIENT_REQUEST_ERROR', 'Content-Type must be application/x-www-form-urlencoded');
		}
		const form = parseForm(await request.body());
		if (form.grant_type === 'password') return this.passwordGrant(request, form);
		if (form.grant_type === 'refresh_token') return this.refreshGrant(request, form);
		request.entry.auth = 'invalid';
		return enkashError(400, 'CLIENT_REQUEST_ERROR', 'Unsupported grant type');
	}

	private passwordGrant(request: VendorRequest, form: Record<string, string>): Reply {
		const credentials = DEMO_CREDENTIALS.enkash;
		request.entry.grant = 'password';
		const checks = new FieldChecks();
		for (const field of ['username', 'password', 'clientId']) {
			checks.check(isNonEmptyString(form[field]), field, null, 'must not be blank');
		}
		if (!checks.ok) {
			request.entry.auth = 'missing';
			return checks.reply();
		}
		if (form.username.toLowerCase() !== credentials.username) {
			// Unknown users have no account to lock.
			request.entry.auth = 'invalid';
			return enkashError(401, 'UNAUTHORIZED', 'Bad credentials');
		}
		this.account.loginAttempts++;
		if (this.account.locked) {
			request.entry.auth = 'forbidden';
			return enkashError(401, 'INVALID_ACCESS', ENKASH_LOCKED_MESSAGE);
		}
		if (form.password !== credentials.password || form.clientId !== credentials.companyClientId) {
			this.account.consecutiveFailures++;
			if (this.account.consecutiveFailures >= ENKASH_LOCKOUT_THRESHOLD) this.account.locked = true;
			request.entry.auth = 'invalid';
			return enkashError(401, 'UNAUTHORIZED', 'Bad credentials');
		}
		this.account.consecutiveFailures = 0;
		request.entry.auth = 'ok';
		const refreshToken = this.services.tokens.issue(
			{ vendor: 'enkash', kind: 'refresh', clientId: form.clientId, scopes: ['read', 'write'], subject: credentials.username },
			ENKASH_REFRESH_LIFETIME_SECONDS,
		);
		return this.tokenReply(form.clientId, refreshToken);
	}

	/** Spring's default: the refresh token is reused, not rotated. It does not count toward lockout. */
	private refreshGrant(request: VendorRequest, form: Record<string, string>): Reply {
		request.entry.grant = 'refresh_token';
		if (!isNonEmptyString(form.refresh_token)) {
			request.entry.auth = 'missing';
			return enkashError(400, 'VALIDATION_ERROR', 'refresh_token: must not be blank', [
				{ field: 'refresh_token', rejectedValue: null, message: 'must not be blank' },
			]);
		}
		const check = this.services.tokens.check(form.refresh_token, 'enkash', 'refresh');
		if (check.auth !== 'ok') {
			request.entry.auth = check.auth;
			return enkashError(401, 'UNAUTHORIZED', 'Invalid refresh token');
		}
		request.entry.auth = 'ok';
		return this.tokenReply(check.token.clientId, form.refresh_token);
	}

	private tokenReply(clientId: string, refreshToken: string): Reply {
		// Opaque or JWT, and expiresIn as configured (setTokenResponse): a number by default.
		const { accessToken, expiresIn } = this.services.tokens.issueAccess({
			vendor: 'enkash',
			clientId,
			scopes: ['read', 'write'],
			subject: DEMO_CREDENTIALS.enkash.username,
		});
		if (this.casing === 'snake') {
			const lifetime = expiresIn.stated ? { expires_in: expiresIn.value } : {};
			return { status: 200, body: { access_token: accessToken, token_type: 'bearer', refresh_token: refreshToken, ...lifetime, scope: 'read write' } };
		}
		return { status: 200, body: { accessToken, tokenType: 'bearer', ...(expiresIn.stated ? { expiresIn: expiresIn.value } : {}), refreshToken } };
	}

	private authorize(request: VendorRequest): Reply | undefined {
		const token = bearerToken(request.headers);
		// The envelope's response_code follows the HTTP status: only errorType says "unauthorized".
		const status = this.expiryInBodyStatus ?? 401;
		if (!token) {
			request.entry.auth = request.headers.authorization ? 'invalid' : 'missing';
			return enkashError(status, 'UNAUTHORIZED', 'Full authentication is required to access this resource');
		}
		const check = this.services.tokens.check(token, 'enkash', 'access');
		request.entry.auth = check.auth;
		if (check.auth === 'ok') return undefined;
		const messages = { invalid: 'Invalid access token', expired: 'Access token expired', revoked: 'Access token revoked' };
		return enkashError(status, 'UNAUTHORIZED', messages[check.auth]);
	}

	// --- helpers ------------------------------------------------------------------------------

	/** `name` must be present, well formed and the demo company's ID (403 otherwise). */
	private companyParam(request: VendorRequest, name: string): Reply | undefined {
		const value = request.query.get(name);
		if (value === null || value === '') {
			return enkashError(400, 'VALIDATION_ERROR', `${name}: must not be blank`, [{ field: name, rejectedValue: null, message: 'must not be blank' }]);
		}
		if (!COMPANY_ID.test(value)) {
			return enkashError(400, 'VALIDATION_ERROR', `${name}: must match ^CEK[A-Z0-9]{7}$`, [
				{ field: name, rejectedValue: value, message: 'must match "^CEK[A-Z0-9]{7}$"' },
			]);
		}
		if (value !== ENKASH_COMPANY_ID) {
			request.entry.auth = 'forbidden';
			return enkashError(403, 'INVALID_ACCESS', `Access denied to company ${value}`);
		}
		return undefined;
	}

	private findCustomer(customerId: string): { customer?: EnkashCustomer; reply?: Reply } {
		if (!CUSTOMER_ID.test(customerId)) {
			return {
				reply: enkashError(400, 'VALIDATION_ERROR', 'customerId: must match ^KC[A-Z0-9]{14}$', [
					{ field: 'customerId', rejectedValue: customerId, message: 'must match "^KC[A-Z0-9]{14}$"' },
				]),
			};
		}
		const customer = this.store.customers.get(customerId);
		return customer ? { customer } : { reply: notFound(`Customer ${customerId}`) };
	}

	private findInvoice(invoiceId: string): { invoice?: EnkashInvoice; reply?: Reply } {
		if (!INVOICE_ID.test(invoiceId)) {
			return {
				reply: enkashError(400, 'VALIDATION_ERROR', 'invoiceId: must match ^EKINV[0-9]{10}$', [
					{ field: 'invoiceId', rejectedValue: invoiceId, message: 'must match "^EKINV[0-9]{10}$"' },
				]),
			};
		}
		const invoice = this.store.invoicesById.get(invoiceId);
		return invoice ? { invoice } : { reply: notFound(`Invoice ${invoiceId}`) };
	}

	private async jsonBody(request: VendorRequest, required = true): Promise<{ body?: Json; reply?: Reply }> {
		const body = parseJson(await request.body());
		if (body === undefined && !required) return { body: {} };
		if (!isPlainObject(body)) return { reply: enkashError(400, 'CLIENT_REQUEST_ERROR', 'Request body must be a JSON object') };
		return { body };
	}

	private async csvFile(request: VendorRequest): Promise<{ rows?: Array<{ line: number; values: Record<string, string> }>; reply?: Reply }> {
		const contentType = request.headers['content-type'] ?? '';
		if (mediaType(request.headers) !== 'multipart/form-data') {
			return { reply: enkashError(400, 'CLIENT_REQUEST_ERROR', 'Content-Type must be multipart/form-data with a file part') };
		}
		const file = parseMultipart(await request.body(), contentType).find((part) => part.name === 'file');
		if (!file) {
			return { reply: enkashError(400, 'VALIDATION_ERROR', 'file: must not be null', [{ field: 'file', rejectedValue: null, message: 'must not be null' }]) };
		}
		const { header, rows } = csvRecords(file.data.toString('utf8'));
		if (header.length === 0) {
			return { reply: enkashError(400, 'VALIDATION_ERROR', 'file: is empty', [{ field: 'file', rejectedValue: null, message: 'is empty' }]) };
		}
		return { rows };
	}

	// --- customers ----------------------------------------------------------------------------

	private async createCustomer(request: VendorRequest): Promise<Reply> {
		const { body, reply } = await this.jsonBody(request);
		if (!body) return reply!;
		const checks = new FieldChecks();
		validateCustomer(body, checks, false);
		if (!checks.ok) return checks.reply();
		const customer = this.addCustomer(body);
		return enkashOk(customer);
	}

	private addCustomer(body: Json): EnkashCustomer {
		const now = formatEnkashDateTime(Date.now());
		const customer: EnkashCustomer = {
			customerId: this.store.newCustomerId(),
			companyId: ENKASH_COMPANY_ID,
			legalName: String(body.legalName),
			uniqueRefNo: stringOrNull(body.uniqueRefNo),
			contactNumber: stringOrNull(body.contactNumber),
			customerKeyContacts: normaliseContacts(body.customerKeyContacts),
			accountNumber: stringOrNull(body.accountNumber),
			ifsc: stringOrNull(body.ifsc),
			address: stringOrNull(body.address),
			state: stringOrNull(body.state),
			pinCode: stringOrNull(body.pinCode),
			panOrGstin: stringOrNull(body.panOrGstin),
			assignedAgent: stringOrNull(body.assignedAgent),
			branchCodes: Array.isArray(body.branchCodes) ? body.branchCodes.map(String) : [],
			customerReminders: typeof body.customerReminders === 'boolean' ? body.customerReminders : true,
			active: true,
			createdOn: now,
			updatedOn: now,
		};
		this.store.customers.set(customer.customerId, customer);
		this.services.ledger.addRecord('enkash', 'customer', customer.customerId, customer.uniqueRefNo ?? undefined);
		return customer;
	}

	private async searchCustomers(request: VendorRequest): Promise<Reply> {
		const paging = pagingParams(request.query);
		if ('reply' in paging) return paging.reply;
		const { body, reply } = await this.jsonBody(request, false);
		if (!body) return reply!;
		const checks = new FieldChecks();
		const ids = optionalStringList(body, 'customerIds', checks, CUSTOMER_ID);
		checks.check(body.active === undefined || body.active === null || typeof body.active === 'boolean', 'active', body.active, 'must be a boolean');
		for (const field of ['legalName', 'uniqueRefNo', 'state']) {
			checks.check(body[field] === undefined || body[field] === null || typeof body[field] === 'string', field, body[field], 'must be a string');
		}
		if (!checks.ok) return checks.reply();
		const idSet = ids ? new Set(ids) : undefined;
		const legalName = typeof body.legalName === 'string' ? body.legalName.toLowerCase() : undefined;
		const matches: EnkashCustomer[] = [];
		for (const customer of this.store.customers.values()) {
			if (idSet && !idSet.has(customer.customerId)) continue;
			if (typeof body.active === 'boolean' && customer.active !== body.active) continue;
			if (legalName && !customer.legalName.toLowerCase().includes(legalName)) continue;
			if (typeof body.uniqueRefNo === 'string' && customer.uniqueRefNo !== body.uniqueRefNo) continue;
			if (typeof body.state === 'string' && customer.state !== body.state) continue;
			matches.push(customer);
		}
		return enkashOk({
			content: matches.slice(paging.offset, paging.offset + paging.limit),
			totalElements: matches.length,
			offset: paging.offset,
			limit: paging.limit,
		});
	}

	private async setCustomerActive(request: VendorRequest, customerId: string, active: boolean): Promise<Reply> {
		const denied = this.companyParam(request, 'parentCompanyId');
		if (denied) return denied;
		const { customer, reply } = this.findCustomer(customerId);
		if (!customer) return reply!;
		customer.active = active;
		customer.updatedOn = formatEnkashDateTime(Date.now());
		return enkashOk(customer);
	}

	private async deleteCustomer(request: VendorRequest, customerId: string): Promise<Reply> {
		const denied = this.companyParam(request, 'parentCompanyId');
		if (denied) return denied;
		const { customer, reply } = this.findCustomer(customerId);
		if (!customer) return reply!;
		this.store.deleteCustomer(customer);
		return enkashOk({ customerId, deleted: true });
	}

	private async updateCustomer(request: VendorRequest, customerId: string): Promise<Reply> {
		const denied = this.companyParam(request, 'parentCompanyId');
		if (denied) return denied;
		const { customer, reply } = this.findCustomer(customerId);
		if (!customer) return reply!;
		const parsed = await this.jsonBody(request);
		if (!parsed.body) return parsed.reply!;
		const checks = new FieldChecks();
		validateCustomer(parsed.body, checks, true);
		if (!checks.ok) return checks.reply();
		applyCustomerPatch(customer, parsed.body);
		return enkashOk(customer);
	}

	private customerContacts(customerId: string): Reply {
		const { customer, reply } = this.findCustomer(customerId);
		if (!customer) return reply!;
		return enkashOk({
			customerId: customer.customerId,
			legalName: customer.legalName,
			contactNumber: customer.contactNumber,
			customerKeyContacts: customer.customerKeyContacts,
		});
	}

	private async bulkCreateCustomers(request: VendorRequest): Promise<Reply> {
		const denied = this.companyParam(request, 'companyId');
		if (denied) return denied;
		const { rows, reply } = await this.csvFile(request);
		if (!rows) return reply!;
		return enkashOk(
			bulkResults(rows, (values) => {
				const body = customerFromCsv(values);
				const checks = new FieldChecks();
				validateCustomer(body, checks, false);
				if (!checks.ok) return { error: checks.summary() };
				return { id: this.addCustomer(body).customerId };
			}),
		);
	}

	private async bulkUpdateCustomers(request: VendorRequest): Promise<Reply> {
		const denied = this.companyParam(request, 'parentCompanyId');
		if (denied) return denied;
		const { rows, reply } = await this.csvFile(request);
		if (!rows) return reply!;
		return enkashOk(
			bulkResults(rows, (values) => {
				const customerId = values.customerId ?? '';
				if (!CUSTOMER_ID.test(customerId)) return { error: 'customerId: must match "^KC[A-Z0-9]{14}$"' };
				const customer = this.store.customers.get(customerId);
				if (!customer) return { error: `customerId: Customer ${customerId} not found` };
				const body = customerFromCsv(values);
				delete body.customerId;
				const checks = new FieldChecks();
				validateCustomer(body, checks, true);
				if (!checks.ok) return { error: checks.summary() };
				applyCustomerPatch(customer, body);
				return { id: customerId };
			}),
		);
	}

	// --- invoices -----------------------------------------------------------------------------

	/** Validates an invoice body and, when fine, creates it. Duplicate externalIds are accepted (design). */
	private createInvoiceFrom(body: Json): { invoice?: EnkashInvoice; checks: FieldChecks; reply?: Reply } {
		const checks = new FieldChecks();
		validateInvoice(body, checks, false);
		if (!checks.ok) return { checks };
		const customer = this.store.customers.get(String(body.customerId));
		if (!customer) {
			checks.fail('customerId', body.customerId, 'customer not found');
			return { checks, reply: notFound(`Customer ${String(body.customerId)}`) };
		}
		if (!customer.active) {
			checks.fail('customerId', body.customerId, 'customer is inactive');
			return { checks, reply: enkashError(422, 'UNPROCESSABLE_REQUEST', `Customer ${customer.customerId} is inactive`) };
		}
		const { invoiceId, createdOn } = this.store.nextInvoiceIdentity();
		const baseAmount = round2(toNumber(body.baseAmount)!);
		const cgst = round2(toNumber(body.cgst) ?? 0);
		const gstExclusive = body.gstExclusive === true;
		const totalAmount = invoiceTotal(baseAmount, cgst, gstExclusive);
		const balanceAmount = toNumber(body.balanceAmount) ?? totalAmount;
		const dispatched = body.dispatchNow === true;
		const invoice: EnkashInvoice = {
			invoiceId,
			sellerId: ENKASH_COMPANY_ID,
			customerId: customer.customerId,
			externalId: stringOrNull(body.externalId),
			description: stringOrNull(body.description),
			emailAddress: stringOrNull(body.emailAddress) ?? customer.customerKeyContacts[0]?.email ?? null,
			baseAmount,
			cgst,
			gstExclusive,
			totalAmount,
			balanceAmount: round2(balanceAmount),
			chargeCustomer: body.chargeCustomer === true,
			approvalStatus: (body.approvalStatus as EnkashInvoice['approvalStatus'] | undefined) ?? 'PENDING',
			paymentStatus: balanceAmount <= 0 ? 'PAID' : balanceAmount < totalAmount ? 'PARTIALLY_PAID' : 'UNPAID',
			dueDate: String(body.dueDate),
			createdOn,
			updatedOn: createdOn,
			dispatched,
			dispatchedOn: dispatched ? createdOn : null,
			partialPaymentAllowed: body.partialPaymentAllowed === true,
		};
		this.store.pushInvoice(invoice);
		this.services.ledger.addRecord('enkash', 'invoice', invoice.invoiceId, invoice.externalId ?? undefined);
		return { invoice, checks };
	}

	private async createInvoice(request: VendorRequest): Promise<Reply> {
		if (request.query.get('sellerId') !== null) {
			const denied = this.companyParam(request, 'sellerId');
			if (denied) return denied;
		}
		const { body, reply } = await this.jsonBody(request);
		if (!body) return reply!;
		const created = this.createInvoiceFrom(body);
		if (!created.invoice) return created.reply ?? created.checks.reply();
		return enkashOk(this.store.invoiceView(created.invoice));
	}

	/** invoiceBulkUpload, which is also Bharat Connect 2.0's "Bulk Create Invoice" (same request, doc). */
	private async bulkCreateInvoices(request: VendorRequest): Promise<Reply> {
		const denied = this.companyParam(request, 'sellerId');
		if (denied) return denied;
		const { rows, reply } = await this.csvFile(request);
		if (!rows) return reply!;
		return enkashOk(
			bulkResults(rows, (values) => {
				const created = this.createInvoiceFrom(invoiceFromCsv(values));
				return created.invoice ? { id: created.invoice.invoiceId } : { error: created.checks.summary() };
			}),
		);
	}

	private async invoiceIdList(request: VendorRequest): Promise<{ body?: Json; ids?: string[]; reply?: Reply }> {
		const { body, reply } = await this.jsonBody(request);
		if (!body) return { reply };
		const checks = new FieldChecks();
		const ids = body.invoiceIds;
		if (checks.check(Array.isArray(ids) && ids.length > 0, 'invoiceIds', ids, 'must not be empty')) {
			const list = ids as unknown[];
			checks.check(list.length <= ENKASH_MAX_SEARCH_LIMIT, 'invoiceIds', list.length, `must hold at most ${ENKASH_MAX_SEARCH_LIMIT} ids`);
			list.forEach((id, index) => checks.check(typeof id === 'string' && INVOICE_ID.test(id), `invoiceIds[${index}]`, id, 'must match "^EKINV[0-9]{10}$"'));
		}
		if (!checks.ok) return { reply: checks.reply() };
		return { body, ids: [...new Set(ids as string[])] };
	}

	private async dispatchInvoices(request: VendorRequest): Promise<Reply> {
		const { body, ids, reply } = await this.invoiceIdList(request);
		if (!ids || !body) return reply!;
		if (body.partialPaymentAllowed !== undefined && body.partialPaymentAllowed !== null && typeof body.partialPaymentAllowed !== 'boolean') {
			return enkashError(400, 'VALIDATION_ERROR', 'partialPaymentAllowed: must be a boolean', [
				{ field: 'partialPaymentAllowed', rejectedValue: body.partialPaymentAllowed, message: 'must be a boolean' },
			]);
		}
		const now = formatEnkashDateTime(Date.now());
		let dispatched = 0;
		const results = ids.map((invoiceId) => {
			const invoice = this.store.invoicesById.get(invoiceId);
			if (!invoice) return { invoiceId, status: 'NOT_FOUND' };
			if (invoice.dispatched) return { invoiceId, status: 'ALREADY_DISPATCHED' };
			invoice.dispatched = true;
			invoice.dispatchedOn = now;
			invoice.updatedOn = now;
			if (typeof body.partialPaymentAllowed === 'boolean') invoice.partialPaymentAllowed = body.partialPaymentAllowed;
			dispatched++;
			return { invoiceId, status: 'DISPATCHED' };
		});
		if (results.every((result) => result.status === 'NOT_FOUND')) return notFound('Invoices');
		return enkashOk({ dispatched, results });
	}

	private async deleteInvoices(request: VendorRequest): Promise<Reply> {
		const { ids, reply } = await this.invoiceIdList(request);
		if (!ids) return reply!;
		const removed = new Set(this.store.deleteInvoices(ids));
		if (removed.size === 0) return notFound('Invoices');
		return enkashOk({
			deleted: removed.size,
			results: ids.map((invoiceId) => ({ invoiceId, status: removed.has(invoiceId) ? 'DELETED' : 'NOT_FOUND' })),
		});
	}

	private async searchInvoices(request: VendorRequest): Promise<Reply> {
		const paging = pagingParams(request.query);
		if ('reply' in paging) return paging.reply;
		const checks = new FieldChecks();
		const orderBy = request.query.get('orderBy') ?? 'createdOn';
		checks.check((INVOICE_ORDER_FIELDS as readonly string[]).includes(orderBy), 'orderBy', orderBy, `must be one of ${INVOICE_ORDER_FIELDS.join(', ')}`);
		const direction = (request.query.get('direction') ?? 'ASC').toUpperCase();
		checks.check(direction === 'ASC' || direction === 'DESC', 'direction', request.query.get('direction'), 'must be ASC or DESC');
		if (!checks.ok) return checks.reply();
		const { body, reply } = await this.jsonBody(request, false);
		if (!body) return reply!;
		const filter = invoiceFilter(body, checks, this.store);
		if (!checks.ok) return checks.reply();

		// An externalId filter (idempotency look-ups) starts from the index instead of scanning everything.
		const externalIds = Array.isArray(body.externalIds) ? (body.externalIds as unknown[]).filter((id): id is string => typeof id === 'string') : undefined;
		const candidates = externalIds?.length ? this.store.invoicesWithExternalIds(externalIds) : this.store.invoices;
		let matches = candidates.filter(filter);
		if (orderBy === 'dueDate') matches.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
		else if (orderBy === 'baseAmount') matches.sort((a, b) => a.baseAmount - b.baseAmount);
		// createdOn and invoiceId order is creation order already; sorts are stable, so ties stay in invoiceId order.
		if (direction === 'DESC') {
			if (orderBy === 'dueDate') matches = stableReverse(matches, (invoice) => invoice.dueDate);
			else if (orderBy === 'baseAmount') matches = stableReverse(matches, (invoice) => invoice.baseAmount);
			else matches.reverse();
		}
		return enkashOk({
			content: matches.slice(paging.offset, paging.offset + paging.limit).map((invoice) => this.store.invoiceView(invoice)),
			totalElements: matches.length,
			offset: paging.offset,
			limit: paging.limit,
		});
	}

	private async getInvoice(request: VendorRequest, invoiceId: string): Promise<Reply> {
		const denied = this.companyParam(request, 'sellerId');
		if (denied) return denied;
		const { invoice, reply } = this.findInvoice(invoiceId);
		return invoice ? enkashOk(this.store.invoiceView(invoice)) : reply!;
	}

	private async updateInvoice(request: VendorRequest, invoiceId: string): Promise<Reply> {
		const denied = this.companyParam(request, 'sellerId');
		if (denied) return denied;
		const { invoice, reply } = this.findInvoice(invoiceId);
		if (!invoice) return reply!;
		const parsed = await this.jsonBody(request);
		if (!parsed.body) return parsed.reply!;
		const body = parsed.body;
		const checks = new FieldChecks();
		validateInvoice(body, checks, true);
		if (!checks.ok) return checks.reply();
		const has = (field: string): boolean => body[field] !== undefined && body[field] !== null;
		if (has('baseAmount')) invoice.baseAmount = round2(toNumber(body.baseAmount)!);
		if (has('cgst')) invoice.cgst = round2(toNumber(body.cgst)!);
		if (has('gstExclusive')) invoice.gstExclusive = body.gstExclusive === true;
		invoice.totalAmount = invoiceTotal(invoice.baseAmount, invoice.cgst, invoice.gstExclusive);
		if (has('balanceAmount')) invoice.balanceAmount = round2(toNumber(body.balanceAmount)!);
		for (const field of ['externalId', 'description', 'emailAddress', 'dueDate', 'approvalStatus'] as const) {
			if (has(field)) (invoice as unknown as Json)[field] = body[field];
		}
		this.store.indexExternalId(invoice);
		for (const field of ['chargeCustomer', 'partialPaymentAllowed'] as const) if (has(field)) invoice[field] = body[field] === true;
		invoice.paymentStatus =
			invoice.balanceAmount <= 0 ? 'PAID' : invoice.balanceAmount < invoice.totalAmount ? 'PARTIALLY_PAID' : 'UNPAID';
		invoice.updatedOn = formatEnkashDateTime(Date.now());
		return enkashOk(this.store.invoiceView(invoice));
	}

	// --- reminders ----------------------------------------------------------------------------

	private async createReminder(request: VendorRequest, customerId: string): Promise<Reply> {
		const { customer, reply } = this.findCustomer(customerId);
		if (!customer) return reply!;
		const parsed = await this.jsonBody(request);
		if (!parsed.body) return parsed.reply!;
		const body = parsed.body;
		const checks = new FieldChecks();
		validateReminder(body, checks, false);
		if (!checks.ok) return checks.reply();
		const reminder: EnkashReminder = {
			reminderId: this.store.newReminderId(),
			customerId,
			name: String(body.name),
			channel: body.channel as EnkashReminder['channel'],
			offsetDays: body.offsetDays as number,
			reference: (body.reference as EnkashReminder['reference'] | undefined) ?? 'DUE_DATE',
			enabled: typeof body.enabled === 'boolean' ? body.enabled : true,
			createdOn: formatEnkashDateTime(Date.now()),
		};
		this.store.addReminder(reminder);
		this.services.ledger.addRecord('enkash', 'reminder', reminder.reminderId);
		return enkashOk(reminder);
	}

	private listReminders(customerId: string): Reply {
		const { customer, reply } = this.findCustomer(customerId);
		if (!customer) return reply!;
		return enkashOk(this.store.remindersOf(customerId));
	}

	private findReminder(customerId: string, reminderId: string): { reminder?: EnkashReminder; reply?: Reply } {
		const { customer, reply } = this.findCustomer(customerId);
		if (!customer) return { reply };
		const reminder = this.store.reminders.get(reminderId);
		if (!reminder || reminder.customerId !== customerId) return { reply: notFound(`Reminder ${reminderId}`) };
		return { reminder };
	}

	private getReminder(customerId: string, reminderId: string): Reply {
		const { reminder, reply } = this.findReminder(customerId, reminderId);
		return reminder ? enkashOk(reminder) : reply!;
	}

	private async updateReminder(request: VendorRequest, customerId: string, reminderId: string): Promise<Reply> {
		const { reminder, reply } = this.findReminder(customerId, reminderId);
		if (!reminder) return reply!;
		const parsed = await this.jsonBody(request);
		if (!parsed.body) return parsed.reply!;
		const body = parsed.body;
		const checks = new FieldChecks();
		validateReminder(body, checks, true);
		if (!checks.ok) return checks.reply();
		for (const field of ['name', 'channel', 'offsetDays', 'reference', 'enabled'] as const) {
			if (body[field] !== undefined && body[field] !== null) (reminder as unknown as Json)[field] = body[field];
		}
		return enkashOk(reminder);
	}

	private deleteReminder(customerId: string, reminderId: string): Reply {
		const { reminder, reply } = this.findReminder(customerId, reminderId);
		if (!reminder) return reply!;
		this.store.deleteReminder(reminder);
		return enkashOk({ reminderId, deleted: true });
	}

	// --- Bharat Connect 2.0 -------------------------------------------------------------------

	private async paymentConfirmation(request: VendorRequest): Promise<Reply> {
		const { body, ids, reply } = await this.invoiceIdList(request);
		if (!ids || !body) return reply!;
		const checks = new FieldChecks();
		for (const field of ['paymentId', 'response', 'type']) checks.check(isNonEmptyString(body[field]), field, body[field], 'must not be blank');
		checks.check(body.remarks === undefined || body.remarks === null || typeof body.remarks === 'string', 'remarks', body.remarks, 'must be a string');
		if (!checks.ok) return checks.reply();
		const missing = ids.filter((id) => !this.store.invoicesById.has(id));
		if (missing.length > 0) return notFound(`Invoices ${missing.join(', ')}`);
		const action = this.recordBharatConnect('paymentConfirmation', {
			invoiceIds: ids,
			paymentId: body.paymentId,
			remarks: body.remarks ?? null,
			response: body.response,
			type: body.type,
		});
		return enkashOk({ requestId: action.requestId, status: 'ACCEPTED', invoiceIds: ids, paymentId: body.paymentId });
	}

	private async changeInvoiceStatus(request: VendorRequest): Promise<Reply> {
		const { body, reply } = await this.jsonBody(request);
		if (!body) return reply!;
		const checks = new FieldChecks();
		const b2bIds = typeof body.b2bIds === 'string' ? [body.b2bIds] : body.b2bIds;
		if (checks.check(Array.isArray(b2bIds) && b2bIds.length > 0, 'b2bIds', body.b2bIds, 'must not be empty')) {
			(b2bIds as unknown[]).forEach((id, index) => checks.check(isNonEmptyString(id), `b2bIds[${index}]`, id, 'must not be blank'));
		}
		const status = body.invoiceStatus;
		if (checks.check(isPlainObject(status), 'invoiceStatus', status, 'must not be null')) {
			const s = status as Json;
			for (const field of ['objectId', 'supplierInvoiceNumber', 'supplierAction']) {
				checks.check(isNonEmptyString(s[field]), `invoiceStatus.${field}`, s[field], 'must not be blank');
			}
			checks.check(s.objectVersion === undefined || typeof s.objectVersion === 'number' || typeof s.objectVersion === 'string', 'invoiceStatus.objectVersion', s.objectVersion, 'must be a number or string');
			checks.check(s.supplierRemarks === undefined || s.supplierRemarks === null || typeof s.supplierRemarks === 'string', 'invoiceStatus.supplierRemarks', s.supplierRemarks, 'must be a string');
			const transition = s.statusTransition;
			if (checks.check(isPlainObject(transition), 'invoiceStatus.statusTransition', transition, 'must not be null')) {
				for (const field of ['currentStatus', 'newStatus']) {
					checks.check(isNonEmptyString((transition as Json)[field]), `invoiceStatus.statusTransition.${field}`, (transition as Json)[field], 'must not be blank');
				}
			}
		}
		if (!checks.ok) return checks.reply();
		const s = status as Json;
		const newStatus = (s.statusTransition as Json).newStatus;
		const action = this.recordBharatConnect('invoiceStatusChange', { b2bIds, invoiceStatus: s });
		return enkashOk({ requestId: action.requestId, status: 'ACCEPTED', b2bIds, objectId: s.objectId, newStatus });
	}

	private recordBharatConnect(type: 'paymentConfirmation' | 'invoiceStatusChange', details: Json): { requestId: string } {
		const requestId = `BC${type === 'paymentConfirmation' ? 'PC' : 'SC'}${String(this.store.bharatConnect.length + 1).padStart(8, '0')}`;
		this.store.bharatConnect.push({ requestId, type, receivedOn: formatEnkashDateTime(Date.now()), details });
		this.services.ledger.addRecord('enkash', type === 'paymentConfirmation' ? 'bcPaymentConfirmation' : 'bcInvoiceStatusChange', requestId);
		return { requestId };
	}
}

// --- validation ---------------------------------------------------------------------------------

const PATTERNS = {
	contactNumber: /^\+?\d{10,13}$/,
	pinCode: /^\d{6}$/,
	ifsc: /^[A-Z]{4}0[A-Z0-9]{6}$/,
	panOrGstin: /^([A-Z]{5}\d{4}[A-Z]|\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z])$/,
	accountNumber: /^\d{6,18}$/,
	mobile: /^(\+91)?[6-9]\d{9}$/,
};

const present = (value: unknown): boolean => value !== undefined && value !== null;

function validateCustomer(body: Json, checks: FieldChecks, partial: boolean): void {
	if (!partial || present(body.legalName)) {
		checks.check(isNonEmptyString(body.legalName) && body.legalName.length <= 200, 'legalName', body.legalName, 'must not be blank (max 200 characters)');
	}
	if (!partial || present(body.customerKeyContacts)) {
		const contacts = body.customerKeyContacts;
		if (!Array.isArray(contacts) || contacts.length === 0) checks.fail('customerKeyContacts', contacts, 'must not be empty');
		else if (contacts.length > 10) checks.fail('customerKeyContacts', contacts.length, 'size must be between 1 and 10');
		else {
			contacts.forEach((contact: unknown, index) => {
				const field = `customerKeyContacts[${index}]`;
				if (!isPlainObject(contact)) return checks.fail(field, contact, 'must be an object');
				checks.check(isNonEmptyString(contact.name), `${field}.name`, contact.name, 'must not be blank');
				if (present(contact.email)) checks.check(isEmail(contact.email), `${field}.email`, contact.email, 'must be a well-formed email address');
				if (present(contact.mobile)) {
					checks.check(typeof contact.mobile === 'string' && PATTERNS.mobile.test(contact.mobile), `${field}.mobile`, contact.mobile, 'must be a 10-digit Indian mobile number');
				}
				checks.check(present(contact.email) || present(contact.mobile), `${field}.email`, null, 'email or mobile is required');
			});
		}
	}
	for (const field of ['contactNumber', 'pinCode', 'ifsc', 'panOrGstin', 'accountNumber'] as const) {
		if (present(body[field])) {
			checks.check(typeof body[field] === 'string' && PATTERNS[field].test(body[field] as string), field, body[field], `must match "${PATTERNS[field].source}"`);
		}
	}
	for (const field of ['address', 'state', 'assignedAgent', 'uniqueRefNo']) {
		if (present(body[field])) checks.check(typeof body[field] === 'string', field, body[field], 'must be a string');
	}
	if (present(body.branchCodes)) {
		checks.check(Array.isArray(body.branchCodes) && body.branchCodes.every((code) => typeof code === 'string'), 'branchCodes', body.branchCodes, 'must be a list of strings');
	}
	if (present(body.customerReminders)) checks.check(typeof body.customerReminders === 'boolean', 'customerReminders', body.customerReminders, 'must be a boolean');
}

/** PATCH semantics (design): an absent or null field is left unchanged. */
function applyCustomerPatch(customer: EnkashCustomer, body: Json): void {
	const record = customer as unknown as Json;
	for (const field of ['legalName', 'contactNumber', 'accountNumber', 'ifsc', 'address', 'state', 'pinCode', 'panOrGstin', 'assignedAgent', 'uniqueRefNo', 'customerReminders']) {
		if (present(body[field])) record[field] = body[field];
	}
	if (present(body.customerKeyContacts)) customer.customerKeyContacts = normaliseContacts(body.customerKeyContacts);
	if (present(body.branchCodes)) customer.branchCodes = (body.branchCodes as unknown[]).map(String);
	customer.updatedOn = formatEnkashDateTime(Date.now());
}

function normaliseContacts(contacts: unknown): EnkashContact[] {
	if (!Array.isArray(contacts)) return [];
	return contacts.map((contact: Json) => {
		const out: EnkashContact = { name: String(contact.name) };
		for (const field of ['email', 'mobile', 'designation'] as const) if (isNonEmptyString(contact[field])) out[field] = contact[field] as string;
		return out;
	});
}

function validateInvoice(body: Json, checks: FieldChecks, partial: boolean): void {
	if (!partial) {
		checks.check(typeof body.customerId === 'string' && CUSTOMER_ID.test(body.customerId), 'customerId', body.customerId, 'must match "^KC[A-Z0-9]{14}$"');
	}
	if (!partial || present(body.baseAmount)) {
		const amount = toNumber(body.baseAmount);
		checks.check(amount !== undefined && amount >= 0.1, 'baseAmount', body.baseAmount, 'must be greater than or equal to 0.1');
	}
	if (!partial || present(body.dueDate)) checks.check(isDate(body.dueDate), 'dueDate', body.dueDate, 'must be a valid date in yyyy-MM-dd format');
	for (const field of ['cgst', 'balanceAmount']) {
		if (present(body[field])) {
			const amount = toNumber(body[field]);
			checks.check(amount !== undefined && amount >= 0, field, body[field], 'must be greater than or equal to 0');
		}
	}
	if (present(body.emailAddress)) checks.check(isEmail(body.emailAddress), 'emailAddress', body.emailAddress, 'must be a well-formed email address');
	for (const field of ['externalId', 'description']) {
		if (present(body[field])) checks.check(typeof body[field] === 'string' && (body[field] as string).length <= 500, field, body[field], 'must be a string (max 500 characters)');
	}
	for (const field of ['gstExclusive', 'chargeCustomer', 'dispatchNow', 'partialPaymentAllowed']) {
		if (present(body[field])) checks.check(typeof body[field] === 'boolean', field, body[field], 'must be a boolean');
	}
	if (present(body.approvalStatus)) {
		checks.check((APPROVAL_STATUSES as readonly unknown[]).includes(body.approvalStatus), 'approvalStatus', body.approvalStatus, `must be one of ${APPROVAL_STATUSES.join(', ')}`);
	}
}

function validateReminder(body: Json, checks: FieldChecks, partial: boolean): void {
	if (!partial || present(body.name)) checks.check(isNonEmptyString(body.name) && body.name.length <= 100, 'name', body.name, 'must not be blank (max 100 characters)');
	if (!partial || present(body.channel)) {
		checks.check((REMINDER_CHANNELS as readonly unknown[]).includes(body.channel), 'channel', body.channel, `must be one of ${REMINDER_CHANNELS.join(', ')}`);
	}
	if (!partial || present(body.offsetDays)) {
		checks.check(Number.isInteger(body.offsetDays) && Math.abs(body.offsetDays as number) <= 365, 'offsetDays', body.offsetDays, 'must be an integer between -365 and 365');
	}
	if (present(body.reference)) {
		checks.check((REMINDER_REFERENCES as readonly unknown[]).includes(body.reference), 'reference', body.reference, `must be one of ${REMINDER_REFERENCES.join(', ')}`);
	}
	if (present(body.enabled)) checks.check(typeof body.enabled === 'boolean', 'enabled', body.enabled, 'must be a boolean');
}

function invoiceFilter(body: Json, checks: FieldChecks, store: EnkashStore): (invoice: EnkashInvoice) => boolean {
	const tests: Array<(invoice: EnkashInvoice) => boolean> = [];
	const inSet = (field: string, pattern: RegExp | undefined, pick: (invoice: EnkashInvoice) => string | null): void => {
		const list = optionalStringList(body, field, checks, pattern);
		if (list) {
			const set = new Set(list);
			tests.push((invoice) => set.has(pick(invoice) ?? ''));
		}
	};
	inSet('customerIds', CUSTOMER_ID, (invoice) => invoice.customerId);
	inSet('invoiceIds', INVOICE_ID, (invoice) => invoice.invoiceId);
	inSet('externalIds', undefined, (invoice) => invoice.externalId);
	inSet('approvalStatuses', undefined, (invoice) => invoice.approvalStatus);
	inSet('paymentStatuses', undefined, (invoice) => invoice.paymentStatus);
	for (const [field, allowed] of [['approvalStatuses', APPROVAL_STATUSES], ['paymentStatuses', PAYMENT_STATUSES]] as const) {
		if (Array.isArray(body[field])) {
			(body[field] as unknown[]).forEach((value, index) => checks.check((allowed as readonly unknown[]).includes(value), `${field}[${index}]`, value, `must be one of ${allowed.join(', ')}`));
		}
	}
	if (present(body.externalId)) {
		if (checks.check(typeof body.externalId === 'string', 'externalId', body.externalId, 'must be a string')) tests.push((invoice) => invoice.externalId === body.externalId);
	}
	const range = (from: string, to: string, valid: (value: unknown) => boolean, message: string, normalise: (value: string, end: boolean) => string, pick: (invoice: EnkashInvoice) => string | null): void => {
		for (const [field, end] of [[from, false], [to, true]] as const) {
			const value = body[field];
			if (!present(value)) continue;
			if (!checks.check(valid(value), field, value, message)) continue;
			const bound = normalise(value as string, end);
			tests.push(end ? (invoice) => { const v = pick(invoice); return v !== null && v <= bound; } : (invoice) => { const v = pick(invoice); return v !== null && v >= bound; });
		}
	};
	const asDate = (value: string): string => value;
	const asDateTime = (value: string, end: boolean): string => (value.length === 10 ? `${value} ${end ? '23:59:59' : '00:00:00'}` : value);
	const dateOrDateTime = (value: unknown): boolean => isDate(value) || isDateTime(value);
	range('dueDateFrom', 'dueDateTo', isDate, 'must be a valid date in yyyy-MM-dd format', asDate, (invoice) => invoice.dueDate);
	range('createdOnFrom', 'createdOnTo', dateOrDateTime, 'must be yyyy-MM-dd HH:mm:ss', asDateTime, (invoice) => invoice.createdOn);
	range('dispatchedOnFrom', 'dispatchedOnTo', dateOrDateTime, 'must be yyyy-MM-dd HH:mm:ss', asDateTime, (invoice) => invoice.dispatchedOn);
	for (const [from, to, pick] of [
		['baseAmountFrom', 'baseAmountTo', (invoice: EnkashInvoice) => invoice.baseAmount],
		['balanceAmountFrom', 'balanceAmountTo', (invoice: EnkashInvoice) => invoice.balanceAmount],
	] as const) {
		for (const [field, end] of [[from, false], [to, true]] as const) {
			if (!present(body[field])) continue;
			const bound = toNumber(body[field]);
			if (!checks.check(bound !== undefined, field, body[field], 'must be a number')) continue;
			tests.push(end ? (invoice) => pick(invoice) <= bound! : (invoice) => pick(invoice) >= bound!);
		}
	}
	if (present(body.dispatched)) {
		if (checks.check(typeof body.dispatched === 'boolean', 'dispatched', body.dispatched, 'must be a boolean')) tests.push((invoice) => invoice.dispatched === body.dispatched);
	}
	if (present(body.customerLegalName)) {
		if (checks.check(typeof body.customerLegalName === 'string', 'customerLegalName', body.customerLegalName, 'must be a string')) {
			const needle = (body.customerLegalName as string).toLowerCase();
			tests.push((invoice) => (store.customers.get(invoice.customerId)?.legalName.toLowerCase() ?? '').includes(needle));
		}
	}
	return (invoice) => tests.every((test) => test(invoice));
}

function optionalStringList(body: Json, field: string, checks: FieldChecks, pattern?: RegExp): string[] | undefined {
	const value = body[field];
	if (!present(value)) return undefined;
	if (!checks.check(Array.isArray(value), field, value, 'must be a list')) return undefined;
	(value as unknown[]).forEach((item, index) =>
		checks.check(typeof item === 'string' && (!pattern || pattern.test(item)), `${field}[${index}]`, item, pattern ? `must match "${pattern.source}"` : 'must be a string'),
	);
	return value as string[];
}

function pagingParams(query: URLSearchParams): { limit: number; offset: number } | { reply: Reply } {
	const checks = new FieldChecks();
	const limitText = query.get('limit');
	const offsetText = query.get('offset');
	const limit = limitText === null || limitText === '' ? ENKASH_DEFAULT_SEARCH_LIMIT : Number(limitText);
	const offset = offsetText === null || offsetText === '' ? 0 : Number(offsetText);
	checks.check(Number.isInteger(limit) && limit >= 1 && limit <= ENKASH_MAX_SEARCH_LIMIT, 'limit', limitText, `must be an integer between 1 and ${ENKASH_MAX_SEARCH_LIMIT}`);
	checks.check(Number.isInteger(offset) && offset >= 0, 'offset', offsetText, 'must be a non-negative integer');
	return checks.ok ? { limit, offset } : { reply: checks.reply() };
}

function stableReverse<K extends string | number>(sortedAscending: EnkashInvoice[], key: (invoice: EnkashInvoice) => K): EnkashInvoice[] {
	// Descending by key, ties still in invoiceId order.
	return [...sortedAscending].sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		return ka < kb ? 1 : ka > kb ? -1 : 0;
	});
}

function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}

function stringOrNull(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

// --- CSV ----------------------------------------------------------------------------------------

function bulkResults(
	rows: Array<{ line: number; values: Record<string, string> }>,
	handleRow: (values: Record<string, string>) => { id?: string; error?: string },
): { accepted: number; rejected: number; results: Array<{ row: number; id?: string; error?: string }> } {
	const results = rows.map(({ line, values }) => ({ row: line, ...handleRow(values) }));
	const accepted = results.filter((result) => result.id !== undefined).length;
	return { accepted, rejected: results.length - accepted, results };
}

function csvBoolean(text: string | undefined): unknown {
	if (text === undefined) return undefined;
	const lower = text.toLowerCase();
	return lower === 'true' ? true : lower === 'false' ? false : text;
}

function csvJson(text: string | undefined): unknown {
	if (text === undefined) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * CSV columns are the JSON field names. Lists go in one cell as JSON (`customerKeyContacts`,
 * `branchCodes`; `branchCodes` also as `A;B`), or a single contact as `customerKeyContacts.name`,
 * `customerKeyContacts.email`, `customerKeyContacts.mobile`, `customerKeyContacts.designation`.
 */
function customerFromCsv(values: Record<string, string>): Json {
	const body: Json = { ...values };
	for (const key of Object.keys(body)) if (key.startsWith('customerKeyContacts.')) delete body[key];
	body.customerReminders = csvBoolean(values.customerReminders);
	if (values.customerKeyContacts !== undefined) body.customerKeyContacts = csvJson(values.customerKeyContacts);
	else {
		const contact: Json = {};
		for (const field of ['name', 'email', 'mobile', 'designation']) {
			const cell = values[`customerKeyContacts.${field}`];
			if (cell !== undefined) contact[field] = cell;
		}
		if (Object.keys(contact).length > 0) body.customerKeyContacts = [contact];
	}
	if (values.branchCodes !== undefined) {
		body.branchCodes = values.branchCodes.startsWith('[') ? csvJson(values.branchCodes) : values.branchCodes.split(';').map((code) => code.trim()).filter(Boolean);
	}
	for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
	return body;
}

function invoiceFromCsv(values: Record<string, string>): Json {
	const body: Json = { ...values };
	for (const field of ['gstExclusive', 'chargeCustomer', 'dispatchNow', 'partialPaymentAllowed']) {
		if (values[field] !== undefined) body[field] = csvBoolean(values[field]);
	}
	for (const field of ['baseAmount', 'cgst', 'balanceAmount']) {
		if (values[field] !== undefined) body[field] = toNumber(values[field]) ?? values[field];
	}
	return body;
}

