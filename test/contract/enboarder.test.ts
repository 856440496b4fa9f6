/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { DEMO_CREDENTIALS, SEED_FACTS } from '../../sandbox';
import type { Sandbox, VendorBaseUrls } from '../../sandbox';
import { apiKeyHeader, basic, call, enboarderToken, sleep, useSandbox } from './support';

const E = DEMO_CREDENTIALS.enboarder;
const F = SEED_FACTS.enboarder;

describe('Enboarder contract', () => {
	let sandbox: Sandbox;
	let urls: VendorBaseUrls;
	let api: string;

	useSandbox((started, startedUrls) => {
		sandbox = started;
		urls = startedUrls;
		api = urls.enboarder;
	});

	const v1 = (path: string, options: Parameters<typeof call>[1] = {}) =>
		call(`${api}/restapi/v1${path}`, { ...options, headers: { ...apiKeyHeader, ...(options.headers ?? {}) } });

	const launchBody = (extra: Record<string, unknown> = {}) => ({
		nhnm: 'Jane Doe',
		nhfnm: 'Jane',
		nhlnm: 'Doe',
		nheml: 'jane.doe@example.com',
		chnl: 'mob',
		nhstdt: '2030-01-15',
		externalid: 'HR-1',
		mode: 0,
		...extra,
	});

	describe('OAuth2 token (client credentials)', () => {
		test('issues a token with every allowed scope when no scope is asked', async () => {
			const result = await call(urls.enboarderTokenUrl, {
				headers: { Authorization: basic(E.clientId, E.clientSecret) },
				form: { grant_type: 'client_credentials' },
			});
			assert.equal(result.status, 200);
			assert.deepEqual(Object.keys(result.body).sort(), ['access_token', 'expires_in', 'token_type']);
			assert.equal(result.body.token_type, 'Bearer');
			assert.equal(result.body.expires_in, 3600);
			assert.ok(result.body.access_token.length >= 20);
		});

		test('grants only the requested scopes', async () => {
			const token = await enboarderToken(urls, { scope: 'api/workflow.basic' });
			const launch = await call(`${api}/restapi/v2/startwf/basic`, { headers: { Authorization: token }, json: launchBody() });
			assert.equal(launch.status, 200);
			const profile = await call(`${api}/restapi/v2/profile/1`, { headers: { Authorization: token } });
			assert.equal(profile.status, 403);
			assert.deepEqual(profile.body, { message: 'Insufficient scope', errorcode: 'FORBIDDEN' });
		});

		test('rejects a wrong or missing client with 401 invalid_client', async () => {
			const wrong = await call(urls.enboarderTokenUrl, {
				headers: { Authorization: basic(E.clientId, 'nope') },
				form: { grant_type: 'client_credentials' },
			});
			assert.equal(wrong.status, 401);
			assert.equal(wrong.body.error, 'invalid_client');
			const missing = await call(urls.enboarderTokenUrl, { form: { grant_type: 'client_credentials' } });
			assert.equal(missing.status, 401);
			assert.equal(missing.body.error, 'invalid_client');
		});

		test('rejects a scope the client lacks with 400 invalid_scope', async () => {
			const result = await call(urls.enboarderTokenUrl, {
				headers: { Authorization: basic(E.limitedClientId, E.limitedClientSecret) },
				form: { grant_type: 'client_credentials', scope: 'api/workflow.basic api/workflow.advance' },
			});
			assert.equal(result.status, 400);
			assert.equal(result.body.error, 'invalid_scope');
		});

		test('rejects another grant with 400 unsupported_grant_type', async () => {
			const result = await call(urls.enboarderTokenUrl, {
				headers: { Authorization: basic(E.clientId, E.clientSecret) },
				form: { grant_type: 'password', username: 'x', password: 'y' },
			});
			assert.equal(result.status, 400);
			assert.equal(result.body.error, 'unsupported_grant_type');
		});

		test('the ledger records token requests without secrets', async () => {
			const token = await enboarderToken(urls);
			const { requests } = await sandbox.control.ledger();
			assert.equal(requests.length, 1);
			assert.ok(requests[0].endedAt !== undefined && requests[0].endedAt >= requests[0].at, 'the end of an answered request is recorded');
			assert.deepEqual(
				{ ...requests[0], seq: 0, at: 0, endedAt: 0 },
				{ seq: 0, at: 0, endedAt: 0, vendor: 'enboarder', method: 'POST', path: '/oauth2/token', status: 200, kind: 'token', grant: 'client_credentials', auth: 'ok' },
			);
			const text = JSON.stringify(await sandbox.control.ledger());
			assert.ok(!text.includes(token) && !text.includes(E.clientSecret));
		});
	});

	describe('authentication', () => {
		test('v1 needs the apikey header: missing and wrong keys get 401', async () => {
			const missing = await call(`${api}/restapi/v1/profile/1`);
			assert.equal(missing.status, 401);
			assert.equal(typeof missing.body.message, 'string');
			const wrong = await call(`${api}/restapi/v1/profile/1`, { headers: { apikey: 'wrong' } });
			assert.equal(wrong.status, 401);
			const ok = await v1('/profile/1');
			assert.equal(ok.status, 200);
			const auth = (await sandbox.control.ledger()).requests.map((entry) => entry.auth);
			assert.deepEqual(auth, ['missing', 'invalid', 'ok']);
		});

		test('v1 does not take an OAuth token', async () => {
			const token = await enboarderToken(urls);
			const result = await call(`${api}/restapi/v1/profile/1`, { headers: { Authorization: token } });
			assert.equal(result.status, 401);
		});

		test('v2 takes the token without a Bearer prefix; with one it is 401', async () => {
			const token = await enboarderToken(urls);
			const bare = await call(`${api}/restapi/v2/profile/1`, { headers: { Authorization: token } });
			assert.equal(bare.status, 200);
			const bearer = await call(`${api}/restapi/v2/profile/1`, { headers: { Authorization: `Bearer ${token}` } });
			assert.equal(bearer.status, 401);
			const missing = await call(`${api}/restapi/v2/profile/1`);
			assert.equal(missing.status, 401);
			const unknown = await call(`${api}/restapi/v2/profile/1`, { headers: { Authorization: 'not-a-token' } });
			assert.equal(unknown.status, 401);
			const auth = (await sandbox.control.ledger()).requests.slice(1).map((entry) => entry.auth);
			assert.deepEqual(auth, ['ok', 'invalid', 'missing', 'invalid']);
		});

		test('v2 rejects an expired token with 401', async () => {
			await sandbox.control.setTokenLifetime('enboarder', 1);
			const token = await enboarderToken(urls);
			assert.equal((await call(`${api}/restapi/v2/profile/1`, { headers: { Authorization: token } })).status, 200);
			await sleep(1100);
			const expired = await call(`${api}/restapi/v2/profile/1`, { headers: { Authorization: token } });
			assert.equal(expired.status, 401);
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'expired');
		});

		test('v2 rejects a revoked token with 401', async () => {
			const token = await enboarderToken(urls);
			assert.deepEqual(await sandbox.control.revokeTokens('enboarder'), { revoked: 1 });
			const revoked = await call(`${api}/restapi/v2/profile/1`, { headers: { Authorization: token } });
			assert.equal(revoked.status, 401);
			assert.equal((await sandbox.control.ledger()).requests.at(-1)?.auth, 'revoked');
		});

		test('missing scopes get 403 Insufficient scope', async () => {
			const token = await enboarderToken(urls, { clientId: E.limitedClientId, clientSecret: E.limitedClientSecret });
			const advance = await call(`${api}/restapi/v2/startwf/advance`, { headers: { Authorization: token }, json: launchBody() });
			assert.equal(advance.status, 403);
			assert.deepEqual(advance.body, { message: 'Insufficient scope', errorcode: 'FORBIDDEN' });
			const profile = await call(`${api}/restapi/v2/profile`, { headers: { Authorization: token }, json: { firstName: 'a' } });
			assert.equal(profile.status, 403);
			const basicLaunch = await call(`${api}/restapi/v2/startwf/basic`, { headers: { Authorization: token }, json: launchBody() });
			assert.equal(basicLaunch.status, 200);
			const reports = await call(`${api}/reports/workflows`, { headers: { Authorization: token } });
			assert.equal(reports.status, 200, 'reports need any valid token');
			assert.equal((await sandbox.control.stats()).enboarder.status403, 2);
		});
	});

	describe('workflows', () => {
		test('launch (basic) answers ok with a reference id and records the workflow', async () => {
			const result = await v1('/startwf/basic', { json: launchBody({ customfields: [{ name: 'team', value: 'A' }] }) });
			assert.equal(result.status, 200);
			assert.equal(result.body.message, 'ok');
			assert.equal(typeof result.body.referenceid, 'string');
			const { records } = await sandbox.control.ledger();
			assert.deepEqual(
				records.map(({ vendor, type, id, externalId }) => ({ vendor, type, id, externalId })),
				[{ vendor: 'enboarder', type: 'enboarderWorkflow', id: result.body.referenceid, externalId: 'HR-1' }],
			);
		});

		test('a duplicate externalid is not rejected: it launches another workflow', async () => {
			const first = await v1('/startwf/basic', { json: launchBody() });
			const second = await v1('/startwf/basic', { json: launchBody() });
			assert.equal(first.status, 200);
			assert.equal(second.status, 200);
			assert.notEqual(first.body.referenceid, second.body.referenceid);
			const records = (await sandbox.control.ledger()).records.filter((record) => record.externalId === 'HR-1');
			assert.equal(records.length, 2);
		});

		test('launch needs nhnm, and nhmob or nheml (exact message), and a real start date', async () => {
			const noName = await v1('/startwf/basic', { json: launchBody({ nhnm: undefined }) });
			assert.equal(noName.status, 400);
			assert.match(noName.body.message, /nhnm/);
			const noContact = await v1('/startwf/basic', { json: launchBody({ nheml: undefined }) });
			assert.equal(noContact.status, 400);
			assert.deepEqual(noContact.body, { message: 'Atleast one of the fields is required ["nheml","nhmob","nhmobeml"]' });
			const mobileOnly = await v1('/startwf/basic', { json: launchBody({ nheml: undefined, nhmob: '+61400000000' }) });
			assert.equal(mobileOnly.status, 200);
			const badDate = await v1('/startwf/basic', { json: launchBody({ nhstdt: '2030-02-30' }) });
			assert.equal(badDate.status, 400);
			assert.match(badDate.body.message, /nhstdt/);
			const badFormat = await v1('/startwf/basic', { json: launchBody({ nhstdt: '15/01/2030' }) });
			assert.equal(badFormat.status, 400);
			const badEmail = await v1('/startwf/basic', { json: launchBody({ nheml: 'not-an-email' }) });
			assert.equal(badEmail.status, 400);
			assert.equal((await sandbox.control.ledger()).records.length, 1, 'only the valid launch created a workflow');
		});

		test('launch (advanced) takes managers and validates each', async () => {
			const token = await enboarderToken(urls);
			const managers = [
				{ nm: 'Max Manager', fnm: 'Max', lnm: 'Manager', eml: 'max@example.com', chnl: 'eml', mgrlbl: 'Manager' },
				{ externalid: 'EMP-0002', mgrlbl: 'Buddy' },
			];
			const ok = await call(`${api}/restapi/v2/startwf/advance`, {
				headers: { Authorization: token },
				json: launchBody({ managers, nhexternalid: 'EMP-0300' }),
			});
			assert.equal(ok.status, 200);
			assert.equal(ok.body.message, 'ok');
			const bad = await call(`${api}/restapi/v2/startwf/advance`, {
				headers: { Authorization: token },
				json: launchBody({ managers: [{ nm: 'No label', eml: 'x@example.com' }] }),
			});
			assert.equal(bad.status, 400);
			assert.match(bad.body.message, /managers\[0\]/);
			const notList = await v1('/startwf/advance', { json: launchBody({ managers: { nm: 'x' } }) });
			assert.equal(notList.status, 400);
		});

		test('updatewf changes an existing workflow; unknown externalid is 404', async () => {
			await v1('/startwf/basic', { json: launchBody() });
			const updated = await v1('/updatewf', { method: 'PUT', json: { externalid: 'HR-1', nhstdt: '2030-02-01' } });
			assert.equal(updated.status, 200);
			assert.equal(updated.body.message, 'ok');
			const unknown = await v1('/updatewf', { method: 'PUT', json: { externalid: 'nope' } });
			assert.equal(unknown.status, 404);
			assert.deepEqual(unknown.body, { message: 'Workflow not found' });
			const missing = await v1('/updatewf', { method: 'PUT', json: { nhstdt: '2030-02-01' } });
			assert.equal(missing.status, 400);
			const badDate = await v1('/updatewf', { method: 'PUT', json: { externalid: 'HR-1', nhstdt: '2030-13-01' } });
			assert.equal(badDate.status, 400);
		});

		test('cancelwf ALL, SELECTED and CANCEL_ALL', async () => {
			await v1('/startwf/basic', { json: launchBody({ externalid: 'C-1', customfields: [{ name: 'site', value: 'A' }] }) });
			await v1('/startwf/basic', { json: launchBody({ externalid: 'C-1', customfields: [{ name: 'site', value: 'B' }] }) });
			const selected = await v1('/cancelwf', {
				json: { externalid: 'C-1', comments: 'site A closed', mode: 'SELECTED', customfields: [{ name: 'site', value: 'A' }] },
			});
			assert.equal(selected.status, 200);
			assert.equal(selected.body.cancelled, 1);
			const all = await v1('/cancelwf', { json: { externalid: 'C-1', mode: 'ALL' } });
			assert.equal(all.body.cancelled, 1);
			const again = await v1('/cancelwf', { json: { externalid: 'C-1', mode: 'ALL' } });
			assert.equal(again.status, 200);
			assert.equal(again.body.cancelled, 0);

			// CANCEL_ALL: every active workflow of the same new hire (profile 2 has one seeded).
			await v1('/startwf/basic', { json: launchBody({ externalid: 'C-2', nheml: undefined, nhmob: '+61400000001', nhexternalid: 'EMP-0002' }) });
			const cancelAll = await v1('/cancelwf', { json: { externalid: 'C-2', mode: 'CANCEL_ALL' } });
			assert.equal(cancelAll.body.cancelled, 2);
			assert.equal((await v1('/profile/2/workflows')).body.count, 0);

			const badMode = await v1('/cancelwf', { json: { externalid: 'C-1', mode: 'SOME' } });
			assert.equal(badMode.status, 400);
			const unknown = await v1('/cancelwf', { json: { externalid: 'nope', mode: 'ALL' } });
			assert.equal(unknown.status, 404);
			assert.deepEqual(unknown.body, { message: 'Workflow not found' });
		});
	});

	describe('profiles', () => {
		const profileBody = (extra: Record<string, unknown> = {}) => ({
			firstName: 'Ada',
			lastName: 'Lovelace',
			externalid: 'NEW-1',
			contact: { email: 'ada@example.com', mobile: '+61400000009', preferred: 'email' },
			profilefields: [{ name: 'department', value: 'Engineering' }],
			...extra,
		});

		test('create answers Profile Created with an id; the profile can be read back', async () => {
			const created = await v1('/profile', { json: profileBody() });
			assert.equal(created.status, 200);
			assert.equal(created.body.message, 'Profile Created');
			assert.equal(typeof created.body.id, 'number');
			assert.deepEqual(created.body.warnings, []);
			const read = await v1(`/profile/${created.body.id}`);
			assert.equal(read.status, 200);
			assert.equal(read.body.externalid, 'NEW-1');
			assert.equal(read.body.contact.email, 'ada@example.com');
			const records = (await sandbox.control.ledger()).records;
			assert.deepEqual(records.map((record) => [record.type, record.id, record.externalId]), [['profile', String(created.body.id), 'NEW-1']]);
		});

		test('a duplicate externalid is 409 PROFILE_EXISTS', async () => {
			const result = await v1('/profile', { json: profileBody({ externalid: 'EMP-0001' }) });
			assert.equal(result.status, 409);
			assert.equal(result.body.errorcode, 'PROFILE_EXISTS');
			assert.ok(Array.isArray(result.body.errors) && Array.isArray(result.body.warnings));
		});

		test('missing and invalid fields are 400 MISSING_FIELDS / INVALID_FIELDS', async () => {
			const missing = await v1('/profile', { json: { contact: { email: 'x@example.com' } } });
			assert.equal(missing.status, 400);
			assert.equal(missing.body.errorcode, 'MISSING_FIELDS');
			assert.equal(missing.body.errors.length, 3);
			const invalid = await v1('/profile', { json: profileBody({ contact: { email: 'nope' }, profilePhoto: { imageType: 'gif', body: 'AAAA' } }) });
			assert.equal(invalid.status, 400);
			assert.equal(invalid.body.errorcode, 'INVALID_FIELDS');
			assert.equal(invalid.body.errors.length, 2);
		});

		test('warnings are fatal unless X-Enboarder-Warning: yes, which lists them', async () => {
			const body = profileBody({ profilefields: [{ name: 'shoeSize', value: '42' }] });
			const refused = await v1('/profile', { json: body });
			assert.equal(refused.status, 400);
			assert.equal(refused.body.errorcode, 'INVALID_FIELDS');
			assert.equal(refused.body.warnings.length, 1);
			const accepted = await v1('/profile', { json: body, headers: { 'X-Enboarder-Warning': 'yes' } });
			assert.equal(accepted.status, 200);
			assert.equal(accepted.body.message, 'Profile Created');
			assert.equal(accepted.body.warnings.length, 1);
			assert.match(accepted.body.warnings[0], /shoeSize/);
		});

		test('update, get and delete by id; unknown ids are 404 PROFILE_NOT_EXISTS', async () => {
			const id = F.idleProfileId;
			const updated = await v1(`/profile/${id}`, { method: 'PUT', json: { lastName: 'Hopper', contact: { email: 'grace@example.com' } } });
			assert.equal(updated.status, 200);
			assert.equal(updated.body.id, id);
			const read = await v1(`/profile/${id}`);
			assert.equal(read.body.lastName, 'Hopper');
			assert.equal(read.body.contact.email, 'grace@example.com');
			const clash = await v1(`/profile/${id}`, { method: 'PUT', json: { externalid: 'EMP-0001' } });
			assert.equal(clash.status, 409);
			const deleted = await v1(`/profile/${id}`, { method: 'DELETE' });
			assert.equal(deleted.status, 200);
			for (const method of ['GET', 'PUT', 'DELETE']) {
				const gone = await v1(`/profile/${id}`, { method, ...(method === 'PUT' ? { json: { lastName: 'x' } } : {}) });
				assert.equal(gone.status, 404, method);
				assert.equal(gone.body.errorcode, 'PROFILE_NOT_EXISTS');
			}
			assert.equal((await v1('/profile/abc')).status, 404);
		});

		test('deleting a profile with active workflows is 409 ACTIVE_PROFILE', async () => {
			const result = await v1(`/profile/${F.profileWithActiveWorkflowId}`, { method: 'DELETE' });
			assert.equal(result.status, 409);
			assert.equal(result.body.errorcode, 'ACTIVE_PROFILE');
		});

		test("a profile's workflows: 200 with the list, 206 with the first 10 when more than 10 are active", async () => {
			const busy = await v1(`/profile/${F.busyProfileId}/workflows`);
			assert.equal(busy.status, 206);
			assert.equal(busy.body.count, F.busyProfileActiveWorkflows);
			assert.equal(busy.body.items.length, 10);
			const one = await v1(`/profile/${F.profileWithActiveWorkflowId}/workflows`);
			assert.equal(one.status, 200);
			assert.equal(one.body.items.length, 1);
			assert.equal(one.body.items[0].status, 'active');
			const none = await v1(`/profile/${F.idleProfileId}/workflows`);
			assert.deepEqual([none.status, none.body], [200, { count: 0, items: [] }]);
			await v1('/startwf/basic', { json: launchBody({ externalid: 'L-1', nhexternalid: 'EMP-0300' }) });
			const launched = await v1(`/profile/${F.idleProfileId}/workflows`);
			assert.equal(launched.body.items[0].externalid, 'L-1');
			assert.equal((await v1('/profile/99999/workflows')).status, 404);
		});
	});

	describe('reports', () => {
		test('lists workflow and form reports as {count, items:[{id, name, isActive}]}', async () => {
			for (const [kind, count] of [['workflows', F.workflowReportCount], ['forms', F.formReportCount]] as const) {
				const result = await call(`${api}/reports/${kind}`, { headers: apiKeyHeader });
				assert.equal(result.status, 200);
				assert.equal(result.body.count, count);
				assert.equal(result.body.items.length, count);
				for (const item of result.body.items) {
					assert.deepEqual(Object.keys(item).sort(), ['id', 'isActive', 'name']);
				}
			}
		});

		test('reports accept the API key or the OAuth token, and nothing else', async () => {
			const token = await enboarderToken(urls);
			assert.equal((await call(`${api}/reports/forms`, { headers: { Authorization: token } })).status, 200);
			assert.equal((await call(`${api}/reports/forms`)).status, 401);
			assert.equal((await call(`${api}/reports/forms`, { headers: { apikey: 'wrong' } })).status, 401);
			assert.equal((await call(`${api}/reports/forms`, { headers: { Authorization: 'wrong' } })).status, 401);
		});

		test('properties are {count, items:[{name, label, type}]}', async () => {
			const result = await call(`${api}/reports/workflows/${F.largeWorkflowReportId}/properties`, { headers: apiKeyHeader });
			assert.equal(result.status, 200);
			assert.equal(result.body.count, result.body.items.length);
			for (const item of result.body.items) assert.deepEqual(Object.keys(item).sort(), ['label', 'name', 'type']);
			const forms = await call(`${api}/reports/forms/${F.largeFormReportId}/properties`, { headers: apiKeyHeader });
			assert.equal(forms.status, 200);
		});

		test('data pages through 5,000 rows, 500 a page, each row exactly once', async () => {
			const seen = new Set<string>();
			let pages = 0;
			let nextKey: string | undefined;
			do {
				const query = nextKey ? `?nextKey=${encodeURIComponent(nextKey)}` : '';
				const page = await call(`${api}/reports/workflows/${F.largeWorkflowReportId}/data${query}`, { headers: apiKeyHeader });
				assert.equal(page.status, 200);
				assert.equal(page.body.items.length, 500);
				assert.equal(page.body.count, 500);
				for (const row of page.body.items) {
					assert.ok(!seen.has(row.id), `row ${row.id} seen twice`);
					seen.add(row.id);
				}
				nextKey = page.body.nextKey;
				if (nextKey) assert.match(nextKey, /^[A-Za-z0-9_-]+$/);
				pages++;
			} while (nextKey);
			assert.equal(pages, 10);
			assert.equal(seen.size, F.largeWorkflowReportRows);
		});

		test('the form report with 1,200 rows has three pages; the same seed gives the same rows', async () => {
			const path = `${api}/reports/forms/${F.largeFormReportId}/data`;
			const first = await call(path, { headers: apiKeyHeader });
			const second = await call(`${path}?nextKey=${first.body.nextKey}`, { headers: apiKeyHeader });
			const third = await call(`${path}?nextKey=${second.body.nextKey}`, { headers: apiKeyHeader });
			assert.deepEqual([first.body.count, second.body.count, third.body.count], [500, 500, 200]);
			assert.equal(third.body.nextKey, undefined);
			const again = await call(path, { headers: apiKeyHeader });
			assert.deepEqual(again.body.items, first.body.items);
		});

		test('an invalid nextKey is 400; an unknown report is 404 Report not found', async () => {
			for (const key of ['garbage!', 'eyJ4IjoxfQ', Buffer.from(JSON.stringify({ r: 'wf-offboarding', o: 500 })).toString('base64url')]) {
				const result = await call(`${api}/reports/workflows/${F.largeWorkflowReportId}/data?nextKey=${encodeURIComponent(key)}`, { headers: apiKeyHeader });
				assert.equal(result.status, 400, key);
			}
			for (const path of ['/reports/workflows/nope/data', '/reports/workflows/nope/properties', `/reports/forms/${F.largeWorkflowReportId}/data`]) {
				const result = await call(`${api}${path}`, { headers: apiKeyHeader });
				assert.equal(result.status, 404, path);
				assert.deepEqual(result.body, { message: 'Report not found' });
			}
		});

		test('seedEnboarderReportRows sets the row count', async () => {
			await sandbox.control.seedEnboarderReportRows('wf-offboarding', 501);
			const first = await call(`${api}/reports/workflows/wf-offboarding/data`, { headers: apiKeyHeader });
			const second = await call(`${api}/reports/workflows/wf-offboarding/data?nextKey=${first.body.nextKey}`, { headers: apiKeyHeader });
			assert.deepEqual([first.body.count, second.body.count, second.body.nextKey], [500, 1, undefined]);
			await sandbox.control.seedEnboarderReportRows('wf-offboarding', 0);
			const empty = await call(`${api}/reports/workflows/wf-offboarding/data`, { headers: apiKeyHeader });
			assert.deepEqual(empty.body, { count: 0, items: [] });
		});
	});

	test('unknown routes are 404 in the Enboarder shape', async () => {
		const result = await call(`${api}/restapi/v1/nothing`, { headers: apiKeyHeader });
		assert.equal(result.status, 404);
		assert.equal(typeof result.body.message, 'string');
		assert.equal((await call(`${api}/restapi/v3/profile/1`, { headers: apiKeyHeader })).status, 404);
	});
});
