/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, SEED_FACTS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { HarnessCredentialsHelper, resetTokenState, runWorkflow } from '../harness';
import { AUTHENTICATIONS, ENBOARDER_CREDENTIALS, enboarderWorkflow, type Authentication } from '../engine/support/enboarder';
import {
	PROPERTY_RUNS,
	PROPERTY_SEED,
	blank,
	checkOperation,
	dates,
	emails,
	field,
	group,
	list,
	notDates,
	notEmails,
	notText,
	options,
	words,
	type Drawn,
	type Part,
	type PropertyEnvironment,
	type PropertySpec,
} from './support';

const NODE = 'Enboarder';
const $ = (name: string) => `={{ $json.${name} }}`;
const FACTS = SEED_FACTS.enboarder;

const mobiles = fc.stringMatching(/^\+?[1-9][0-9]{7,12}$/);
const notMobiles = fc.constantFrom('phone', '12', '+', '++61412345678', 'call me', '0412 345 678 ext 9 x');
const channels = fc.constantFrom('eml', 'mob');
const notChannels = fc.constantFrom('sms', 'email', 'EML');
const given = (value: unknown) => typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');

/** The case's authentication and the entry counts of its list parameters: cases of one shape run together. */
const shape = (authentication: Authentication, ...counts: number[]) => [authentication, ...counts].join('|');
const shapeOf = (text: string) => {
	const [authentication, ...counts] = text.split('|');
	return { authentication: authentication as Authentication, counts: counts.map(Number) };
};
const authentication = fc.constantFrom(...AUTHENTICATIONS);

/** `count` entries of a fixedCollection list, each value read from the case's `path[i].name`. */
const entries = (path: string, count: number, names: string[]) => Array.from({ length: count }, (_, i) => Object.fromEntries(names.map((name) => [name, `={{ $json.${path}[${i}].${name} }}`])));

const customField = group({
	name: field('Custom Fields', words(20), fc.oneof(blank, notText)),
	value: field('Custom Fields', fc.oneof(words(20), fc.integer(), fc.boolean(), fc.constant(null)), fc.constantFrom({}, [1])),
});
const customFields = (counts: number[]) => fc.constantFrom(...counts).chain((count) => list(customField, { minLength: count, maxLength: count }));

describe(`Enboarder: every operation's parameters, ${PROPERTY_RUNS} generated cases each (seed ${PROPERTY_SEED})`, () => {
	const suite = {} as { sandbox: Sandbox; credentials: HarnessCredentialsHelper };
	let env: PropertyEnvironment;
	let deletable: number[] = [];
	let launched: string[] = [];
	after(async () => await suite.sandbox?.close());

	before(async () => {
		suite.sandbox = await startSandbox({ port: 0 });
		const urls = vendorBaseUrls(suite.sandbox.url);
		suite.credentials = new HarnessCredentialsHelper();
		const demo = DEMO_CREDENTIALS.enboarder;
		await suite.credentials.add({ ...ENBOARDER_CREDENTIALS.apiKey, data: { region: 'custom', baseUrl: urls.enboarder, apiKey: demo.apiKey } });
		await suite.credentials.add({
			...ENBOARDER_CREDENTIALS.oAuth2,
			data: { region: 'custom', baseUrl: urls.enboarder, tokenUrl: urls.enboarderTokenUrl, clientId: demo.clientId, clientSecret: demo.clientSecret },
		});
		resetTokenState();
		env = {
			sandbox: suite.sandbox,
			credentials: suite.credentials,
			workflow: (parameters, settings) => {
				const { authentication: chosen, ...rest } = parameters;
				return enboarderWorkflow(NODE, (chosen as Authentication | undefined) ?? 'apiKey', rest, settings);
			},
			nodeName: NODE,
		};
		const run = async (parameters: IDataObject, input: IDataObject[]) => {
			const result = await runWorkflow(enboarderWorkflow(NODE, 'apiKey', parameters), { credentials: suite.credentials, input });
			assert.equal(result.status, 'success', result.error?.message);
			return result.output(NODE).map((item) => item.json);
		};
		const profiles = await run(
			{ resource: 'profile', operation: 'create', firstName: 'Delete', lastName: '={{ $json.n }}', externalId: '={{ "DEL-" + $json.n }}', additionalFields: { email: 'delete.me@example.com' }, acceptWarnings: true },
			Array.from({ length: PROPERTY_RUNS }, (_, n) => ({ n: `${PROPERTY_SEED}-${n}` })),
		);
		deletable = profiles.map((profile) => Number(profile.id));
		launched = Array.from({ length: PROPERTY_RUNS * 2 }, (_, n) => `SETUP-${PROPERTY_SEED}-${n}`);
		await run(
			{
				resource: 'workflow',
				operation: 'launch',
				newHireName: 'Setup Hire',
				newHireEmail: 'setup.hire@example.com',
				newHireChannel: 'eml',
				workflowExternalId: '={{ $json.id }}',
				skipIfLaunched: true,
				workflowCustomFields: { field: [{ name: 'location', value: 'Sydney' }] },
				additionalFields: {},
			},
			launched.map((id) => ({ id })),
		);
	});

	const outcomes: string[] = [];
	async function check(spec: PropertySpec) {
		const started = Date.now();
		const outcome = await checkOperation(env, spec);
		outcomes.push(`${spec.name}: ${outcome.cases} cases (${outcome.valid} valid, ${outcome.refused} refused), ${outcome.requests} requests, ${Date.now() - started} ms`);
	}

	// --- workflows ---------------------------------------------------------------------------------

	/** New hire fields, and the cross-field rules: an Email or a Mobile, and the one the Channel names. */
	const newHire = (index: number, withManager: boolean) => {
		const fields: Record<string, Part> = {
			newHireName: field('New Hire Name', words(40), fc.oneof(blank, notText)),
			newHireFirstName: field('First Name', words(20), notText.filter((value) => value !== null), { optional: true }),
			newHireLastName: field('Last Name', words(20), notText.filter((value) => value !== null), { optional: true }),
			newHireEmail: field('Email', emails, notEmails, { optional: true }),
			newHireMobile: field('Mobile', mobiles, notMobiles, { optional: true }),
			newHireChannel: field('Channel', channels, notChannels, { optional: true }),
			startDate: field('Start Date', dates, notDates, { optional: true }),
			workflowExternalId: field('External ID', fc.constant(`WF-${PROPERTY_SEED}-${index}`), undefined, { optional: true }),
			skipIfLaunched: field('Skip If Already Launched', fc.boolean()),
		};
		const managerFields = group({
			managerChannel: field('Manager Channel', channels, notChannels, { optional: true }),
			managerEmail: field('Manager Email', emails, notEmails, { optional: true }),
			managerMobile: field('Manager Mobile', mobiles, notMobiles, { optional: true }),
			managerName: field('Manager Name', words(30), undefined, { optional: true }),
		});
		return fc.tuple(group(fields), withManager ? managerFields : fc.constant<Drawn<IDataObject>>({ value: {}, bad: [] })).map(([hire, manager]) => {
			const value = { ...hire.value, additionalFields: manager.value };
			const bad = [...hire.bad, ...manager.bad];
			const reach = (email: string, mobile: string, channel: string, either: string, channelLabel: string, source: IDataObject) => {
				if (!given(source[email]) && !given(source[mobile])) bad.push(either);
				else if (source[channel] === 'mob' && !given(source[mobile])) bad.push(channelLabel);
				else if (source[channel] === 'eml' && !given(source[email])) bad.push(channelLabel);
			};
			reach('newHireEmail', 'newHireMobile', 'newHireChannel', 'Email or Mobile', 'Channel', hire.value);
			if (Object.values(manager.value).some((v) => v !== undefined && v !== null && v !== '')) {
				reach('managerEmail', 'managerMobile', 'managerChannel', 'Manager Email or Mobile', 'Manager Channel', manager.value);
			}
			return { value, bad };
		});
	};
	const hireParameters = ['newHireName', 'newHireFirstName', 'newHireLastName', 'newHireEmail', 'newHireMobile', 'newHireChannel', 'startDate', 'workflowExternalId', 'skipIfLaunched'];
	const noneActive = (request: { method: string; path: string; status: number }) => request.method === 'PUT' && request.path.endsWith('/updatewf') && request.status === 404;

	test('Workflow › Launch', async () => {
		await check({
			name: 'Enboarder › Workflow › Launch',
			parameters: (text) => {
				const { authentication: chosen, counts } = shapeOf(text);
				return {
					authentication: chosen,
					resource: 'workflow',
					operation: 'launch',
					...Object.fromEntries(hireParameters.map((name) => [name, $(name)])),
					workflowCustomFields: { field: entries('customFields', counts[0], ['name', 'value']) },
					additionalFields: options('additionalFields', ['managerChannel', 'managerEmail', 'managerMobile', 'managerName']),
				};
			},
			cases: (index) =>
				fc.tuple(authentication, newHire(index, true), customFields([0, 1, 2])).map(([auth, hire, custom]) => ({
					value: { ...hire.value, customFields: custom.value },
					bad: [...hire.bad, ...custom.bad],
					shape: shape(auth, (custom.value as unknown[]).length),
				})),
			expectedStatuses: noneActive,
			success: ([launch], input) => {
				assert.match(String(launch.referenceid), /^EBWF-\d{8}$/);
				assert.equal(launch.externalid, input.workflowExternalId ?? null);
			},
		});
	});

	const manager = group({
		channel: field('Channel', channels, notChannels, { optional: true }),
		email: field('Email', emails, notEmails, { optional: true }),
		firstName: field('First Name', words(20), undefined, { optional: true }),
		label: field('Label', fc.constantFrom('Direct Manager', 'Recruiter', 'Buddy'), blank),
		lastName: field('Last Name', words(20), undefined, { optional: true }),
		mobile: field('Mobile', mobiles, notMobiles, { optional: true }),
		name: field('Name', words(30), blank),
	}).map((drawn) => {
		const m = drawn.value;
		const bad = [...drawn.bad];
		if (!given(m.email) && !given(m.mobile)) bad.push('Email or Mobile');
		else if (m.channel === 'mob' && !given(m.mobile)) bad.push('Channel');
		else if (m.channel === 'eml' && !given(m.email)) bad.push('Channel');
		return { value: m, bad };
	});
	const managerById = group({ externalId: field('External ID', fc.constantFrom('EMP-0007', 'EMP-0100'), blank), label: field('Label', fc.constantFrom('Direct Manager', 'Recruiter'), blank) });

	test('Workflow › Launch (Advanced)', async () => {
		const detailNames = ['channel', 'email', 'firstName', 'label', 'lastName', 'mobile', 'name'];
		await check({
			name: 'Enboarder › Workflow › Launch (Advanced)',
			parameters: (text) => {
				const { authentication: chosen, counts } = shapeOf(text);
				return {
					authentication: chosen,
					resource: 'workflow',
					operation: 'launchAdvanced',
					...Object.fromEntries(hireParameters.map((name) => [name, $(name)])),
					managers: { byDetails: entries('byDetails', counts[0], detailNames), byExternalId: entries('byExternalId', counts[1], ['externalId', 'label']) },
					workflowCustomFields: { field: entries('customFields', counts[2], ['name', 'value']) },
					additionalFields: { newHireExternalId: $('newHireExternalId') },
				};
			},
			cases: (index) =>
				fc
					.tuple(
						authentication,
						newHire(index + 1_000_000, false),
						fc.constantFrom(0, 1, 2).chain((count) => list(manager, { minLength: count, maxLength: count })),
						fc.constantFrom(0, 1).chain((count) => list(managerById, { minLength: count, maxLength: count })),
						customFields([0, 1]),
						field('New Hire External ID', fc.constantFrom('EMP-0042', 'EMP-0299'), undefined, { optional: true }),
					)
					.map(([auth, hire, byDetails, byExternalId, custom, nhExternal]) => {
						const counts = [(byDetails.value as unknown[]).length, (byExternalId.value as unknown[]).length, (custom.value as unknown[]).length];
						const bad = [...hire.bad, ...byDetails.bad, ...byExternalId.bad, ...custom.bad];
						if (counts[0] + counts[1] === 0) bad.push('Managers');
						return {
							value: { ...hire.value, byDetails: byDetails.value, byExternalId: byExternalId.value, customFields: custom.value, ...(nhExternal.value === undefined || typeof nhExternal.value === 'symbol' ? {} : { newHireExternalId: nhExternal.value }) },
							bad,
							shape: shape(auth, ...counts),
						};
					}),
			expectedStatuses: noneActive,
			success: ([launch]) => assert.match(String(launch.referenceid), /^EBWF-\d{8}$/),
		});
	});

	const updateNames = ['newHireChannel', 'newHireEmail', 'newHireFirstName', 'newHireLastName', 'managerChannel', 'managerEmail', 'managerMobile', 'managerName', 'newHireMobile', 'newHireName', 'startDate'];

	test('Workflow › Update', async () => {
		await check({
			name: 'Enboarder › Workflow › Update',
			parameters: (text) => {
				const { authentication: chosen, counts } = shapeOf(text);
				return {
					authentication: chosen,
					resource: 'workflow',
					operation: 'update',
					workflowExternalId: $('workflowExternalId'),
					updateFields: { ...options('updateFields', updateNames), ...(counts[0] > 0 ? { workflowCustomFields: { field: entries('customFields', counts[0], ['name', 'value']) } } : {}) },
				};
			},
			cases: () =>
				fc
					.tuple(
						authentication,
						field('External ID', fc.constantFrom(...launched.slice(0, PROPERTY_RUNS)), fc.oneof(blank, notText)),
						group({
							newHireChannel: field('Channel', channels, notChannels, { optional: true }),
							newHireEmail: field('Email', emails, notEmails, { optional: true }),
							newHireFirstName: field('First Name', words(20), undefined, { optional: true }),
							newHireLastName: field('Last Name', words(20), undefined, { optional: true }),
							managerChannel: field('Manager Channel', channels, notChannels, { optional: true }),
							managerEmail: field('Manager Email', emails, notEmails, { optional: true }),
							managerMobile: field('Manager Mobile', mobiles, notMobiles, { optional: true }),
							managerName: field('Manager Name', words(20), undefined, { optional: true }),
							newHireMobile: field('Mobile', mobiles, notMobiles, { optional: true }),
							// A blank value in Update Fields is a field not given.
							newHireName: field('New Hire Name', words(30), fc.constantFrom({}, [1]), { optional: true }),
							startDate: field('Start Date', dates, notDates, { optional: true }),
						}),
						customFields([0, 0, 1]),
					)
					.map(([auth, externalId, updateFields, custom]) => {
						const count = (custom.value as unknown[]).length;
						const bad = [...externalId.bad, ...updateFields.bad, ...custom.bad];
						if (Object.keys(updateFields.value).length === 0 && count === 0) bad.push('Update Fields');
						return { value: { workflowExternalId: externalId.value, updateFields: updateFields.value, customFields: custom.value } as IDataObject, bad, shape: shape(auth, count) };
					}),
			aliases: { 'Update Fields': /choose at least one field to update/ },
			success: ([answer]) => assert.match(String(answer.referenceid), /^EBWF-\d{8}$/),
		});
	});

	test('Workflow › Cancel', async () => {
		await check({
			name: 'Enboarder › Workflow › Cancel',
			parameters: (text) => {
				const { authentication: chosen, counts } = shapeOf(text);
				return {
					authentication: chosen,
					resource: 'workflow',
					operation: 'cancel',
					workflowExternalId: $('workflowExternalId'),
					cancelMode: $('cancelMode'),
					cancelComments: $('cancelComments'),
					workflowCustomFields: { field: entries('customFields', counts[0], ['name', 'value']) },
				};
			},
			cases: (index) =>
				fc
					.tuple(
						authentication,
						group({
							workflowExternalId: field('External ID', fc.constant(launched[PROPERTY_RUNS + index]), fc.oneof(blank, notText)),
							cancelMode: field('Mode', fc.constantFrom('ALL', 'CANCEL_ALL', 'SELECTED'), fc.constantFrom('NONE', 'all', '')),
							cancelComments: field('Comments', words(60), fc.constantFrom({}, [1]), { optional: true }),
						}),
						customFields([0, 1]),
					)
					.map(([auth, cancel, custom]) => {
						const count = (custom.value as unknown[]).length;
						const bad = [...cancel.bad, ...custom.bad];
						if (cancel.value.cancelMode === 'SELECTED' && count === 0) bad.push('Custom Fields');
						return { value: { ...cancel.value, customFields: custom.value }, bad, shape: shape(auth, count) };
					}),
			success: ([answer]) => assert.equal(typeof answer.cancelled, 'number'),
		});
	});

	// --- profiles ----------------------------------------------------------------------------------

	const profileFieldEntry = group({
		name: field('Profile Fields', fc.constantFrom('department', 'location', 'jobTitle', 'team'), blank),
		value: field('Profile Fields', words(20), undefined),
	});
	const startDateEntry = group({ name: field('Profile Field', fc.constant('startDate')), value: field('Profile Field', dates, notDates) });
	const profileFieldsCase = fc.constantFrom(0, 1, 2).chain((count) => list(fc.oneof({ weight: 3, arbitrary: profileFieldEntry }, { weight: 1, arbitrary: startDateEntry }), { minLength: count, maxLength: count }));
	const profileOptions = {
		email: field('Email', emails, notEmails, { optional: true }),
		mobile: field('Mobile', mobiles, notMobiles, { optional: true }),
		photoBinaryProperty: field('Photo Binary Property', fc.constant(undefined), fc.constantFrom('data', 'photo', ' ')),
		preferred: field('Preferred Contact', fc.constantFrom('email', 'mobile'), fc.constantFrom('sms', 'EMAIL'), { optional: true }),
	};
	const profileOptionNames = ['email', 'mobile', 'photoBinaryProperty', 'preferred'];

	test('Profile › Create', async () => {
		await check({
			name: 'Enboarder › Profile › Create',
			parameters: (text) => {
				const { authentication: chosen, counts } = shapeOf(text);
				return {
					authentication: chosen,
					resource: 'profile',
					operation: 'create',
					firstName: $('firstName'),
					lastName: $('lastName'),
					externalId: $('externalId'),
					additionalFields: { ...options('additionalFields', profileOptionNames), profileFields: { field: entries('profileFields', counts[0], ['name', 'value']) } },
					// Warnings (an unknown profile field, no email or mobile) are the account's call, not bad input.
					acceptWarnings: true,
				};
			},
			cases: (index) =>
				fc
					.tuple(
						authentication,
						group({
							firstName: field('First Name', words(30), fc.oneof(blank, notText)),
							lastName: field('Last Name', words(30), fc.oneof(blank, notText)),
							externalId: field('External ID', fc.constant(`PROP-${PROPERTY_SEED}-${index}`), fc.oneof(blank, notText)),
							additionalFields: group(profileOptions),
						}),
						profileFieldsCase,
					)
					.map(([auth, profile, fieldsList]) => ({
						value: { ...profile.value, profileFields: fieldsList.value },
						bad: [...profile.bad, ...fieldsList.bad],
						shape: shape(auth, (fieldsList.value as unknown[]).length),
					})),
			success: ([created]) => {
				assert.equal(created.message, 'Profile Created');
				assert.equal(typeof created.id, 'number');
			},
		});
	});

	const existingProfile = fc.integer({ min: 1, max: FACTS.profileCount });
	const badProfileIds = fc.constantFrom('', ' ', 'abc', '12a', '-3', '1.5', '1e3', '0x10');

	test('Profile › Update', async () => {
		await check({
			name: 'Enboarder › Profile › Update',
			parameters: (text) => {
				const { authentication: chosen, counts } = shapeOf(text);
				return {
					authentication: chosen,
					resource: 'profile',
					operation: 'update',
					profileId: $('profileId'),
					updateFields: {
						...options('updateFields', ['email', 'externalId', 'firstName', 'lastName', 'mobile', 'photoBinaryProperty', 'preferred']),
						...(counts[0] > 0 ? { profileFields: { field: entries('profileFields', counts[0], ['name', 'value']) } } : {}),
					},
					acceptWarnings: true,
				};
			},
			cases: (index) =>
				fc
					.tuple(
						authentication,
						field('Profile ID', existingProfile, fc.oneof(badProfileIds, notText.filter((value) => value !== null))),
						group({
							...profileOptions,
							photoBinaryProperty: field('Photo Binary Property', fc.constant(undefined), fc.constantFrom('data', 'photo'), { optional: true }),
							externalId: field('External ID', fc.constant(`UPD-${PROPERTY_SEED}-${index}`), fc.constantFrom(' ', '\t'), { optional: true }),
							firstName: field('First Name', words(30), fc.constantFrom(' ', '\t'), { optional: true }),
							lastName: field('Last Name', words(30), fc.constantFrom(' ', '\t'), { optional: true }),
						}),
						profileFieldsCase,
					)
					.map(([auth, profileId, updateFields, fieldsList]) => {
						const count = (fieldsList.value as unknown[]).length;
						const bad = [...profileId.bad, ...updateFields.bad, ...fieldsList.bad];
						const chosen = Object.values(updateFields.value).filter((v) => v !== undefined);
						if (chosen.length === 0 && count === 0) bad.push('Update Fields');
						return { value: { profileId: profileId.value, updateFields: updateFields.value, profileFields: fieldsList.value } as IDataObject, bad, shape: shape(auth, count) };
					}),
			aliases: { 'Update Fields': /choose at least one field to update/ },
			success: ([updated], input) => {
				assert.equal(updated.message, 'Profile Updated');
				assert.equal(updated.id, Number(input.profileId));
			},
		});
	});

	for (const [operation, label] of [
		['get', 'Get'],
		['listWorkflows', 'List Workflows'],
	] as const) {
		test(`Profile › ${label}`, async () => {
			await check({
				name: `Enboarder › Profile › ${label}`,
				parameters: (text) => ({ authentication: shapeOf(text).authentication, resource: 'profile', operation, profileId: $('profileId') }),
				cases: () =>
					fc.tuple(authentication, field('Profile ID', existingProfile, fc.oneof(badProfileIds, notText.filter((value) => value !== null)))).map(([auth, id]) => ({
						value: { profileId: id.value } as IDataObject,
						bad: id.bad,
						shape: shape(auth),
					})),
				mayBeEmpty: operation === 'listWorkflows',
				success: (items, input) => {
					if (operation === 'get') assert.equal(items[0].id, Number(input.profileId));
					else for (const workflow of items) assert.equal(workflow.profileId, Number(input.profileId));
				},
			});
		});
	}

	test('Profile › Delete', async () => {
		await check({
			name: 'Enboarder › Profile › Delete',
			parameters: (text) => ({ authentication: shapeOf(text).authentication, resource: 'profile', operation: 'delete', profileId: $('profileId') }),
			cases: (index) =>
				fc.tuple(authentication, field('Profile ID', fc.constant(deletable[index]), fc.oneof(badProfileIds, notText.filter((value) => value !== null)))).map(([auth, id]) => ({
					value: { profileId: id.value } as IDataObject,
					bad: id.bad,
					shape: shape(auth),
				})),
			success: ([deleted], input) => {
				assert.equal(deleted.message, 'Profile Deleted');
				assert.equal(deleted.id, Number(input.profileId));
			},
		});
	});

	// --- reports -----------------------------------------------------------------------------------

	const limitCase = (maximum: number) =>
		fc.boolean().chain((returnAll) =>
			group({
				returnAll: field('Return All', fc.constant(returnAll)),
				limit: returnAll ? field('Limit', fc.oneof(fc.integer({ min: 1, max: maximum }), fc.constant('ten'))) : field('Limit', fc.integer({ min: 1, max: maximum }), fc.constantFrom('ten', Number.NaN, {})),
			}),
		);

	for (const [operation, label] of [
		['listWorkflows', 'List Workflows'],
		['listForms', 'List Forms'],
	] as const) {
		test(`Report › ${label}`, async () => {
			await check({
				name: `Enboarder › Report › ${label}`,
				parameters: (text) => ({ authentication: shapeOf(text).authentication, resource: 'report', operation, returnAll: $('returnAll'), limit: $('limit') }),
				cases: () => fc.tuple(authentication, limitCase(20)).map(([auth, drawn]) => ({ ...drawn, shape: shape(auth) })),
				success: (reports, input) => {
					if (input.returnAll !== true) assert.ok(reports.length <= Number(input.limit));
					for (const report of reports) assert.equal(typeof report.id, 'string');
				},
			});
		});
	}

	const workflowReports = fc.constantFrom('wf-offboarding', 'wf-preboarding', 'wf-internal-move');
	const formReports = fc.constantFrom('form-emergency-contact', 'form-bank-details', 'form-tax-declaration');
	const badReportIds = fc.oneof(blank, fc.constantFrom('wf onboarding', 'wf/onboarding', '../forms', 'x'.repeat(101), 'ünïcode'), notText.filter((value) => value !== null));

	for (const [operation, label, reports, returnsRows] of [
		['getWorkflowProperties', 'Get Workflow Properties', workflowReports, false],
		['getFormProperties', 'Get Form Properties', formReports, false],
		['getWorkflowData', 'Get Workflow Data', workflowReports, true],
		['getFormData', 'Get Form Data', formReports, true],
	] as const) {
		test(`Report › ${label}`, async () => {
			await check({
				name: `Enboarder › Report › ${label}`,
				parameters: (text) => ({
					authentication: shapeOf(text).authentication,
					resource: 'report',
					operation,
					reportId: { __rl: true, mode: 'id', value: $('reportId') },
					...(returnsRows ? { returnAll: $('returnAll'), limit: $('limit') } : {}),
				}),
				cases: () =>
					fc.tuple(authentication, field('Report', reports, badReportIds), returnsRows ? limitCase(600) : fc.constant<Drawn<IDataObject>>({ value: {}, bad: [] })).map(([auth, id, limit]) => ({
						value: { reportId: id.value, ...limit.value } as IDataObject,
						bad: [...id.bad, ...limit.bad],
						shape: shape(auth),
					})),
				mayBeEmpty: true,
				success: (rows, input) => {
					if (returnsRows && input.returnAll !== true) assert.ok(rows.length <= Number(input.limit));
					if (!returnsRows) assert.ok(rows.length > 0);
				},
			});
		});
	}

	test('the outcomes', () => {
		console.log(outcomes.join('\n'));
	});
});
