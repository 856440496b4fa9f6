/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DEMO_CREDENTIALS, SEED_FACTS } from '../../sandbox';
import { packageTypes, runWorkflow, type RunResult } from '../harness';
import { AUTHENTICATIONS, REST_PREFIX, enboarderWorkflow, useEnboarderSandbox, type Authentication } from './support/enboarder';

const FACTS = SEED_FACTS.enboarder;
const NODE = 'Profile';

/** A real 1×1 PNG and the first bytes of a JPEG and a PDF: the node reads the type from the bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const NEW_HIRE = {
	firstName: 'Ada',
	lastName: 'Lovelace',
	externalId: 'NEW-0001',
	additionalFields: {
		email: 'ada.lovelace@example.com',
		mobile: '+61 412 345 678',
		preferred: 'mobile',
		profileFields: {
			field: [
				{ name: 'department', value: 'Engineering' },
				{ name: 'startDate', value: '2026-03-02T09:00:00' },
			],
		},
	},
};

const notFound = (id: number | string) => `Enboarder rejected the request (PROFILE_NOT_EXISTS): Profile ${id} does not exist`;
const WARNINGS_REFUSED = 'Enboarder rejected the request (INVALID_FIELDS): The profile has warnings; send X-Enboarder-Warning: yes to accept them';

describe('Enboarder › Profile (engine, sandbox)', () => {
	const suite = useEnboarderSandbox();

	async function run(authentication: Authentication, parameters: IDataObject, settings: IDataObject = {}, input?: IDataObject[]): Promise<RunResult> {
		return await runWorkflow(enboarderWorkflow(NODE, authentication, { resource: 'profile', ...parameters }, settings), { credentials: suite.credentials, input });
	}

	/** Runs with one input item carrying `file` as its binary property `property`. */
	async function runWithFile(authentication: Authentication, parameters: IDataObject, property: string, file: { data: Buffer; mimeType: string; fileName: string }): Promise<RunResult> {
		const workflow = enboarderWorkflow(NODE, authentication, { resource: 'profile', ...parameters });
		workflow.pinData = { Start: [{ json: {}, binary: { [property]: { data: file.data.toString('base64'), mimeType: file.mimeType, fileName: file.fileName } } }] };
		return await runWorkflow(workflow, { credentials: suite.credentials });
	}

	async function succeeded(result: RunResult): Promise<IDataObject[]> {
		assert.equal(result.status, 'success', result.error?.message);
		return result.output(NODE).map((item) => item.json);
	}

	async function failed(result: RunResult, message: string): Promise<void> {
		assert.equal(result.status, 'error');
		assert.equal(result.nodeError(NODE)?.message, message);
	}

	const hints = (result: RunResult) => (result.run.data.resultData.runData[NODE]?.at(-1)?.hints ?? []).map((hint) => hint.message);

	/** The vendor requests the node made (token requests left out), as [method, path, status]. */
	const apiCalls = async () =>
		(await suite.sandbox.control.ledger()).requests.filter((r) => r.kind === 'api').map((r) => [r.method, r.path, r.status]);

	const profilesCreated = async () => (await suite.sandbox.control.ledger()).records.filter((r) => r.vendor === 'enboarder' && r.type === 'profile');

	/** Launches a basic workflow for the new hire with this email, straight at the sandbox's API. */
	async function launchWorkflowFor(email: string, externalid: string): Promise<string> {
		const response = await fetch(`${suite.urls.enboarder}/restapi/v1/startwf/basic`, {
			method: 'POST',
			headers: { apikey: DEMO_CREDENTIALS.enboarder.apiKey, 'Content-Type': 'application/json' },
			body: JSON.stringify({ nhnm: 'Ada Lovelace', nheml: email, externalid, mode: 0 }),
		});
		assert.equal(response.status, 200);
		return String(((await response.json()) as IDataObject).referenceid);
	}

	for (const authentication of AUTHENTICATIONS) {
		const prefix = REST_PREFIX[authentication];
		describe(`with ${authentication === 'apiKey' ? 'the API key' : 'OAuth2 client credentials'}`, () => {
			test('create: a new profile with contact and profile fields (a date field as YYYY-MM-DD); Get returns what was sent', async () => {
				const [created] = await succeeded(await run(authentication, { operation: 'create', ...NEW_HIRE }));
				assert.deepEqual(created, { message: 'Profile Created', id: FACTS.profileCount + 1, warnings: [] });
				assert.deepEqual(await apiCalls(), [['POST', `${prefix}/profile`, 200]]);
				assert.deepEqual(
					(await profilesCreated()).map((r) => [r.id, r.externalId]),
					[[String(FACTS.profileCount + 1), 'NEW-0001']],
				);

				const [profile] = await succeeded(await run(authentication, { operation: 'get', profileId: String(created.id) }));
				assert.equal(profile.firstName, 'Ada');
				assert.equal(profile.lastName, 'Lovelace');
				assert.equal(profile.externalid, 'NEW-0001');
				assert.deepEqual(profile.contact, { email: 'ada.lovelace@example.com', mobile: '+61 412 345 678', preferred: 'mobile' });
				assert.deepEqual(profile.profilefields, [
					{ name: 'department', value: 'Engineering' },
					{ name: 'startDate', value: '2026-03-02' },
				]);
				assert.equal(profile.profilePhoto, null);
			});

			test('create with an External ID Enboarder already has: its PROFILE_EXISTS error, nothing created', async () => {
				const result = await run(authentication, { operation: 'create', ...NEW_HIRE, externalId: 'EMP-0001' });
				await failed(result, 'Enboarder rejected the request (PROFILE_EXISTS): A profile with externalid EMP-0001 already exists');
				assert.equal((result.nodeError(NODE) as { httpCode?: string }).httpCode, '409');
				assert.deepEqual(await apiCalls(), [['POST', `${prefix}/profile`, 409]]);
				assert.equal((await profilesCreated()).length, 0);
			});

			test('create twice with the same External ID: the second is refused with PROFILE_EXISTS', async () => {
				await succeeded(await run(authentication, { operation: 'create', ...NEW_HIRE }));
				await failed(
					await run(authentication, { operation: 'create', ...NEW_HIRE }),
					'Enboarder rejected the request (PROFILE_EXISTS): A profile with externalid NEW-0001 already exists',
				);
				assert.equal((await profilesCreated()).length, 1);
			});

			test('get: a seeded profile, from the path for this authentication', async () => {
				const [profile] = await succeeded(await run(authentication, { operation: 'get', profileId: String(FACTS.idleProfileId) }));
				assert.equal(profile.id, FACTS.idleProfileId);
				assert.equal(profile.externalid, `EMP-0${FACTS.idleProfileId}`);
				assert.deepEqual(await apiCalls(), [['GET', `${prefix}/profile/${FACTS.idleProfileId}`, 200]]);
			});

			test('get an unknown profile: PROFILE_NOT_EXISTS', async () => {
				const result = await run(authentication, { operation: 'get', profileId: '999999' });
				await failed(result, notFound(999999));
				assert.equal((result.nodeError(NODE) as { httpCode?: string }).httpCode, '404');
			});

			test('update: only the chosen fields change; a new mobile keeps the email', async () => {
				const id = String(FACTS.idleProfileId);
				const [before] = await succeeded(await run(authentication, { operation: 'get', profileId: id }));
				const [updated] = await succeeded(
					await run(authentication, { operation: 'update', profileId: id, updateFields: { lastName: 'Renamed', mobile: '+61400000000', preferred: 'mobile' } }),
				);
				assert.deepEqual(updated, { message: 'Profile Updated', id: FACTS.idleProfileId, warnings: [] });
				const [after] = await succeeded(await run(authentication, { operation: 'get', profileId: id }));
				assert.equal(after.lastName, 'Renamed');
				assert.equal(after.firstName, before.firstName);
				assert.deepEqual(after.contact, { email: (before.contact as IDataObject).email, mobile: '+61400000000', preferred: 'mobile' });
				assert.deepEqual(after.profilefields, before.profilefields);
				assert.deepEqual((await apiCalls())[1], ['PUT', `${prefix}/profile/${id}`, 200]);
			});

			test('update an unknown profile: PROFILE_NOT_EXISTS', async () => {
				await failed(await run(authentication, { operation: 'update', profileId: '999999', updateFields: { firstName: 'Nobody' } }), notFound(999999));
				assert.deepEqual(await apiCalls(), [['PUT', `${prefix}/profile/999999`, 404]]);
			});

			test("update to another profile's External ID: PROFILE_EXISTS", async () => {
				await failed(
					await run(authentication, { operation: 'update', profileId: String(FACTS.idleProfileId), updateFields: { externalId: 'EMP-0001' } }),
					'Enboarder rejected the request (PROFILE_EXISTS): A profile with externalid EMP-0001 already exists',
				);
			});

			test('delete: a profile without workflows is gone afterwards', async () => {
				const id = String(FACTS.idleProfileId);
				const [deleted] = await succeeded(await run(authentication, { operation: 'delete', profileId: id }));
				assert.deepEqual(deleted, { message: 'Profile Deleted', id: FACTS.idleProfileId });
				assert.deepEqual(await apiCalls(), [['DELETE', `${prefix}/profile/${id}`, 200]]);
				await failed(await run(authentication, { operation: 'get', profileId: id }), notFound(id));
			});

			test('delete whose answer is lost after Enboarder applied it: looked up, found gone, reported deleted — not sent twice', async () => {
				const id = String(FACTS.idleProfileId);
				await suite.sandbox.control.setFaults([{ vendor: 'enboarder', method: 'DELETE', path: '/restapi/', kind: 'drop-after', probability: 1 }]);
				const [deleted] = await succeeded(await run(authentication, { operation: 'delete', profileId: id, options: { maxRetryWaitSeconds: 1 } }));
				assert.deepEqual(deleted, { message: 'Profile Deleted', id: FACTS.idleProfileId });
				const calls = await apiCalls();
				assert.equal(calls.filter(([method]) => method === 'DELETE').length, 1, JSON.stringify(calls));
				assert.deepEqual(calls.at(-1), ['GET', `${prefix}/profile/${id}`, 404]);
			});

			test('delete a profile with an active workflow: ACTIVE_PROFILE, and it stays', async () => {
				const id = String(FACTS.profileWithActiveWorkflowId);
				const result = await run(authentication, { operation: 'delete', profileId: id });
				await failed(result, 'Enboarder rejected the request (ACTIVE_PROFILE): The profile has 1 active workflow(s) and cannot be deleted');
				assert.equal((result.nodeError(NODE) as { httpCode?: string }).httpCode, '409');
				await succeeded(await run(authentication, { operation: 'get', profileId: id }));
			});

			test('delete an unknown profile: PROFILE_NOT_EXISTS', async () => {
				await failed(await run(authentication, { operation: 'delete', profileId: '999999' }), notFound(999999));
			});

			test('list workflows (200): one item per active workflow, saying there are no more', async () => {
				const [created] = await succeeded(await run(authentication, { operation: 'create', ...NEW_HIRE }));
				const launched = [await launchWorkflowFor('ada.lovelace@example.com', 'ADA-WF-1'), await launchWorkflowFor('ada.lovelace@example.com', 'ADA-WF-2')];
				const result = await run(authentication, { operation: 'listWorkflows', profileId: String(created.id) });
				const items = await succeeded(result);
				assert.deepEqual(
					items.map((item) => [item.referenceid, item.externalid, item.status]),
					[
						[launched[0], 'ADA-WF-1', 'active'],
						[launched[1], 'ADA-WF-2', 'active'],
					],
				);
				for (const item of items) {
					assert.equal(item.profileId, created.id);
					assert.equal(item.activeWorkflowCount, 2);
					assert.equal(item.moreActiveWorkflows, false);
				}
				assert.deepEqual(hints(result), []);
				const calls = await apiCalls();
				assert.deepEqual(calls.at(-1), ['GET', `${prefix}/profile/${created.id}/workflows`, 200]);
			});

			test('list workflows of the busy profile (206): the 10 that came, each saying there are 12, and a hint', async () => {
				const result = await run(authentication, { operation: 'listWorkflows', profileId: String(FACTS.busyProfileId) });
				const items = await succeeded(result);
				assert.equal(items.length, 10);
				assert.equal(new Set(items.map((item) => item.referenceid)).size, 10);
				for (const item of items) {
					assert.equal(item.moreActiveWorkflows, true);
					assert.equal(item.activeWorkflowCount, FACTS.busyProfileActiveWorkflows);
					assert.equal(item.status, 'active');
				}
				assert.deepEqual(hints(result), [
					`Item 1: profile ${FACTS.busyProfileId} has ${FACTS.busyProfileActiveWorkflows} active workflows; Enboarder lists only the first 10`,
				]);
				assert.deepEqual(await apiCalls(), [['GET', `${prefix}/profile/${FACTS.busyProfileId}/workflows`, 206]]);
			});

			test('list workflows of a profile without any: no items', async () => {
				const result = await run(authentication, { operation: 'listWorkflows', profileId: String(FACTS.idleProfileId) });
				assert.deepEqual(await succeeded(result), []);
			});

			test('list workflows of an unknown profile: PROFILE_NOT_EXISTS', async () => {
				await failed(await run(authentication, { operation: 'listWorkflows', profileId: '999999' }), notFound(999999));
			});

			test('warnings: refused without Accept Warnings (the error lists them), accepted with it (output and hint)', async () => {
				const parameters = {
					operation: 'create',
					firstName: 'No',
					lastName: 'Contact',
					externalId: 'NEW-WARN',
					additionalFields: { profileFields: { field: [{ name: 'shoeSize', value: '44' }] } },
				};
				const refused = await run(authentication, parameters);
				await failed(refused, WARNINGS_REFUSED);
				assert.equal(
					refused.nodeError(NODE)?.description,
					'Warnings: Unknown profile field shoeSize was ignored; The profile has no contact email or mobile; it will not receive notifications\n' +
						'Turn on Accept Warnings to save the profile anyway.',
				);
				assert.equal((await profilesCreated()).length, 0);

				const accepted = await run(authentication, { ...parameters, acceptWarnings: true });
				const [created] = await succeeded(accepted);
				assert.deepEqual(created, {
					message: 'Profile Created',
					id: FACTS.profileCount + 1,
					warnings: ['Unknown profile field shoeSize was ignored', 'The profile has no contact email or mobile; it will not receive notifications'],
				});
				assert.deepEqual(hints(accepted), [
					'Item 1: Enboarder saved the profile with warnings: Unknown profile field shoeSize was ignored; The profile has no contact email or mobile; it will not receive notifications',
				]);
				assert.equal((await profilesCreated()).length, 1);
			});

			test('warnings on update: refused without Accept Warnings, saved with it', async () => {
				const parameters = { operation: 'update', profileId: String(FACTS.idleProfileId), updateFields: { profileFields: { field: [{ name: 'favouriteColour', value: 'green' }] } } };
				await failed(await run(authentication, parameters), WARNINGS_REFUSED);
				const [updated] = await succeeded(await run(authentication, { ...parameters, acceptWarnings: true }));
				assert.deepEqual(updated.warnings, ['Unknown profile field favouriteColour was ignored']);
			});

			test('photo from a binary property: a PNG is stored as png; a JPEG on update as jpg', async () => {
				const [created] = await succeeded(
					await runWithFile(authentication, { operation: 'create', ...NEW_HIRE, additionalFields: { ...NEW_HIRE.additionalFields, photoBinaryProperty: 'photo' } }, 'photo', {
						data: PNG,
						mimeType: 'image/png',
						fileName: 'ada.png',
					}),
				);
				const [profile] = await succeeded(await run(authentication, { operation: 'get', profileId: String(created.id) }));
				assert.deepEqual(profile.profilePhoto, { imageType: 'png' });

				await succeeded(
					await runWithFile(authentication, { operation: 'update', profileId: String(created.id), updateFields: { photoBinaryProperty: 'data' } }, 'data', {
						data: JPEG,
						mimeType: 'image/jpeg',
						fileName: 'ada.jpg',
					}),
				);
				const [after] = await succeeded(await run(authentication, { operation: 'get', profileId: String(created.id) }));
				assert.deepEqual(after.profilePhoto, { imageType: 'jpg' });
			});

			test('photo: a PDF is refused before any request, even when named .png', async () => {
				const withPhoto = { operation: 'create', ...NEW_HIRE, additionalFields: { ...NEW_HIRE.additionalFields, photoBinaryProperty: 'data' } };
				await failed(
					await runWithFile(authentication, withPhoto, 'data', { data: PDF, mimeType: 'application/pdf', fileName: 'contract.pdf' }),
					'Item 1: Photo Binary Property must hold a JPG or PNG image (got application/pdf, contract.pdf)',
				);
				await failed(
					await runWithFile(authentication, withPhoto, 'data', { data: PDF, mimeType: 'image/png', fileName: 'photo.png' }),
					'Item 1: Photo Binary Property must hold a JPG or PNG image (got image/png, photo.png)',
				);
				const missing = await runWithFile(authentication, withPhoto, 'picture', { data: PNG, mimeType: 'image/png', fileName: 'ada.png' });
				await failed(missing, 'Item 1: Photo Binary Property "data" names no file in the input item');
				assert.equal(missing.nodeError(NODE)?.description, 'The item has these binary properties: picture');
				assert.deepEqual(await apiCalls(), []);
			});

			const refused: Array<[string, IDataObject, string]> = [
				['create without a first name (an expression that came out empty)', { operation: 'create', ...NEW_HIRE, firstName: '={{ $json.missing ?? "" }}' }, 'Item 1: First Name is required'],
				['create without an External ID', { operation: 'create', ...NEW_HIRE, externalId: '  ' }, 'Item 1: External ID is required'],
				[
					'create with a malformed email',
					{ operation: 'create', ...NEW_HIRE, additionalFields: { email: 'ada.example.com' } },
					'Item 1: Email must be an email address such as name@email.com',
				],
				[
					'create with a malformed mobile',
					{ operation: 'create', ...NEW_HIRE, additionalFields: { mobile: 'call me' } },
					'Item 1: Mobile must be a mobile number such as +61412345678 (digits, optionally a leading +, spaces, dashes or brackets)',
				],
				[
					'create with a preferred contact Enboarder does not have',
					{ operation: 'create', ...NEW_HIRE, additionalFields: { preferred: '={{ "fax" }}' } },
					'Item 1: Preferred Contact must be Email or Mobile',
				],
				[
					'create with a profile field without a name',
					{ operation: 'create', ...NEW_HIRE, additionalFields: { profileFields: { field: [{ name: 'team', value: 'A' }, { name: ' ', value: 'B' }] } } },
					'Item 1: Profile Fields entry 2 needs a name',
				],
				[
					'create with a start date that is no date',
					{ operation: 'create', ...NEW_HIRE, additionalFields: { profileFields: { field: [{ name: 'startDate', value: 'next Monday' }] } } },
					'Item 1: Profile Field startDate must be a date such as 2026-12-01 (got "next Monday")',
				],
				['get with a Profile ID that is no number', { operation: 'get', profileId: 'abc' }, 'Item 1: Profile ID must be a number such as 1042 (got "abc")'],
				['delete without a Profile ID (an expression that came out empty)', { operation: 'delete', profileId: '={{ $json.missing ?? "" }}' }, 'Item 1: Profile ID is required'],
				['list workflows with a negative Profile ID', { operation: 'listWorkflows', profileId: '-1' }, 'Item 1: Profile ID must be a number such as 1042 (got "-1")'],
				['update with nothing to change', { operation: 'update', profileId: '300', updateFields: {} }, 'Item 1: choose at least one field to update'],
				['update with a malformed email', { operation: 'update', profileId: '300', updateFields: { email: 'nobody@' } }, 'Item 1: Email must be an email address such as name@email.com'],
				['update with a Profile ID that is no number', { operation: 'update', profileId: '12a', updateFields: { firstName: 'X' } }, 'Item 1: Profile ID must be a number such as 1042 (got "12a")'],
			];
			for (const [name, parameters, message] of refused) {
				test(`${name} is refused before any request`, async () => {
					await failed(await run(authentication, parameters), message);
					assert.equal((await suite.sandbox.control.ledger()).requests.length, 0);
				});
			}

			test('Continue on Fail: bad items become error items paired to their input, the others succeed', async () => {
				const result = await run(authentication, { operation: 'get', profileId: '={{ $json.id }}' }, { onError: 'continueRegularOutput' }, [
					{ id: FACTS.idleProfileId },
					{ id: 'abc' },
					{ id: 999999 },
					{ id: FACTS.idleProfileId - 1 },
				]);
				assert.equal(result.status, 'success', result.error?.message);
				const items: INodeExecutionData[] = result.output(NODE);
				assert.deepEqual(
					items.map((item) => item.pairedItem),
					[{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }],
				);
				assert.equal(items[0].json.id, FACTS.idleProfileId);
				assert.equal(items[1].json.error, 'Item 2: Profile ID must be a number such as 1042 (got "abc")');
				assert.equal(items[2].json.error, notFound(999999));
				assert.equal(items[3].json.id, FACTS.idleProfileId - 1);
				assert.deepEqual(
					(await apiCalls()).map(([method, path]) => [method, path]).sort(),
					[FACTS.idleProfileId, 999999, FACTS.idleProfileId - 1].map((id) => ['GET', `${prefix}/profile/${id}`]).sort(),
				);
			});

			test('Continue on Fail on create: the duplicate fails alone, the others are created', async () => {
				const result = await run(
					authentication,
					{ operation: 'create', firstName: '={{ $json.first }}', lastName: 'Hire', externalId: '={{ $json.ref }}', additionalFields: { email: '={{ $json.email }}' } },
					{ onError: 'continueRegularOutput' },
					[
						{ first: 'One', ref: 'NEW-1', email: 'one@example.com' },
						{ first: 'Two', ref: 'EMP-0002', email: 'two@example.com' },
						{ first: 'Three', ref: 'NEW-3', email: 'three@example.com' },
					],
				);
				const items = await succeeded(result);
				assert.equal(items[0].message, 'Profile Created');
				assert.equal(items[1].error, 'Enboarder rejected the request (PROFILE_EXISTS): A profile with externalid EMP-0002 already exists');
				assert.equal(items[2].message, 'Profile Created');
				assert.deepEqual(
					result.output(NODE).map((item) => item.pairedItem),
					[{ item: 0 }, { item: 1 }, { item: 2 }],
				);
				assert.deepEqual((await profilesCreated()).map((r) => r.externalId).sort(), ['NEW-1', 'NEW-3']);
			});
		});
	}

	test('the operation list reads as actions and is complete', () => {
		const enboarder = packageTypes().nodeTypes.getByNameAndVersion('n8n-nodes-token-connectors.enboarder');
		const operation = enboarder.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'profile');
		assert.deepEqual(
			operation?.options?.map((o) => [(o as { value: string }).value, (o as { action: string }).action]),
			[
				['create', 'Create a profile'],
				['delete', 'Delete a profile'],
				['get', 'Get a profile'],
				['listWorkflows', 'List the workflows of a profile'],
				['update', 'Update a profile'],
			],
		);
	});
});
