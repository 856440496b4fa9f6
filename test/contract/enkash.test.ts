/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';

import { DEMO_CREDENTIALS, ENKASH_LOCKED_MESSAGE, SEED_FACTS } from '../../sandbox';
import type { Sandbox, VendorBaseUrls } from '../../sandbox';
import type { CallOptions, CallResult } from './support';
import {
	COMPANY,
	assertEnkashError,
	assertEnkashOk,
	call,
	csvForm,
	enkashClientHeader,
	enkashLogin,
	enkashToken,
	sleep,
	subErrorFields,
	useSandbox,
} from './support';

const K = DEMO_CREDENTIALS.enkash;
const F = SEED_FACTS.enkash;
const CUSTOMER = F.activeCustomerId;

describe('Enkash contract', () => {
	let sandbox: Sandbox;
	let urls: VendorBaseUrls;
	let token: string;

	useSandbox((started, startedUrls) => {
		sandbox = started;
		urls = startedUrls;
	});
	beforeEach(async () => {
		token = await enkashToken(urls);
	});

	/** An authenticated call to `/enkash/api/v0${path}`. */
	const api = (path: string, options: CallOptions = {}): Promise<CallResult> =>
		call(`${urls.enkash}/api/v0${path}`, { ...options, headers: { Authorization: `Bearer ${token}`, ...(options.headers ?? {}) } });

	const customerBody = (extra: Record<string, unknown> = {}) => ({
		legalName: 'Acme Widgets Pvt Ltd',
		uniqueRefNo: 'ACME-1',
		contactNumber: '9876543210',
		customerKeyContacts: [{ name: 'Asha Rao', email: 'asha@acme.example', mobile: '9876543211', designation: 'AP' }],
		pinCode: '560001',
		state: 'Karnataka',
		ifsc: 'HDFC0001234',
		panOrGstin: 'ABCDE1234F',
		...extra,
	});
	const invoiceBody = (extra: Record<string, unknown> = {}) => ({
		customerId: CUSTOMER,
		baseAmount: 1500.5,
		dueDate: '2031-03-31',
		externalId: 'ERP-NEW-1',
		description: 'Consulting',
		emailAddress: 'ap@acme.example',
		cgst: 135.05,
		gstExclusive: true,
		...extra,
	});

	describe('POST /oauth/token', () => {
		test('password grant answers camelCase by default', async () => {
			const result = await enkashLogin(urls);
			assert.equal(result.status, 200);
			assert.deepEqual(Object.keys(result.body).sort(), ['accessToken', 'expiresIn', 'refreshToken', 'tokenType']);
			assert.equal(result.body.tokenType, 'bearer');
			assert.equal(result.body.expiresIn, 300);
			const entry = (await sandbox.control.ledger()).requests.at(-1)!;
			assert.deepEqual([entry.kind, entry.grant, entry.auth, entry.path], ['token', 'password', 'ok', '/oauth/token']);
		});

		test('snake_case when the control switches casing', async () => {
			await sandbox.control.setEnkashTokenCasing('snake');
			const result = await enkashLogin(urls);
			assert.equal(result.status, 200);
			assert.deepEqual(Object.keys(result.body).sort(), ['access_token', 'expires_in', 'refresh_token', 'scope', 'token_type']);
			assert.equal(result.body.token_type, 'bearer');
			assert.equal(result.body.scope, 'read write');
			const me = await call(`${urls.enkash}/api/v0/customer/${CUSTOMER}/contacts`, { headers: { Authorization: `Bearer ${result.body.access_token}` } });
			assert.equal(me.status, 200);
		});

		test('a wrong or missing oauth client header is 401 UNAUTHORIZED', async () => {
			const form = { username: K.username, password: K.password, grant_type: 'password', clientId: COMPANY };
			assertEnkashError(await call(`${urls.enkash}/oauth/token`, { form }), 401, 'UNAUTHORIZED');
			const wrong = await call(`${urls.enkash}/oauth/token`, { headers: { Authorization: 'Basic ZW5rYXNoLWNsaWVudDpub3Bl' }, form });
			assertEnkashError(wrong, 401, 'UNAUTHORIZED');
			assert.equal((await sandbox.control.enkashAccount()).consecutiveFailures, 0);
		});

		test('three consecutive failed logins lock the account, even against the right password', async () => {
			for (let attempt = 1; attempt <= 3; attempt++) {
				const failed = await enkashLogin(urls, 'wrong-password');
				assertEnkashError(failed, 401, 'UNAUTHORIZED');
				assert.equal((await sandbox.control.enkashAccount()).locked, attempt === 3);
			}
			const locked = await enkashLogin(urls);
			const error = assertEnkashError(locked, 401, 'INVALID_ACCESS');
			assert.equal(error.errorMessage, ENKASH_LOCKED_MESSAGE);
			assert.deepEqual(await sandbox.control.enkashAccount(), { locked: true, consecutiveFailures: 3, loginAttempts: 5 });
			await sandbox.control.unlockEnkash();
			assert.equal((await enkashLogin(urls)).status, 200);
			assert.deepEqual(await sandbox.control.enkashAccount(), { locked: false, consecutiveFailures: 0, loginAttempts: 6 });
		});

		test('a successful login resets the failure count', async () => {
			await enkashLogin(urls, 'wrong-1');
			await enkashLogin(urls, 'wrong-2');
			assert.equal((await enkashLogin(urls)).status, 200);
			await enkashLogin(urls, 'wrong-3');
			await enkashLogin(urls, 'wrong-4');
			assert.equal((await enkashLogin(urls)).status, 200);
			assert.equal((await sandbox.control.enkashAccount()).locked, false);
		});

		test('a wrong clientId is a failed login', async () => {
			const result = await call(`${urls.enkash}/oauth/token`, {
				headers: { Authorization: enkashClientHeader },
				form: { username: K.username, password: K.password, grant_type: 'password', clientId: 'CEKAAAAAAA' },
			});
			assertEnkashError(result, 401, 'UNAUTHORIZED');
			assert.equal((await sandbox.control.enkashAccount()).consecutiveFailures, 1);
		});

		test('refresh grant issues a new access token', async () => {
			const login = await enkashLogin(urls);
			const refreshed = await call(`${urls.enkash}/oauth/token`, {
				headers: { Authorization: enkashClientHeader },
				form: { grant_type: 'refresh_token', refresh_token: login.body.refreshToken },
			});
			assert.equal(refreshed.status, 200);
			assert.notEqual(refreshed.body.accessToken, login.body.accessToken);
			assert.equal(typeof refreshed.body.refreshToken, 'string');
			const use = await call(`${urls.enkash}/api/v0/customer/${CUSTOMER}/contacts`, { headers: { Authorization: `Bearer ${refreshed.body.accessToken}` } });
			assert.equal(use.status, 200);
			assert.equal((await sandbox.control.ledger()).requests.filter((r) => r.grant === 'refresh_token').length, 1);
		});

		test('a rejected refresh token is 401 Invalid refresh token and does not count toward lockout', async () => {
			const login = await enkashLogin(urls);
			for (let attempt = 0; attempt < 4; attempt++) {
				const result = await call(`${urls.enkash}/oauth/token`, {
					headers: { Authorization: enkashClientHeader },
					form: { grant_type: 'refresh_token', refresh_token: 'not-a-refresh-token' },
				});
				assert.equal(assertEnkashError(result, 401, 'UNAUTHORIZED').errorMessage, 'Invalid refresh token');
			}
			assert.deepEqual(await sandbox.control.enkashAccount(), { locked: false, consecutiveFailures: 0, loginAttempts: 2 });
			await sandbox.control.revokeTokens('enkash', { refreshTokens: true });
			const revoked = await call(`${urls.enkash}/oauth/token`, {
				headers: { Authorization: enkashClientHeader },
				form: { grant_type: 'refresh_token', refresh_token: login.body.refreshToken },
			});
			assertEnkashError(revoked, 401, 'UNAUTHORIZED');
		});
	});

	describe('API authentication', () => {
		const path = `/customer/${CUSTOMER}/contacts`;

		test('missing, wrong-scheme and unknown tokens are 401 UNAUTHORIZED', async () => {
			for (const headers of [{}, { Authorization: token }, { Authorization: 'Bearer nope' }] as Array<Record<string, string>>) {
				assertEnkashError(await call(`${urls.enkash}/api/v0${path}`, { headers }), 401, 'UNAUTHORIZED');
			}
		});

		test('an expired token is 401', async () => {
			await sandbox.control.setTokenLifetime('enkash', 1);
			const login = await enkashLogin(urls);
			assert.equal(login.body.expiresIn, 1);
			const headers = { Authorization: `Bearer ${login.body.accessToken}` };
			assert.equal((await call(`${urls.enkash}/api/v0${path}`, { headers })).status, 200);
			await sleep(1100);
			assertEnkashError(await call(`${urls.enkash}/api/v0${path}`, { headers }), 401, 'UNAUTHORIZED');
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'expired');
		});

		test('a revoked token is 401', async () => {
			await sandbox.control.revokeTokens('enkash');
			assertEnkashError(await api(path), 401, 'UNAUTHORIZED');
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'revoked');
		});

		describe('expiry said in the body (setEnkashExpiryInBody)', () => {
			test('by default a revoked, unknown or missing token gets the UNAUTHORIZED envelope on HTTP 200', async () => {
				await sandbox.control.setEnkashExpiryInBody();
				await sandbox.control.revokeTokens('enkash');
				const revoked = assertEnkashError(await api(path), 200, 'UNAUTHORIZED');
				assert.equal(revoked.errorMessage, 'Access token revoked');
				assertEnkashError(await call(`${urls.enkash}/api/v0${path}`, { headers: { Authorization: 'Bearer nope' } }), 200, 'UNAUTHORIZED');
				assertEnkashError(await call(`${urls.enkash}/api/v0${path}`), 200, 'UNAUTHORIZED');
				assert.deepEqual(
					(await sandbox.control.ledger()).requests.slice(-3).map((r) => [r.status, r.auth]),
					[
						[200, 'revoked'],
						[200, 'invalid'],
						[200, 'missing'],
					],
				);
				const fresh = await enkashToken(urls);
				const ok = await call(`${urls.enkash}/api/v0${path}`, { headers: { Authorization: `Bearer ${fresh}` } });
				assert.deepEqual([ok.status, ok.body.errorResponse], [200, null], 'a valid token is served as usual');
			});

			test('with a status of choice (400, 403); an expired token too; token requests keep their 401', async () => {
				await sandbox.control.setTokenLifetime('enkash', 0.3);
				const shortLived = await enkashToken(urls);
				for (const status of [400, 403]) {
					await sandbox.control.setEnkashExpiryInBody(status);
					assertEnkashError(await api(path, { headers: { Authorization: 'Bearer nope' } }), status, 'UNAUTHORIZED');
				}
				await sleep(350);
				const expired = assertEnkashError(await call(`${urls.enkash}/api/v0${path}`, { headers: { Authorization: `Bearer ${shortLived}` } }), 403, 'UNAUTHORIZED');
				assert.equal(expired.errorMessage, 'Access token expired');
				assertEnkashError(await call(`${urls.enkash}/oauth/token`, { headers: { Authorization: enkashClientHeader }, form: { grant_type: 'refresh_token', refresh_token: 'nope' } }), 401, 'UNAUTHORIZED');
			});

			test('null and reset() restore the 401; a status outside 200..599 is refused', async () => {
				await sandbox.control.setEnkashExpiryInBody(200);
				await sandbox.control.setEnkashExpiryInBody(null);
				assertEnkashError(await api(path, { headers: { Authorization: 'Bearer nope' } }), 401, 'UNAUTHORIZED');
				await sandbox.control.setEnkashExpiryInBody(200);
				await sandbox.control.reset();
				assertEnkashError(await api(path, { headers: { Authorization: 'Bearer nope' } }), 401, 'UNAUTHORIZED');
				for (const status of [100, 600, 200.5, '200'] as never[]) await assert.rejects(sandbox.control.setEnkashExpiryInBody(status), /status/);
			});
		});

		test("fault 'unauthorized' refuses even a fresh token on the matching route, with the status asked (default 401)", async () => {
			await sandbox.control.setFaults([
				{ vendor: 'enkash', method: 'GET', path: '/api/v0/customer/', kind: 'unauthorized', status: 200 },
				{ vendor: 'enkash', method: 'POST', path: '/api/v0/customer/search', kind: 'unauthorized' },
			]);
			const fresh = await enkashToken(urls);
			const headers = { Authorization: `Bearer ${fresh}` };
			assertEnkashError(await call(`${urls.enkash}/api/v0${path}`, { headers }), 200, 'UNAUTHORIZED');
			assertEnkashError(await call(`${urls.enkash}/api/v0/customer/search`, { headers, json: {} }), 401, 'UNAUTHORIZED');
			assert.equal((await call(`${urls.enkash}/api/v0/invoice/search`, { headers, json: {} })).status, 200, 'other routes accept the token');
			const faulted = (await sandbox.control.ledger()).requests.filter((r) => r.fault === 'unauthorized');
			assert.deepEqual(faulted.map((r) => r.status), [200, 401]);
			assert.equal((await sandbox.control.enkashAccount()).loginAttempts, 2, 'logins are not refused');
			await assert.rejects(sandbox.control.setFaults([{ kind: 'unauthorized' }]), /needs vendor 'enkash'/);
			await assert.rejects(sandbox.control.setFaults([{ vendor: 'enkash', kind: 'unauthorized', status: 99 }]), /status/);
		});
	});

	describe('customers', () => {
		test('create customer returns the record with a KC id', async () => {
			const customer = assertEnkashOk(await api('/customer', { json: customerBody() }));
			assert.match(customer.customerId, /^KC[A-Z0-9]{14}$/);
			assert.equal(customer.legalName, 'Acme Widgets Pvt Ltd');
			assert.equal(customer.active, true);
			assert.equal(customer.customerKeyContacts.length, 1);
			const records = (await sandbox.control.ledger()).records;
			assert.deepEqual(records.map((r) => [r.type, r.id]), [['customer', customer.customerId]]);
		});

		test('create customer validates: customerKeyContacts required, at most 10, emails, patterns', async () => {
			const missing = assertEnkashError(await api('/customer', { json: customerBody({ customerKeyContacts: undefined }) }), 400, 'VALIDATION_ERROR');
			assert.deepEqual(subErrorFields(missing), ['customerKeyContacts']);
			const eleven = Array.from({ length: 11 }, (_, n) => ({ name: `C${n}`, email: `c${n}@x.example` }));
			const tooMany = assertEnkashError(await api('/customer', { json: customerBody({ customerKeyContacts: eleven }) }), 400, 'VALIDATION_ERROR');
			assert.deepEqual(subErrorFields(tooMany), ['customerKeyContacts']);
			const bad = assertEnkashError(
				await api('/customer', { json: customerBody({ legalName: '', pinCode: '12', customerKeyContacts: [{ name: 'x', email: 'nope' }] }) }),
				400,
				'VALIDATION_ERROR',
			);
			assert.deepEqual(subErrorFields(bad), ['customerKeyContacts[0].email', 'legalName', 'pinCode']);
			const sub = bad.apiSubErrors.find((e: { field: string }) => e.field === 'pinCode');
			assert.deepEqual(Object.keys(sub).sort(), ['field', 'message', 'rejectedValue']);
			assert.equal(sub.rejectedValue, '12');
			const ten = Array.from({ length: 10 }, (_, n) => ({ name: `C${n}`, email: `c${n}@x.example` }));
			assertEnkashOk(await api('/customer', { json: customerBody({ customerKeyContacts: ten }) }));
		});

		test('search customers pages with offset and limit and filters', async () => {
			const page = assertEnkashOk(await api('/customer/search?limit=50&offset=100', { json: {} }));
			assert.deepEqual([page.content.length, page.totalElements, page.offset, page.limit], [50, F.customerCount, 100, 50]);
			const inactive = assertEnkashOk(await api('/customer/search?limit=5000', { json: { active: false } }));
			assert.ok(inactive.totalElements > 0 && inactive.content.every((c: { active: boolean }) => !c.active));
			const byId = assertEnkashOk(await api('/customer/search', { json: { customerIds: [CUSTOMER, F.inactiveCustomerId] } }));
			assert.deepEqual(byId.content.map((c: { customerId: string }) => c.customerId).sort(), [CUSTOMER, F.inactiveCustomerId].sort());
			assertEnkashError(await api('/customer/search?limit=5001', { json: {} }), 400, 'VALIDATION_ERROR');
		});

		test('activate / deactivate toggle active, checking parentCompanyId', async () => {
			const off = assertEnkashOk(await api(`/customer/deactivate/${CUSTOMER}?parentCompanyId=${COMPANY}`, { method: 'PUT' }));
			assert.equal(off.active, false);
			const on = assertEnkashOk(await api(`/customer/activate/${CUSTOMER}?parentCompanyId=${COMPANY}`, { method: 'PUT' }));
			assert.equal(on.active, true);
			assertEnkashError(await api(`/customer/activate/${CUSTOMER}?parentCompanyId=CEKAAAAAAA`, { method: 'PUT' }), 403, 'INVALID_ACCESS');
			assertEnkashError(await api(`/customer/activate/${CUSTOMER}`, { method: 'PUT' }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api(`/customer/activate/${CUSTOMER}?parentCompanyId=bad`, { method: 'PUT' }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api(`/customer/activate/KC123?parentCompanyId=${COMPANY}`, { method: 'PUT' }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api(`/customer/activate/KCAAAAAAAAAAAAAA?parentCompanyId=${COMPANY}`, { method: 'PUT' }), 404, 'RECORD_NOT_FOUND');
		});

		test('createBulkCustomer: one result per CSV row', async () => {
			const csv = [
				'legalName,uniqueRefNo,contactNumber,customerKeyContacts,pinCode,branchCodes',
				'Alpha Traders,A-1,9876543210,"[{""name"":""A"",""email"":""a@alpha.example""}]",400001,BR1;BR2',
				',B-1,9876543210,"[{""name"":""B"",""email"":""b@beta.example""}]",400001,',
				'Gamma LLP,G-1,,"[{""name"":""G"",""mobile"":""9123456789""}]",,',
			].join('\r\n');
			const payload = assertEnkashOk(await api(`/customer/bulk?companyId=${COMPANY}`, { body: csvForm(csv) }));
			assert.equal(payload.accepted, 2);
			assert.equal(payload.rejected, 1);
			assert.deepEqual(payload.results.map((r: { row: number }) => r.row), [1, 2, 3]);
			assert.match(payload.results[0].id, /^KC[A-Z0-9]{14}$/);
			assert.match(payload.results[1].error, /legalName/);
			assert.equal(payload.results[1].id, undefined);
			const alpha = assertEnkashOk(await api(`/customer/${payload.results[0].id}/contacts`));
			assert.equal(alpha.customerKeyContacts[0].email, 'a@alpha.example');
			assert.equal((await sandbox.control.ledger()).records.length, 2);
			assertEnkashError(await api(`/customer/bulk?companyId=CEKAAAAAAA`, { body: csvForm(csv) }), 403, 'INVALID_ACCESS');
			assertEnkashError(await api(`/customer/bulk?companyId=${COMPANY}`, { body: csvForm(csv, 'upload') }), 400, 'VALIDATION_ERROR');
		});

		test('bulkUpdate patches customers by customerId, one result per row', async () => {
			const csv = ['customerId,legalName,state', `${CUSTOMER},Renamed Pvt Ltd,Goa`, 'KCAAAAAAAAAAAAAA,Ghost,Goa', 'bad-id,x,y'].join('\n');
			const payload = assertEnkashOk(await api(`/customer/bulk/update?parentCompanyId=${COMPANY}`, { body: csvForm(csv) }));
			assert.deepEqual([payload.accepted, payload.rejected], [1, 2]);
			assert.equal(payload.results[0].id, CUSTOMER);
			const contacts = assertEnkashOk(await api(`/customer/${CUSTOMER}/contacts`));
			assert.equal(contacts.legalName, 'Renamed Pvt Ltd');
			assertEnkashError(await api(`/customer/bulk/update?parentCompanyId=CEKAAAAAAA`, { body: csvForm(csv) }), 403, 'INVALID_ACCESS');
		});

		test('updateCustomer (PATCH) changes given fields only', async () => {
			const before = assertEnkashOk(await api(`/customer/${CUSTOMER}/contacts`));
			const updated = assertEnkashOk(
				await api(`/customer/${CUSTOMER}?parentCompanyId=${COMPANY}`, { method: 'PATCH', json: { state: 'Goa', pinCode: '403001', address: null } }),
			);
			assert.equal(updated.state, 'Goa');
			assert.equal(updated.pinCode, '403001');
			assert.equal(updated.legalName, before.legalName);
			const bad = assertEnkashError(
				await api(`/customer/${CUSTOMER}?parentCompanyId=${COMPANY}`, { method: 'PATCH', json: { ifsc: 'nope', customerKeyContacts: [] } }),
				400,
				'VALIDATION_ERROR',
			);
			assert.deepEqual(subErrorFields(bad), ['customerKeyContacts', 'ifsc']);
			assertEnkashError(await api(`/customer/${CUSTOMER}?parentCompanyId=CEKAAAAAAA`, { method: 'PATCH', json: {} }), 403, 'INVALID_ACCESS');
		});

		test('getCustomerContactDetails and deleteCustomerByCustomerId', async () => {
			const contacts = assertEnkashOk(await api(`/customer/${CUSTOMER}/contacts`));
			assert.equal(contacts.customerId, CUSTOMER);
			assert.ok(contacts.customerKeyContacts.length >= 1);
			assertEnkashError(await api(`/customer/${CUSTOMER}?parentCompanyId=CEKAAAAAAA`, { method: 'DELETE' }), 403, 'INVALID_ACCESS');
			assertEnkashOk(await api(`/customer/${CUSTOMER}?parentCompanyId=${COMPANY}`, { method: 'DELETE' }));
			assertEnkashError(await api(`/customer/${CUSTOMER}/contacts`), 404, 'RECORD_NOT_FOUND');
			assertEnkashError(await api(`/customer/${CUSTOMER}?parentCompanyId=${COMPANY}`, { method: 'DELETE' }), 404, 'RECORD_NOT_FOUND');
		});
	});

	describe('invoices', () => {
		test('createInvoice returns the invoice with a monotonic EKINV id', async () => {
			const first = assertEnkashOk(await api('/invoice', { json: invoiceBody() }));
			const second = assertEnkashOk(await api('/invoice', { json: invoiceBody({ externalId: 'ERP-NEW-2' }) }));
			assert.match(first.invoiceId, /^EKINV\d{10}$/);
			assert.equal(first.invoiceId, 'EKINV1000005001');
			assert.equal(second.invoiceId, 'EKINV1000005002');
			assert.equal(first.customerId, CUSTOMER);
			assert.equal(first.baseAmount, 1500.5);
			assert.equal(first.dueDate, '2031-03-31');
			assert.equal(first.dispatched, false);
			assert.match(first.createdOn, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
		});

		test('createInvoice validates amount, date, email and enums; unknown customer 404, inactive 422', async () => {
			const bad = assertEnkashError(
				await api('/invoice', { json: invoiceBody({ baseAmount: 0.05, dueDate: '2031-02-30', emailAddress: 'nope', approvalStatus: 'MAYBE', customerId: 'KC1' }) }),
				400,
				'VALIDATION_ERROR',
			);
			assert.deepEqual(subErrorFields(bad), ['approvalStatus', 'baseAmount', 'customerId', 'dueDate', 'emailAddress']);
			assertEnkashError(await api('/invoice', { json: invoiceBody({ dueDate: '31-03-2031' }) }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api('/invoice', { json: invoiceBody({ baseAmount: undefined }) }), 400, 'VALIDATION_ERROR');
			assertEnkashOk(await api('/invoice', { json: invoiceBody({ baseAmount: 0.1 }) }));
			assertEnkashError(await api('/invoice', { json: invoiceBody({ customerId: 'KCAAAAAAAAAAAAAA' }) }), 404, 'RECORD_NOT_FOUND');
			assertEnkashError(await api('/invoice', { json: invoiceBody({ customerId: F.inactiveCustomerId }) }), 422, 'UNPROCESSABLE_REQUEST');
			assertEnkashError(await api('/invoice', { body: '{not json', headers: { 'Content-Type': 'application/json' } }), 400, 'CLIENT_REQUEST_ERROR');
		});

		test('a duplicate externalId is not rejected; the ledger shows both', async () => {
			const one = assertEnkashOk(await api('/invoice', { json: invoiceBody({ externalId: 'DUP-1' }) }));
			const two = assertEnkashOk(await api('/invoice', { json: invoiceBody({ externalId: 'DUP-1' }) }));
			assert.notEqual(one.invoiceId, two.invoiceId);
			const dup = (await sandbox.control.ledger()).records.filter((r) => r.type === 'invoice' && r.externalId === 'DUP-1');
			assert.equal(dup.length, 2);
		});

		test('getInvoice and updateInvoice check sellerId, the id pattern and existence', async () => {
			const id = F.firstInvoiceId;
			const invoice = assertEnkashOk(await api(`/invoice/${id}?sellerId=${COMPANY}`));
			assert.equal(invoice.invoiceId, id);
			assert.equal(typeof invoice.customerLegalName, 'string');
			assertEnkashError(await api(`/invoice/${id}?sellerId=CEKAAAAAAA`), 403, 'INVALID_ACCESS');
			assertEnkashError(await api(`/invoice/${id}`), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api(`/invoice/EKINV1?sellerId=${COMPANY}`), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api(`/invoice/EKINV9999999999?sellerId=${COMPANY}`), 404, 'RECORD_NOT_FOUND');

			const updated = assertEnkashOk(
				await api(`/invoice/${id}?sellerId=${COMPANY}`, { method: 'PATCH', json: { dueDate: '2032-01-01', description: 'Revised', balanceAmount: 0 } }),
			);
			assert.equal(updated.dueDate, '2032-01-01');
			assert.equal(updated.description, 'Revised');
			assert.equal(updated.paymentStatus, 'PAID');
			assertEnkashError(await api(`/invoice/${id}?sellerId=${COMPANY}`, { method: 'PATCH', json: { baseAmount: 0 } }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api(`/invoice/${id}?sellerId=CEKAAAAAAA`, { method: 'PATCH', json: {} }), 403, 'INVALID_ACCESS');
		});

		test('invoiceBulkUpload: one result per CSV row, records created', async () => {
			const csv = [
				'customerId,baseAmount,dueDate,externalId,description,gstExclusive,dispatchNow',
				`${CUSTOMER},1000,2031-01-31,B-1,First,true,false`,
				`${CUSTOMER},0.01,2031-01-31,B-2,Too small,,`,
				`${CUSTOMER},250.75,2031-02-29,B-3,Bad date,,`,
				`${CUSTOMER},99.9,2031-02-28,B-4,Dispatched,false,true`,
			].join('\n');
			const payload = assertEnkashOk(await api(`/invoice/bulk/create?sellerId=${COMPANY}`, { body: csvForm(csv) }));
			assert.deepEqual([payload.accepted, payload.rejected], [2, 2]);
			assert.deepEqual(payload.results.map((r: { row: number }) => r.row), [1, 2, 3, 4]);
			assert.match(payload.results[1].error, /baseAmount/);
			assert.match(payload.results[2].error, /dueDate/);
			const dispatched = assertEnkashOk(await api(`/invoice/${payload.results[3].id}?sellerId=${COMPANY}`));
			assert.equal(dispatched.dispatched, true);
			assert.deepEqual((await sandbox.control.ledger()).records.map((r) => r.externalId), ['B-1', 'B-4']);
			assertEnkashError(await api(`/invoice/bulk/create?sellerId=CEKAAAAAAA`, { body: csvForm(csv) }), 403, 'INVALID_ACCESS');
			assertEnkashError(await api(`/invoice/bulk/create`, { body: csvForm(csv) }), 400, 'VALIDATION_ERROR');
		});

		test('Dispatch Invoice Collection sets dispatched and dispatchedOn', async () => {
			const created = assertEnkashOk(await api('/invoice', { json: invoiceBody() }));
			const payload = assertEnkashOk(
				await api('/invoice/bulk/dispatch', { json: { invoiceIds: [created.invoiceId, 'EKINV9999999999'], partialPaymentAllowed: true } }),
			);
			assert.equal(payload.dispatched, 1);
			assert.deepEqual(payload.results, [
				{ invoiceId: created.invoiceId, status: 'DISPATCHED' },
				{ invoiceId: 'EKINV9999999999', status: 'NOT_FOUND' },
			]);
			const invoice = assertEnkashOk(await api(`/invoice/${created.invoiceId}?sellerId=${COMPANY}`));
			assert.equal(invoice.dispatched, true);
			assert.match(invoice.dispatchedOn, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
			assert.equal(invoice.partialPaymentAllowed, true);
			assertEnkashError(await api('/invoice/bulk/dispatch', { json: { invoiceIds: [] } }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api('/invoice/bulk/dispatch', { json: { invoiceIds: ['nope'] } }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api('/invoice/bulk/dispatch', { json: { invoiceIds: ['EKINV9999999999'] } }), 404, 'RECORD_NOT_FOUND');
		});

		test('Delete Invoice Collection removes the invoices', async () => {
			const ids = [F.firstInvoiceId, 'EKINV1000000002'];
			const payload = assertEnkashOk(await api('/invoice/bulk/delete', { json: { invoiceIds: ids } }));
			assert.equal(payload.deleted, 2);
			for (const id of ids) assertEnkashError(await api(`/invoice/${id}?sellerId=${COMPANY}`), 404, 'RECORD_NOT_FOUND');
			const search = assertEnkashOk(await api('/invoice/search?limit=1', { json: {} }));
			assert.equal(search.totalElements, F.invoiceCount - 2);
			assertEnkashError(await api('/invoice/bulk/delete', { json: { invoiceIds: ids } }), 404, 'RECORD_NOT_FOUND');
		});

		test('searchCollectionInvoices: limit up to 5000, offset paging covers every invoice once', async () => {
			assertEnkashError(await api('/invoice/search?limit=5001', { json: {} }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api('/invoice/search?limit=0', { json: {} }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api('/invoice/search?orderBy=amount', { json: {} }), 400, 'VALIDATION_ERROR');
			assertEnkashError(await api('/invoice/search?direction=UP', { json: {} }), 400, 'VALIDATION_ERROR');
			await sandbox.control.seedEnkashInvoices(1000);
			const seen = new Set<string>();
			let total = 0;
			for (let offset = 0; ; offset += 2000) {
				const page = assertEnkashOk(await api(`/invoice/search?limit=2000&offset=${offset}`, { json: {} }));
				assert.deepEqual([page.offset, page.limit], [offset, 2000]);
				total = page.totalElements;
				for (const invoice of page.content) {
					assert.ok(!seen.has(invoice.invoiceId));
					seen.add(invoice.invoiceId);
				}
				if (page.content.length < 2000) break;
			}
			assert.equal(total, F.invoiceCount + 1000);
			assert.equal(seen.size, total);
			const max = assertEnkashOk(await api('/invoice/search?limit=5000', { json: {} }));
			assert.equal(max.content.length, 5000);
		});

		test('searchCollectionInvoices orders by createdOn (default), dueDate, baseAmount, invoiceId', async () => {
			const ids = (page: { content: Array<{ invoiceId: string }> }) => page.content.map((invoice) => invoice.invoiceId);
			const byDefault = assertEnkashOk(await api('/invoice/search?limit=100', { json: {} }));
			const created = byDefault.content.map((invoice: { createdOn: string }) => invoice.createdOn);
			assert.deepEqual(created, [...created].sort());
			const desc = assertEnkashOk(await api('/invoice/search?limit=3&orderBy=invoiceId&direction=DESC', { json: {} }));
			assert.deepEqual(ids(desc), [F.lastInvoiceId, 'EKINV1000004999', 'EKINV1000004998']);
			for (const [orderBy, key] of [['dueDate', 'dueDate'], ['baseAmount', 'baseAmount']] as const) {
				for (const direction of ['ASC', 'DESC']) {
					const page = assertEnkashOk(await api(`/invoice/search?limit=500&orderBy=${orderBy}&direction=${direction}`, { json: {} }));
					const values = page.content.map((invoice: Record<string, string | number>) => invoice[key]);
					const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
					assert.deepEqual(values, direction === 'ASC' ? sorted : sorted.reverse(), `${orderBy} ${direction}`);
				}
			}
			const again = assertEnkashOk(await api('/invoice/search?limit=500&orderBy=dueDate', { json: {} }));
			const first = assertEnkashOk(await api('/invoice/search?limit=500&orderBy=dueDate', { json: {} }));
			assert.deepEqual(ids(again), ids(first), 'stable order');
		});

		test('searchCollectionInvoices filters', async () => {
			const today = new Date(Date.now() + 5.5 * 3600_000).toISOString().slice(0, 10);
			const search = async (filters: Record<string, unknown>) => assertEnkashOk(await api('/invoice/search?limit=5000', { json: filters }));
			const overdue = await search({ dueDateTo: today });
			const future = await search({ dueDateFrom: today });
			assert.ok(overdue.totalElements > 0 && future.totalElements > 0, 'due dates in the past and the future');
			assert.ok(overdue.content.every((invoice: { dueDate: string }) => invoice.dueDate <= today));
			const dispatched = await search({ dispatched: true });
			assert.ok(dispatched.totalElements > 0 && dispatched.totalElements < F.invoiceCount);
			assert.ok(dispatched.content.every((invoice: { dispatched: boolean; dispatchedOn: string }) => invoice.dispatched && invoice.dispatchedOn));
			const amounts = await search({ baseAmountFrom: 1000, baseAmountTo: 2000, approvalStatuses: ['APPROVED'] });
			assert.ok(amounts.content.every((i: { baseAmount: number; approvalStatus: string }) => i.baseAmount >= 1000 && i.baseAmount <= 2000 && i.approvalStatus === 'APPROVED'));
			const mine = await search({ customerIds: [CUSTOMER] });
			assert.ok(mine.content.every((invoice: { customerId: string }) => invoice.customerId === CUSTOMER));
			const sample = (await search({})).content[1234];
			const byName = await search({ customerLegalName: sample.customerLegalName.toUpperCase() });
			assert.ok(byName.content.some((invoice: { invoiceId: string }) => invoice.invoiceId === sample.invoiceId));
			const byCreated = await search({ createdOnFrom: sample.createdOn, createdOnTo: sample.createdOn });
			assert.deepEqual(byCreated.content.map((i: { invoiceId: string }) => i.invoiceId), [sample.invoiceId]);
			const balance = await search({ balanceAmountFrom: 0, balanceAmountTo: 0 });
			assert.ok(balance.content.every((invoice: { balanceAmount: number }) => invoice.balanceAmount === 0));
			const dispatchedWindow = await search({ dispatchedOnFrom: '2000-01-01', dispatchedOnTo: '2999-12-31 23:59:59' });
			assert.equal(dispatchedWindow.totalElements, dispatched.totalElements);
			const bad = assertEnkashError(
				await api('/invoice/search', { json: { dueDateFrom: '2024-13-01', createdOnFrom: 'yesterday', approvalStatuses: ['NOPE'], customerIds: ['x'] } }),
				400,
				'VALIDATION_ERROR',
			);
			assert.deepEqual(subErrorFields(bad), ['approvalStatuses[0]', 'createdOnFrom', 'customerIds[0]', 'dueDateFrom']);
		});
	});

	describe('reminders', () => {
		const base = `/customer/${CUSTOMER}/reminders`;

		test('create, list, get, update and delete a reminder', async () => {
			const created = assertEnkashOk(
				await api(base, { json: { name: 'Three days before', channel: 'EMAIL', offsetDays: -3, reference: 'DUE_DATE', enabled: true } }),
			);
			assert.deepEqual(Object.keys(created).sort(), ['channel', 'createdOn', 'customerId', 'enabled', 'name', 'offsetDays', 'reference', 'reminderId']);
			assert.equal(created.customerId, CUSTOMER);
			const list = assertEnkashOk(await api(base));
			assert.ok(list.some((reminder: { reminderId: string }) => reminder.reminderId === created.reminderId));
			assert.deepEqual(assertEnkashOk(await api(`${base}/${created.reminderId}`)), created);
			const updated = assertEnkashOk(await api(`${base}/${created.reminderId}`, { method: 'PATCH', json: { channel: 'WHATSAPP', enabled: false } }));
			assert.deepEqual([updated.channel, updated.enabled, updated.offsetDays], ['WHATSAPP', false, -3]);
			assertEnkashOk(await api(`${base}/${created.reminderId}`, { method: 'DELETE' }));
			assertEnkashError(await api(`${base}/${created.reminderId}`), 404, 'RECORD_NOT_FOUND');
			assert.deepEqual((await sandbox.control.ledger()).records.map((r) => [r.type, r.id]), [['reminder', created.reminderId]]);
		});

		test('reminder validation, unknown customers and reminders of another customer', async () => {
			const bad = assertEnkashError(await api(base, { json: { name: '', channel: 'FAX', offsetDays: 1.5, reference: 'X' } }), 400, 'VALIDATION_ERROR');
			assert.deepEqual(subErrorFields(bad), ['channel', 'name', 'offsetDays', 'reference']);
			assertEnkashError(await api(`/customer/KCAAAAAAAAAAAAAA/reminders`), 404, 'RECORD_NOT_FOUND');
			assertEnkashError(await api(`/customer/bad/reminders`), 400, 'VALIDATION_ERROR');
			const seeded = assertEnkashOk(await api(base));
			assert.ok(seeded.length > 0, 'the seed gives the demo customer reminders');
			const other = assertEnkashOk(await api('/customer/search?limit=2', { json: { active: true } })).content[1].customerId;
			assertEnkashError(await api(`/customer/${other}/reminders/${seeded[0].reminderId}`), 404, 'RECORD_NOT_FOUND');
			assertEnkashError(await api(`${base}/${seeded[0].reminderId}`, { method: 'PATCH', json: { offsetDays: 400 } }), 400, 'VALIDATION_ERROR');
		});
	});

	describe('Bharat Connect 2.0', () => {
		test('Payment Confirmation validates and records the request', async () => {
			const ok = assertEnkashOk(
				await api('/invoice/payment-confirmation', {
					json: { invoiceIds: [F.firstInvoiceId], paymentId: 'PAY-1', remarks: 'paid via UPI', response: 'SUCCESS', type: 'FULL' },
				}),
			);
			assert.equal(ok.status, 'ACCEPTED');
			assert.equal(typeof ok.requestId, 'string');
			const bad = assertEnkashError(await api('/invoice/payment-confirmation', { json: { invoiceIds: [F.firstInvoiceId] } }), 400, 'VALIDATION_ERROR');
			assert.deepEqual(subErrorFields(bad), ['paymentId', 'response', 'type']);
			assertEnkashError(
				await api('/invoice/payment-confirmation', { json: { invoiceIds: ['EKINV9999999999'], paymentId: 'P', response: 'SUCCESS', type: 'FULL' } }),
				404,
				'RECORD_NOT_FOUND',
			);
			assert.deepEqual((await sandbox.control.ledger()).records.map((r) => [r.type, r.id]), [['bcPaymentConfirmation', ok.requestId]]);
		});

		test('Change Invoice Status validates and records the request', async () => {
			const body = {
				b2bIds: ['B2B-1'],
				invoiceStatus: {
					objectId: 'OBJ-1',
					supplierInvoiceNumber: 'INV-1',
					objectVersion: 1,
					supplierAction: 'ACCEPT',
					supplierRemarks: 'ok',
					statusTransition: { currentStatus: 'PENDING', newStatus: 'ACCEPTED' },
				},
			};
			const ok = assertEnkashOk(await api('/invoice/req-status-change-invoice', { json: body }));
			assert.deepEqual([ok.status, ok.newStatus, ok.objectId], ['ACCEPTED', 'ACCEPTED', 'OBJ-1']);
			const bad = assertEnkashError(
				await api('/invoice/req-status-change-invoice', { json: { b2bIds: [], invoiceStatus: { objectId: 'x', statusTransition: {} } } }),
				400,
				'VALIDATION_ERROR',
			);
			assert.deepEqual(subErrorFields(bad), [
				'b2bIds',
				'invoiceStatus.statusTransition.currentStatus',
				'invoiceStatus.statusTransition.newStatus',
				'invoiceStatus.supplierAction',
				'invoiceStatus.supplierInvoiceNumber',
			]);
			assert.equal((await sandbox.control.ledger()).records.filter((r) => r.type === 'bcInvoiceStatusChange').length, 1);
		});

		test('Bulk Create Invoice is the invoiceBulkUpload request', async () => {
			const csv = `customerId,baseAmount,dueDate,externalId\n${CUSTOMER},10,2031-01-01,BC-1\n`;
			const payload = assertEnkashOk(await api(`/invoice/bulk/create?sellerId=${COMPANY}`, { body: csvForm(csv) }));
			assert.deepEqual([payload.accepted, payload.rejected], [1, 0]);
		});
	});

	test('unknown routes are 404 in the Enkash envelope', async () => {
		assertEnkashError(await api('/nothing'), 404, 'RECORD_NOT_FOUND');
	});
});
