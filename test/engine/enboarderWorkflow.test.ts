/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { IDataObject, INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { SandboxCore } from '../../sandbox/server';
import type { EnboarderWorkflow } from '../../sandbox/vendors/enboarder';
import { packageTypes, runWorkflow } from '../harness';
import { AUTHENTICATIONS, REST_PREFIX, enboarderWorkflow, useEnboarderSandbox, type Authentication } from './support/enboarder';

const NODE = 'Workflow';

/** A launch of Jane Doe by e-mail; `override` replaces parameters. */
const launch = (override: IDataObject = {}): IDataObject => ({
	operation: 'launch',
	newHireName: 'Jane Doe',
	newHireEmail: 'jane.doe@example.com',
	newHireChannel: 'eml',
	startDate: '2026-12-01',
	workflowExternalId: 'HIRE-1',
	...override,
});

const BASIC_MANAGERS = { byExternalId: [{ label: 'Direct Manager', externalId: 'EMP-0007' }] };
const advanced = (override: IDataObject = {}): IDataObject => launch({ operation: 'launchAdvanced', managers: BASIC_MANAGERS, ...override });

/** Inputs the node refuses itself, in the words a no-code user reads, before anything is sent. */
const BAD_INPUTS: Array<[string, IDataObject, string]> = [
	['launch: no new hire name', launch({ newHireName: '={{ "  " }}' }), 'Item 1: New Hire Name is required'],
	['launch: neither email nor mobile', launch({ newHireEmail: '' }), 'Item 1: Email or Mobile is required: Enboarder needs one of them to reach the new hire'],
	['launch: bad e-mail', launch({ newHireEmail: 'jane-at-example.com' }), 'Item 1: Email must be an e-mail address such as name@example.com'],
	['launch: mobile in words', launch({ newHireMobile: 'call me', newHireChannel: 'mob' }), 'Item 1: Mobile must be a phone number such as +61415123456 (digits, optionally starting with +)'],
	['launch: channel Mobile without a mobile', launch({ newHireChannel: 'mob' }), 'Item 1: Channel is Mobile, so Mobile is required (or set Channel to Email)'],
	['launch: impossible start date', launch({ startDate: '2026-02-30' }), 'Item 1: Start Date must be a real calendar date (got "2026-02-30": February 2026 has 28 days)'],
	['launch: start date in words', launch({ startDate: 'next monday' }), 'Item 1: Start Date must be a date such as 2026-12-01 (got "next monday")'],
	['launch: custom field without a name', launch({ workflowCustomFields: { field: [{ name: '', value: 'Sydney' }] } }), 'Item 1: Custom Fields each need a name (the label of the custom field in Enboarder)'],
	['launch: bad manager e-mail', launch({ additionalFields: { managerName: 'John', managerEmail: 'john@' } }), 'Item 1: Manager Email must be an e-mail address such as name@example.com'],
	['launch: manager without contact', launch({ additionalFields: { managerName: 'John' } }), 'Item 1: Manager Email or Mobile is required: Enboarder needs one of them to reach the manager'],
	['launch (advanced): no manager', advanced({ managers: {} }), 'Item 1: Managers need at least one entry: add a manager By Details or By External ID'],
	['launch (advanced): manager without a label', advanced({ managers: { byExternalId: [{ label: '={{ $json.missing ?? "" }}', externalId: 'EMP-0007' }] } }), 'Item 1: Managers (By External ID, entry 1): Label is required'],
	['launch (advanced): manager without a name', advanced({ managers: { byDetails: [{ label: 'Buddy', name: '={{ "  " }}', email: 'sam@example.com' }] } }), 'Item 1: Managers (By Details, entry 1): Name is required'],
	['launch (advanced): bad manager mobile', advanced({ managers: { byDetails: [{ label: 'Buddy', name: 'Sam', mobile: '12', channel: 'mob' }] } }), 'Item 1: Managers (By Details, entry 1): Mobile must be a phone number such as +61415123456 (digits, optionally starting with +)'],
	['update: External ID empty from an expression', { operation: 'update', workflowExternalId: '={{ $json.missing ?? "" }}', updateFields: { newHireName: 'X' } }, 'Item 1: External ID is required'],
	['update: nothing to change', { operation: 'update', workflowExternalId: 'HIRE-1', updateFields: {} }, 'Item 1: choose at least one field to update'],
	['update: bad e-mail', { operation: 'update', workflowExternalId: 'HIRE-1', updateFields: { newHireEmail: 'nope' } }, 'Item 1: Email must be an e-mail address such as name@example.com'],
	['update: bad start date', { operation: 'update', workflowExternalId: 'HIRE-1', updateFields: { startDate: '31/12/2026' } }, 'Item 1: Start Date must be a date such as 2026-12-01 (got "31/12/2026")'],
	['cancel: no External ID', { operation: 'cancel', workflowExternalId: '={{ "" }}', cancelMode: 'ALL' }, 'Item 1: External ID is required'],
	['cancel: Selected without Custom Fields', { operation: 'cancel', workflowExternalId: 'HIRE-1', cancelMode: 'SELECTED' }, 'Item 1: Custom Fields are required with Mode Selected: add the name/value pairs the workflows to cancel must have'],
];

/**
 * What the sandbox stored for the workflows launched with this externalid. The ledger keeps no
 * bodies and the control API lists no workflows, so the test reads the in-process sandbox's store:
 * the fields exactly as Enboarder received them.
 */
function storedWorkflows(sandbox: Sandbox, externalid: string): EnboarderWorkflow[] {
	const core = (sandbox.control as unknown as { core: SandboxCore }).core;
	return core.enboarder.data.workflowsWithExternalId(externalid);
}

describe('Enboarder › Workflow (engine, sandbox)', () => {
	const suite = useEnboarderSandbox();

	async function run(authentication: Authentication, parameters: IDataObject, options: { settings?: IDataObject; input?: IDataObject[]; timezone?: string } = {}) {
		return await runWorkflow(enboarderWorkflow(NODE, authentication, { resource: 'workflow', ...parameters }, options.settings), {
			credentials: suite.credentials,
			input: options.input,
			timezone: options.timezone,
		});
	}
	const ledger = async () => await suite.sandbox.control.ledger();
	const apiCalls = async () => (await ledger()).requests.filter((r) => r.kind === 'api').map((r) => `${r.method} ${r.path} ${r.status}`);
	const workflowRecords = async () => (await ledger()).records.filter((r) => r.vendor === 'enboarder' && r.type === 'enboarderWorkflow');

	for (const authentication of AUTHENTICATIONS) {
		const prefix = REST_PREFIX[authentication];
		describe(`with ${authentication === 'apiKey' ? 'the API key' : 'OAuth2 client credentials'}`, () => {
			for (const [name, parameters, message] of BAD_INPUTS) {
				test(`refused before any request (${name}): "${message}"`, async () => {
					const result = await run(authentication, parameters);
					assert.equal(result.status, 'error');
					assert.equal(result.nodeError(NODE)?.message, message);
					assert.equal((await ledger()).requests.length, 0, 'nothing reached the sandbox');
				});
			}

			test('Launch: looks for an active workflow, then launches it once with every field', async () => {
				const result = await run(
					authentication,
					launch({
						newHireFirstName: 'Jane',
						newHireLastName: 'Doe',
						newHireMobile: '+61415123456',
						newHireChannel: 'mob',
						workflowCustomFields: { field: [{ name: 'location', value: 'Sydney' }, { name: 'Employee Number', value: '={{ 98786 }}' }] },
						additionalFields: { managerName: 'John Smith', managerEmail: 'john.smith@example.com', managerChannel: 'eml' },
					}),
				);
				assert.equal(result.status, 'success', result.error?.message);
				const [item] = result.output(NODE);
				const [record] = await workflowRecords();
				assert.deepEqual(item.json, { message: 'ok', referenceid: record.id, externalid: 'HIRE-1', alreadyLaunched: false });
				assert.deepEqual(item.pairedItem, { item: 0 });
				assert.equal((await workflowRecords()).length, 1);
				assert.equal(record.externalId, 'HIRE-1');
				assert.deepEqual(await apiCalls(), [`PUT ${prefix}/updatewf 404`, `POST ${prefix}/startwf/basic 200`]);
				const [stored] = storedWorkflows(suite.sandbox, 'HIRE-1');
				assert.equal(stored.type, 'basic');
				assert.deepEqual(stored.fields, {
					nhnm: 'Jane Doe',
					nhfnm: 'Jane',
					nhlnm: 'Doe',
					nhmob: '+61415123456',
					nheml: 'jane.doe@example.com',
					chnl: 'mob',
					mgrnm: 'John Smith',
					mgreml: 'john.smith@example.com',
					mgrchnl: 'eml',
					nhstdt: '2026-12-01',
					customfields: [
						{ name: 'location', value: 'Sydney' },
						{ name: 'Employee Number', value: '98786' },
					],
					externalid: 'HIRE-1',
					mode: 0,
				});
			});

			test('Launch without an External ID: no look-up, one launch, externalid null', async () => {
				const result = await run(authentication, launch({ workflowExternalId: '' }));
				assert.equal(result.status, 'success', result.error?.message);
				const [record] = await workflowRecords();
				assert.deepEqual(result.output(NODE)[0].json, { message: 'ok', referenceid: record.id, externalid: null, alreadyLaunched: false });
				assert.equal(record.externalId, undefined);
				assert.deepEqual(await apiCalls(), [`POST ${prefix}/startwf/basic 200`]);
			});

			test('Launch refused before any request: "Item 1: Email or Mobile is required: …"', async () => {
				const result = await run(authentication, launch({ newHireEmail: '' }));
				assert.equal(result.status, 'error');
				assert.equal(result.nodeError(NODE)?.message, 'Item 1: Email or Mobile is required: Enboarder needs one of them to reach the new hire');
				assert.equal((await ledger()).requests.length, 0, 'nothing reached the sandbox');
			});

			test('Launch (Advanced): managers by details and by External ID, linked to the profile named by New Hire External ID', async () => {
				const result = await run(
					authentication,
					launch({
						operation: 'launchAdvanced',
						workflowExternalId: 'HIRE-ADV-1',
						additionalFields: { newHireExternalId: 'EMP-0300' },
						managers: {
							byDetails: [{ label: 'Direct Manager', name: 'John Van Doe', firstName: 'John', lastName: 'Van Doe', mobile: '+61 415 000 111', channel: 'mob' }],
							byExternalId: [{ label: 'Recruiter', externalId: 'EMP-0007' }],
						},
					}),
				);
				assert.equal(result.status, 'success', result.error?.message);
				const [record] = await workflowRecords();
				assert.deepEqual(result.output(NODE)[0].json, { message: 'ok', referenceid: record.id, externalid: 'HIRE-ADV-1', alreadyLaunched: false });
				assert.deepEqual(await apiCalls(), [`PUT ${prefix}/updatewf 404`, `POST ${prefix}/startwf/advance 200`]);
				const [stored] = storedWorkflows(suite.sandbox, 'HIRE-ADV-1');
				assert.equal(stored.type, 'advance');
				assert.equal(stored.profileId, 300, 'linked to profile EMP-0300');
				assert.equal(stored.fields.nhexternalid, 'EMP-0300');
				assert.deepEqual(stored.fields.managers, [
					{ mgrlbl: 'Direct Manager', nm: 'John Van Doe', fnm: 'John', lnm: 'Van Doe', mob: '+61 415 000 111', chnl: 'mob' },
					{ mgrlbl: 'Recruiter', externalid: 'EMP-0007' },
				]);
			});

			test('Launch (Advanced) refused before any request: a manager without a way to reach them', async () => {
				const result = await run(
					authentication,
					launch({ operation: 'launchAdvanced', managers: { byExternalId: [{ label: 'Recruiter', externalId: 'EMP-0007' }], byDetails: [{ label: 'Buddy', name: 'Sam' }] } }),
				);
				assert.equal(result.status, 'error');
				assert.equal(
					result.nodeError(NODE)?.message,
					'Item 1: Managers (By Details, entry 1): Email or Mobile is required: Enboarder needs one of them to reach the manager',
				);
				assert.equal((await ledger()).requests.length, 0);
			});

			test('Update: changes the given fields of the active workflow; the others stay', async () => {
				assert.equal((await run(authentication, launch())).status, 'success');
				const result = await run(authentication, {
					operation: 'update',
					workflowExternalId: 'HIRE-1',
					updateFields: { startDate: '2027-01-11', newHireMobile: '+61415999000', workflowCustomFields: { field: [{ name: 'team', value: 'Payments' }] } },
				});
				assert.equal(result.status, 'success', result.error?.message);
				const [stored] = storedWorkflows(suite.sandbox, 'HIRE-1');
				assert.deepEqual(result.output(NODE)[0].json, { message: 'ok', referenceid: stored.referenceid });
				assert.equal(stored.fields.nhstdt, '2027-01-11');
				assert.equal(stored.fields.nhmob, '+61415999000');
				assert.deepEqual(stored.fields.customfields, [{ name: 'team', value: 'Payments' }]);
				assert.equal(stored.fields.nheml, 'jane.doe@example.com', 'unchanged');
				assert.equal((await apiCalls()).at(-1), `PUT ${prefix}/updatewf 200`);
			});

			test('Update of an External ID Enboarder does not know: "Enboarder rejected the request: Workflow not found"', async () => {
				const result = await run(authentication, { operation: 'update', workflowExternalId: 'NO-SUCH-HIRE', updateFields: { newHireName: 'X' } });
				assert.equal(result.status, 'error');
				assert.equal(result.nodeError(NODE)?.message, 'Enboarder rejected the request: Workflow not found');
				assert.deepEqual(await apiCalls(), [`PUT ${prefix}/updatewf 404`]);
			});

			test('Update with no field chosen is refused before any request', async () => {
				const result = await run(authentication, { operation: 'update', workflowExternalId: 'HIRE-1', updateFields: {} });
				assert.equal(result.nodeError(NODE)?.message, 'Item 1: choose at least one field to update');
				assert.equal((await ledger()).requests.length, 0);
			});

			test('Cancel: cancels the workflow; cancelling again is harmless; a new launch with that External ID then goes ahead', async () => {
				assert.equal((await run(authentication, launch())).status, 'success');
				const cancel = { operation: 'cancel', workflowExternalId: 'HIRE-1', cancelMode: 'ALL', cancelComments: 'Offer withdrawn' };
				const first = await run(authentication, cancel);
				assert.equal(first.status, 'success', first.error?.message);
				const [stored] = storedWorkflows(suite.sandbox, 'HIRE-1');
				assert.deepEqual(first.output(NODE)[0].json, { message: 'ok', cancelled: 1, referenceids: [stored.referenceid] });
				assert.equal(stored.status, 'cancelled');
				assert.equal(stored.comments, 'Offer withdrawn');
				assert.equal((await apiCalls()).at(-1), `POST ${prefix}/cancelwf 200`);

				const again = await run(authentication, cancel);
				assert.deepEqual(again.output(NODE)[0].json, { message: 'ok', cancelled: 0, referenceids: [] });

				const updateCancelled = await run(authentication, { operation: 'update', workflowExternalId: 'HIRE-1', updateFields: { newHireName: 'X' } });
				assert.equal(updateCancelled.nodeError(NODE)?.message, 'Enboarder rejected the request: Workflow is not active');

				const relaunch = await run(authentication, launch());
				assert.equal(relaunch.status, 'success', relaunch.error?.message);
				assert.equal(relaunch.output(NODE)[0].json.alreadyLaunched, false, 'a cancelled workflow does not count as launched');
				assert.equal((await workflowRecords()).length, 2);
			});

			test('Cancel of an External ID Enboarder does not know: "Enboarder rejected the request: Workflow not found"', async () => {
				const result = await run(authentication, { operation: 'cancel', workflowExternalId: 'NO-SUCH-HIRE', cancelMode: 'ALL' });
				assert.equal(result.status, 'error');
				assert.equal(result.nodeError(NODE)?.message, 'Enboarder rejected the request: Workflow not found');
				assert.deepEqual(await apiCalls(), [`POST ${prefix}/cancelwf 404`]);
			});

			test('Cancel with Mode Selected and no Custom Fields is refused before any request', async () => {
				const result = await run(authentication, { operation: 'cancel', workflowExternalId: 'HIRE-1', cancelMode: 'SELECTED' });
				assert.equal(
					result.nodeError(NODE)?.message,
					'Item 1: Custom Fields are required with Mode Selected: add the name/value pairs the workflows to cancel must have',
				);
				assert.equal((await ledger()).requests.length, 0);
			});

			test('Cancel modes: Selected cancels only the matching workflow, All of This New Hire every workflow of the profile', async () => {
				const twice = launch({ skipIfLaunched: false, workflowCustomFields: { field: [{ name: 'team', value: '={{ $json.team }}' }] } });
				const launched = await run(authentication, twice, { input: [{ team: 'A' }, { team: 'B' }] });
				assert.equal(launched.status, 'success', launched.error?.message);
				const selected = await run(authentication, {
					operation: 'cancel',
					workflowExternalId: 'HIRE-1',
					cancelMode: 'SELECTED',
					workflowCustomFields: { field: [{ name: 'team', value: 'B' }] },
				});
				const [teamA, teamB] = storedWorkflows(suite.sandbox, 'HIRE-1');
				assert.deepEqual(selected.output(NODE)[0].json, { message: 'ok', cancelled: 1, referenceids: [teamB.referenceid] });
				assert.deepEqual([teamA.status, teamB.status], ['active', 'cancelled']);

				// Profile EMP-0002 has one seeded active workflow (EMP-0002-WF-01); launch another for the same hire.
				const advanced = launch({
					operation: 'launchAdvanced',
					workflowExternalId: 'HIRE-2',
					additionalFields: { newHireExternalId: 'EMP-0002' },
					managers: { byExternalId: [{ label: 'Direct Manager', externalId: 'EMP-0007' }] },
				});
				assert.equal((await run(authentication, advanced)).status, 'success');
				const all = await run(authentication, { operation: 'cancel', workflowExternalId: 'HIRE-2', cancelMode: 'CANCEL_ALL' });
				assert.equal(all.status, 'success', all.error?.message);
				assert.equal(all.output(NODE)[0].json.cancelled, 2);
				assert.equal(storedWorkflows(suite.sandbox, 'EMP-0002-WF-01')[0].status, 'cancelled');
			});
		});
	}

	test('Start Date: an ISO date-time or a DateTime goes out as YYYY-MM-DD in the workflow time zone', async () => {
		const cases: Array<[string, string, string]> = [
			// 2026-12-01T23:30-10:00 is 2026-12-02T09:30Z: 23:30 on 2 December in Kiritimati (UTC+14), 22:30 on 1 December in Pago Pago (UTC−11).
			['2026-12-01T23:30:00-10:00', 'Pacific/Kiritimati', '2026-12-02'],
			['2026-12-01T23:30:00-10:00', 'Pacific/Pago_Pago', '2026-12-01'],
			["={{ DateTime.fromISO('2026-06-30T20:00:00Z') }}", 'Pacific/Kiritimati', '2026-07-01'],
			["={{ DateTime.fromISO('2026-06-30T20:00:00Z') }}", 'Pacific/Pago_Pago', '2026-06-30'],
			['2026-03-31', 'Pacific/Kiritimati', '2026-03-31'],
		];
		for (const [index, [startDate, timezone, expected]] of cases.entries()) {
			const externalid = `TZ-${index}`;
			const result = await run('apiKey', launch({ startDate, workflowExternalId: externalid }), { timezone });
			assert.equal(result.status, 'success', result.error?.message);
			assert.equal(storedWorkflows(suite.sandbox, externalid)[0].fields.nhstdt, expected, `${startDate} in ${timezone}`);
		}
	});

	test('running the same workflow twice launches each new hire once; the second run answers alreadyLaunched', async () => {
		const parameters = launch({ newHireName: '={{ $json.name }}', newHireEmail: '={{ $json.email }}', workflowExternalId: '={{ $json.hireId }}' });
		const input = [1, 2, 3].map((n) => ({ name: `Hire ${n}`, email: `hire${n}@example.com`, hireId: `RERUN-${n}` }));
		const first = await run('oAuth2', parameters, { input });
		const second = await run('oAuth2', parameters, { input });
		assert.equal(second.status, 'success', second.error?.message);
		assert.deepEqual(first.output(NODE).map((i) => i.json.alreadyLaunched), [false, false, false]);
		assert.deepEqual(second.output(NODE).map((i) => i.json.alreadyLaunched), [true, true, true]);
		assert.deepEqual(
			second.output(NODE).map((i) => i.json.referenceid),
			first.output(NODE).map((i) => i.json.referenceid),
			'the second run returns the workflows the first one launched',
		);
		const records = await workflowRecords();
		assert.deepEqual(records.map((r) => r.externalId).sort(), ['RERUN-1', 'RERUN-2', 'RERUN-3']);
	});

	test('the same External ID twice in one run, 10 items at once: launched once, the other item answers alreadyLaunched', async () => {
		const parameters = { ...launch({ newHireName: '={{ $json.name }}', workflowExternalId: '={{ $json.hireId }}' }), options: { concurrency: 10 } };
		const input = [1, 2, 3, 4, 5].flatMap((n) => [{ name: `Hire ${n}`, hireId: `DUP-${n}` }, { name: `Hire ${n} again`, hireId: `DUP-${n}` }]);
		const result = await run('apiKey', parameters, { input });
		assert.equal(result.status, 'success', result.error?.message);
		const items = result.output(NODE).map((i) => i.json);
		assert.deepEqual(items.map((i) => i.alreadyLaunched), [false, true, false, true, false, true, false, true, false, true]);
		for (let n = 0; n < 10; n += 2) assert.equal(items[n].referenceid, items[n + 1].referenceid);
		assert.deepEqual((await workflowRecords()).map((r) => r.externalId).sort(), ['DUP-1', 'DUP-2', 'DUP-3', 'DUP-4', 'DUP-5']);
	});

	test('Skip If Already Launched off: a second workflow with the same External ID is launched', async () => {
		await run('apiKey', launch());
		const second = await run('apiKey', launch({ skipIfLaunched: false }));
		assert.equal(second.status, 'success', second.error?.message);
		assert.equal(second.output(NODE)[0].json.alreadyLaunched, false);
		assert.deepEqual((await workflowRecords()).map((r) => r.externalId), ['HIRE-1', 'HIRE-1']);
	});

	test('Continue on Fail: the bad item becomes an error item, the others launch', async () => {
		const parameters = launch({ newHireEmail: '={{ $json.email }}', workflowExternalId: '={{ $json.hireId }}' });
		const result = await run('apiKey', parameters, {
			settings: { onError: 'continueRegularOutput' },
			input: [
				{ email: 'one@example.com', hireId: 'COF-1' },
				{ email: 'two-at-example.com', hireId: 'COF-2' },
				{ email: 'three@example.com', hireId: 'COF-3' },
			],
		});
		assert.equal(result.status, 'success');
		const items = result.output(NODE);
		assert.deepEqual(items.map((i) => i.pairedItem), [{ item: 0 }, { item: 1 }, { item: 2 }]);
		assert.equal(items[1].json.error, 'Item 2: Email must be an e-mail address such as name@example.com');
		assert.deepEqual([items[0].json.externalid, items[2].json.externalid], ['COF-1', 'COF-3']);
		assert.deepEqual((await workflowRecords()).map((r) => r.externalId).sort(), ['COF-1', 'COF-3']);
	});

	test('the operation list reads as actions; every field is described, required ones marked, options in alphabetical order', () => {
		const enboarder = packageTypes().nodeTypes.getByNameAndVersion('n8n-nodes-token-connectors.enboarder');
		// The node's own form: fields shown only when it runs as an AI tool (`@tool`) are checked in test/unit/toolSchemas.test.ts.
		const properties = enboarder.description.properties.filter((p) => p.displayOptions?.show?.resource?.[0] === 'workflow' && p.displayOptions?.show?.['@tool'] === undefined);
		const operation = properties.find((p) => p.name === 'operation');
		assert.deepEqual(
			operation?.options?.map((o) => [(o as INodePropertyOptions).value, (o as INodePropertyOptions).action]),
			[
				['cancel', 'Cancel an onboarding workflow'],
				['launch', 'Launch an onboarding workflow'],
				['launchAdvanced', 'Launch an onboarding workflow with managers'],
				['update', 'Update an onboarding workflow'],
			],
		);
		const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));
		const fields: Array<[string, INodeProperties]> = [];
		const walk = (path: string, list: INodeProperties[]) => {
			for (const field of list) {
				fields.push([`${path}${field.displayName}`, field]);
				if (field.type === 'options') {
					const names = (field.options as INodePropertyOptions[]).map((o) => o.name);
					assert.deepEqual(names, sorted(names), `${field.displayName}: options in alphabetical order`);
				}
				if (field.type === 'collection') {
					const names = (field.options as INodeProperties[]).map((o) => o.displayName);
					assert.deepEqual(names, sorted(names), `${field.displayName}: fields in alphabetical order`);
					walk(`${path}${field.displayName} › `, field.options as INodeProperties[]);
				}
				if (field.type === 'fixedCollection') {
					for (const group of field.options as INodePropertyCollection[]) walk(`${path}${field.displayName} › ${group.displayName} › `, group.values);
				}
			}
		};
		walk('', properties);
		for (const [path, field] of fields) assert.ok(path === 'Operation' || (field.description ?? '').length > 10, `${path} has a description`);
		const required = fields.filter(([, field]) => field.required).map(([path, field]) => `${path} (${field.displayOptions?.show?.operation})`);
		assert.deepEqual(required, [
			'New Hire Name (launch)',
			'New Hire Name (launchAdvanced)',
			'Managers (launchAdvanced)',
			'Managers › By Details › Label (undefined)',
			'Managers › By Details › Name (undefined)',
			'Managers › By External ID › External ID (undefined)',
			'Managers › By External ID › Label (undefined)',
			'External ID (update)',
			'External ID (cancel)',
			'Custom Fields (cancel)',
		]);
		const dates = fields.filter(([path]) => path.endsWith('Start Date'));
		assert.equal(dates.length, 3);
		for (const [path, field] of dates) assert.equal(field.placeholder, 'YYYY-MM-DD', path);
	});
});
