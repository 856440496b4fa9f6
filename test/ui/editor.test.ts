/**
 * Issue 9: the editor experience, the way users live it. A real n8n 2.41.1 from `npm start` (our
 * package installed as a community package, the sandbox behind it) driven in Debian's Chromium by
 * clicks and typing:
 *
 * - sign in;
 * - create each of our six credential types through its form: Test (Save) succeeds with the
 *   sandbox's values and shows a clear failure with a wrong secret (for the OAuth2 authorization
 *   code type, which has no Test request, Connect plays that part);
 * - add the Enkash node, Invoice → Create: a customer from the resource locator's list, a due date
 *   typed as 2026-12-01, Execute step, read the output panel;
 * - add the Enboarder node, Workflow → Launch, fill, Execute step, read the output;
 * - open two example workflows and run them end to end.
 *
 * Along the way it checks the visible half of the form review (every field described, required
 * fields marked, dates say YYYY-MM-DD, operations read as actions, options sorted, only the fields
 * the operation uses) against the built descriptions, and that every operation the nodes implement
 * is in the editor's Operation list. A screenshot of every step lands in `.artifacts/ui/`.
 *
 * Run with `npm run test:ui`; UPDATE_SCREENSHOTS=1 also copies the README's pictures to
 * docs/.images/screenshots/.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { DEMO_CREDENTIALS, vendorBaseUrls } from '../../sandbox';
import { repoRoot } from '../harness/packageTypes';
import { enkashCredentialData } from '../harness/sandboxCredentials';
import { ensureChromium, launchChromium, type LaunchedBrowser } from './support/chromium';
import {
	expectedOperationNames,
	isDateField,
	loadPackage,
	operationsOf,
	resourcesOf,
	shownProperties,
	type LoadedNode,
} from './support/descriptions';
import { Editor, type CredentialOutcome, type ShownField } from './support/editor';
import { OWNER, startN8n, type RunningN8n } from '../harness/npmStart';

const ROOT = repoRoot();
// A dot-folder: `n8n-node build` copies every .png outside dist/ and node_modules/ into the package build, dot-folders excepted.
const ARTIFACTS = join(ROOT, '.artifacts', 'ui');
const DOCS_SCREENSHOTS = join(ROOT, 'docs', '.images', 'screenshots');
/** n8n appends this to the Resource and Operation lists of nodes whose credential the HTTP Request node can use. */
const N8N_CUSTOM_API_CALL = 'Custom API Call';

const log = (line: string) => console.log(`# ${line}`);
const { nodes, credentials } = loadPackage();
const nodeNamed = (name: string): LoadedNode => nodes.find((node) => node.description.name === name)!;

/** Problems found along a test, asserted together at its end so one finding does not hide the next. */
class Problems {
	readonly list: string[] = [];
	check(ok: boolean, problem: string): void {
		if (!ok) this.list.push(problem);
	}
	equal<T>(actual: T, expected: T, what: string): void {
		const a = JSON.stringify(actual);
		const e = JSON.stringify(expected);
		if (a !== e) this.list.push(`${what}:\n      shown:    ${a}\n      expected: ${e}`);
	}
	assertNone(title: string): void {
		assert.equal(this.list.length, 0, `${title}: ${this.list.length} problem(s)\n  - ${this.list.join('\n  - ')}`);
	}
}

const isSorted = (names: string[]) => names.every((name, index) => index === 0 || names[index - 1].localeCompare(name) <= 0);

/** The fields of ours a form shows must be described and marked required exactly when declared so. */
function reviewShownFields(problems: Problems, where: string, shown: ShownField[], properties: INodeProperties[]): void {
	for (const field of shown) {
		const property = properties.find((candidate) => candidate.name === field.name || candidate.displayName === field.label);
		if (!property) continue; // n8n's own fields (OAuth2 parent fields, Allowed HTTP Request Domains)
		const exempt = ['resource', 'operation', 'authentication'].includes(property.name) || property.type === 'collection';
		problems.check(exempt || field.described, `${where} › ${field.label} (${property.name}): shown without a description (no ⓘ beside the label)`);
	}
}

// --- credentials ----------------------------------------------------------------------------------

interface CredentialCase {
	type: string;
	/** Selects to set first (label of the option to pick). */
	selects?: Record<string, string>;
	fields: Record<string, string>;
	secretField: string;
	/** What a clear failure message must mention, beyond "it failed". */
	clearFailure: RegExp[];
	/** The OAuth2 authorization-code type: no Test request; Connect runs the consent flow instead. */
	oauth2?: boolean;
}

/** Credential data without its Environment select (the form test chooses it from the list). */
function withoutEnvironment(data: Record<string, unknown>): Record<string, string> {
	return Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'environment').map(([key, value]) => [key, String(value)]));
}

function credentialCases(sandboxUrl: string): CredentialCase[] {
	const urls = vendorBaseUrls(sandboxUrl);
	const demo = DEMO_CREDENTIALS;
	return [
		{
			type: 'enkashApi',
			selects: { environment: 'Custom URL' },
			// The sandbox's credential without Environment, which is chosen above.
			fields: withoutEnvironment(enkashCredentialData(sandboxUrl)),
			secretField: 'oauthClientSecret',
			clearFailure: [/Enkash/, /refused|rejected|401|invalid|wrong/i],
		},
		{
			type: 'enboarderApi',
			selects: { region: 'Custom URL' },
			fields: { baseUrl: urls.enboarder, apiKey: demo.enboarder.apiKey },
			secretField: 'apiKey',
			clearFailure: [/Enboarder/, /API key/i],
		},
		{
			type: 'enboarderOAuth2Api',
			selects: { region: 'Custom URL' },
			fields: { baseUrl: urls.enboarder, tokenUrl: urls.enboarderTokenUrl, clientId: demo.enboarder.clientId, clientSecret: demo.enboarder.clientSecret },
			secretField: 'clientSecret',
			clearFailure: [/Enboarder/, /refused|rejected|401|invalid|wrong/i],
		},
		{
			type: 'partnerApi',
			fields: { tokenUrl: urls.partnerTokenUrl, clientId: demo.partner.clientId, clientSecret: demo.partner.clientSecret },
			secretField: 'clientSecret',
			clearFailure: [/Partner/, /refused|rejected|401|invalid|wrong/i],
		},
		{
			type: 'personalAccessTokenApi',
			fields: { baseUrl: urls.pat, token: demo.pat.personalAccessToken },
			secretField: 'token',
			clearFailure: [/token/i, /refused|rejected|401|invalid|wrong|expired/i],
		},
		{
			type: 'authorizationCodeOAuth2Api',
			fields: { authUrl: urls.patAuthorizeUrl, accessTokenUrl: urls.patTokenUrl, clientId: demo.pat.oauthClientId, clientSecret: demo.pat.oauthClientSecret },
			secretField: 'clientSecret',
			clearFailure: [/client/i, /authentication failed|invalid|refused|rejected|401/i],
			oauth2: true,
		},
	];
}

// --- the test ---------------------------------------------------------------------------------------

describe('the n8n editor with our package, in a real browser', { concurrency: false }, () => {
	let n8n: RunningN8n | undefined;
	let browser: LaunchedBrowser | undefined;
	let editor: Editor;
	let page: Page;
	const timings: string[] = [];

	before(
		async () => {
			rmSync(ARTIFACTS, { recursive: true, force: true });
			mkdirSync(ARTIFACTS, { recursive: true });
			const t0 = Date.now();
			ensureChromium(log);
			timings.push(`${Math.round((Date.now() - t0) / 1000)} s  Chromium present or installed`);
			const t1 = Date.now();
			n8n = await startN8n(join(ARTIFACTS, 'npm-start.log'));
			timings.push(`${Math.round((Date.now() - t1) / 1000)} s  npm start until n8n is ready`);
			log(`n8n ${n8n.baseUrl}, sandbox ${n8n.sandboxUrl}`);
			browser = await launchChromium();
			page = browser.context.pages()[0] ?? (await browser.context.newPage());
			editor = new Editor(page, n8n.baseUrl, ARTIFACTS);
		},
		{ timeout: 25 * 60_000 },
	);

	after(async () => {
		await browser?.close();
		await n8n?.stop();
		if (process.env.UPDATE_SCREENSHOTS === '1') copyReadmePictures();
		log(`timings:\n#   ${timings.join('\n#   ')}`);
		log(`screenshots and the npm start log: ${ARTIFACTS}`);
	});

	/** A test that records its time and, when it fails, leaves a screenshot of where it stood. */
	const step = (name: string, timeoutMs: number, body: () => Promise<void>) =>
		test(name, { timeout: timeoutMs }, async () => {
			const started = Date.now();
			try {
				await body();
			} catch (error) {
				if (editor) await editor.screenshot(`FAILED-${name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`).catch(() => {});
				throw error;
			} finally {
				timings.push(`${Math.round((Date.now() - started) / 1000)} s  ${name}`);
			}
		});

	step('sign in as the owner npm start provisions', 60_000, async () => {
		await editor.signIn(OWNER.email, OWNER.password);
		await editor.screenshot('signed-in');
	});

	// One test per credential type; the cases need the sandbox URL, known once n8n runs.
	for (const credential of credentials) {
		const { type } = credential;
		step(`credential ${type.displayName}: its form, Test with the sandbox's values, a clear failure with a wrong secret`, 3 * 60_000, async () => {
			const testCase = credentialCases(n8n!.sandboxUrl).find((candidate) => candidate.type === type.name);
			assert.ok(testCase, `no browser case for credential type ${type.name}: add one to credentialCases()`);
			const problems = new Problems();
			const where = `${type.displayName} (credential ${type.name})`;
			const modal = await editor.openNewCredential(type.displayName);
			await editor.renameCredential(`${type.displayName} (UI test)`);

			for (const [parameter, option] of Object.entries(testCase.selects ?? {})) {
				const offered = await editor.chooseOption(modal, parameter, option);
				problems.check(isSorted(offered), `${where} › ${parameter}: options not sorted: ${offered.join(', ')}`);
			}
			// Required fields marked: the asterisk is shown exactly on the fields declared required.
			const shown = await editor.shownFields(modal.getByTestId('credential-connection-parameter').first().locator('xpath=..'));
			const { shown: expected } = shownProperties(type.properties, testCase.selects ? mapSelects(type.properties, testCase.selects) : {});
			for (const property of expected.filter((candidate) => !['hidden', 'notice'].includes(candidate.type))) {
				const field = shown.find((candidate) => candidate.name === property.name);
				problems.check(field !== undefined, `${where} › ${property.displayName} (${property.name}): declared but not shown`);
				if (field) problems.check(field.required === Boolean(property.required), `${where} › ${property.displayName}: required is ${Boolean(property.required)} but the asterisk is ${field.required ? '' : 'not '}shown`);
			}
			reviewShownFields(problems, where, shown, type.properties);

			for (const [name, value] of Object.entries(testCase.fields)) await editor.typeInto(modal, name, value);
			const slug = type.name;
			if (testCase.oauth2) {
				await connectOAuth2(testCase, problems, where, slug);
			} else {
				const good = await editor.saveCredential();
				await editor.screenshot(`credential-${slug}-test-success`, modal);
				problems.check(good.status === 'success', `${where}: Test with the sandbox's values did not succeed: ${describeOutcome(good)}`);

				await editor.typeInto(modal, testCase.secretField, 'wrong-secret-from-ui-test');
				const bad = await editor.saveCredential();
				await editor.screenshot(`credential-${slug}-test-wrong-secret`, modal);
				problems.check(bad.status === 'failure', `${where}: Test with a wrong ${testCase.secretField} did not fail: ${describeOutcome(bad)}`);
				if (bad.status === 'failure') {
					for (const mention of testCase.clearFailure) {
						problems.check(
							mention.test(bad.details),
							`${where}: the failure message for a wrong ${testCase.secretField} is not clear: "${bad.details}" (it should say ${mention} — who refused what)`,
						);
					}
				}
				// Back to the right secret: the credential works again (and Enkash's lockout counter is reset).
				await editor.typeInto(modal, testCase.secretField, testCase.fields[testCase.secretField]);
				const again = await editor.saveCredential();
				problems.check(again.status === 'success', `${where}: Test after restoring the right secret did not succeed: ${describeOutcome(again)}`);
				await editor.closeCredential();
			}
			problems.assertNone(where);
		});
	}

	/** Connect (n8n opens the provider's consent page in a popup; the sandbox consents on its own). */
	async function connectOAuth2(testCase: CredentialCase, problems: Problems, where: string, slug: string): Promise<void> {
		const modal = editor.credentialModal;
		await editor.saveCredential({ expectTest: false });
		const connect = async (): Promise<Page> => {
			const popup = page.context().waitForEvent('page', { timeout: 20_000 });
			await modal.getByTestId('oauth-connect-button').or(modal.getByTestId('quick-connect-button')).first().click();
			return await popup;
		};
		let popup = await connect();
		await popup.waitForEvent('close', { timeout: 30_000 }).catch(() => {});
		await modal.getByTestId('oauth-connect-success-banner').waitFor({ timeout: 15_000 }).catch(() => {});
		await editor.screenshot(`credential-${slug}-connected`, modal);
		problems.check(await modal.getByTestId('oauth-connect-success-banner').isVisible(), `${where}: Connect with the sandbox's values did not connect the account`);
		await editor.closeCredential();

		// A second credential with a wrong client secret: the token exchange fails and says why.
		const displayName = credentials.find((candidate) => candidate.type.name === testCase.type)!.type.displayName;
		await editor.openNewCredential(displayName);
		await editor.renameCredential(`${displayName} (UI test, wrong secret)`);
		for (const [name, value] of Object.entries(testCase.fields)) {
			await editor.typeInto(editor.credentialModal, name, name === testCase.secretField ? 'wrong-secret-from-ui-test' : value);
		}
		await editor.saveCredential({ expectTest: false });
		popup = await connect();
		await popup.waitForLoadState();
		await popup.getByText(/Failed to connect|Error/i).first().waitFor({ timeout: 20_000 }).catch(() => {});
		const message = popup.isClosed() ? '' : (await popup.locator('body').innerText()).trim();
		if (!popup.isClosed()) {
			await editor.screenshot(`credential-${slug}-connect-wrong-secret-popup`, popup);
			await popup.close();
		}
		await editor.screenshot(`credential-${slug}-connect-wrong-secret`, editor.credentialModal);
		problems.check(
			!(await editor.credentialModal.getByTestId('oauth-connect-success-banner').isVisible()),
			`${where}: Connect with a wrong client secret reports the account as connected`,
		);
		for (const mention of testCase.clearFailure) {
			problems.check(mention.test(message), `${where}: the Connect failure with a wrong client secret is not clear: "${message}" (it should say ${mention})`);
		}
		await editor.closeCredential();
	}

	step('Enkash node: Invoice → Create, a customer from the list, due date 2026-12-01, Execute step', 4 * 60_000, async () => {
		const node = nodeNamed('enkash');
		const problems = new Problems();
		await editor.newWorkflow();
		await editor.addManualTrigger();
		await checkActionsAndChoose(node, problems, 'Enkash', 'Create an invoice', 'enkash-actions');
		await editor.chooseCredential('sandbox-enkash');
		await checkOperationLists(node, problems);
		// Invoice → Create, chosen the way a user does in the two selects.
		await editor.chooseOption(editor.ndv, 'resource', 'Invoice');
		await editor.chooseOption(editor.ndv, 'operation', 'Create');
		await checkShownFields(node, problems, { resource: 'invoice', operation: 'create' });
		const nodeName = await currentNodeName();
		await editor.closeNdv();
		await checkRequiredIssues(node, problems, { resource: 'invoice', operation: 'create' }, nodeName);
		await editor.openNode(nodeName);

		// The customer from the resource locator's list, searched by name.
		const locator = editor.ndv.getByTestId('resource-locator-customerId');
		await locator.getByTestId('rlc-input').click();
		await page.getByTestId('rlc-search').fill('Konkan Exports');
		await page.getByTestId('rlc-item').filter({ hasText: 'KCDEMOACTIVE0001' }).first().waitFor();
		const listed = await page.getByTestId('rlc-item').allInnerTexts();
		problems.check(listed.length > 0 && listed.every((name) => /Konkan Exports/i.test(name)), `Enkash › Customer: the list searched for "Konkan Exports" shows ${JSON.stringify(listed)}`);
		await editor.screenshot('enkash-customer-list');
		await page.getByTestId('rlc-item').filter({ hasText: 'KCDEMOACTIVE0001' }).first().click();
		await editor.typeInto(editor.ndv, 'baseAmount', '1500');
		await editor.typeInto(editor.ndv, 'dueDate', '2026-12-01', { keyByKey: true });
		await editor.screenshot('enkash-invoice-create-filled', editor.ndv);

		const since = await ledgerSeq();
		const status = await editor.executeStep();
		if (status !== 'success') await editor.screenshot('enkash-invoice-create-output', editor.ndv);
		assert.equal(status, 'success', `Execute step failed: ${status === 'error' ? await editor.outputError() : ''}`);
		const items = await editor.outputJson();
		await editor.screenshot('enkash-invoice-create-output', editor.ndv);
		assert.equal(items.length, 1, `one invoice in the output panel: ${JSON.stringify(items)}`);
		const [invoice] = items;
		assert.match(String(invoice.invoiceId), /^EKINV\d+$/);
		assert.equal(invoice.customerId, 'KCDEMOACTIVE0001');
		assert.equal(invoice.dueDate, '2026-12-01');
		assert.equal(invoice.baseAmount, 1500);
		const calls = await ledger(since);
		assert.ok(
			calls.some((call) => call.vendor === 'enkash' && call.method === 'POST' && call.path === '/api/v0/invoice' && call.status < 300),
			`the sandbox received the invoice: ${JSON.stringify(calls)}`,
		);
		problems.assertNone('Enkash node form');
	});

	step('Enboarder node: Workflow → Launch, filled and executed', 4 * 60_000, async () => {
		const node = nodeNamed('enboarder');
		const problems = new Problems();
		await editor.newWorkflow();
		await editor.addManualTrigger();
		await checkActionsAndChoose(node, problems, 'Enboarder', 'Launch an onboarding workflow', 'enboarder-actions');
		await editor.chooseCredential('sandbox-enboarder');
		await checkOperationLists(node, problems);
		await editor.chooseOption(editor.ndv, 'resource', 'Workflow');
		await editor.chooseOption(editor.ndv, 'operation', 'Launch');
		await checkShownFields(node, problems, { resource: 'workflow', operation: 'launch', authentication: 'apiKey' });
		const nodeName = await currentNodeName();
		await editor.closeNdv();
		await checkRequiredIssues(node, problems, { resource: 'workflow', operation: 'launch', authentication: 'apiKey' }, nodeName);
		await editor.openNode(nodeName);

		const externalId = `UI-TEST-${Date.now()}`;
		await editor.typeInto(editor.ndv, 'newHireName', 'Priya Sharma');
		await editor.typeInto(editor.ndv, 'newHireEmail', 'priya.sharma@example.com');
		await editor.typeInto(editor.ndv, 'startDate', '2026-12-07', { keyByKey: true });
		await editor.typeInto(editor.ndv, 'workflowExternalId', externalId);
		await editor.screenshot('enboarder-workflow-launch-filled', editor.ndv);
		const status = await editor.executeStep();
		if (status !== 'success') await editor.screenshot('enboarder-workflow-launch-output', editor.ndv);
		assert.equal(status, 'success', `Execute step failed: ${status === 'error' ? await editor.outputError() : ''}`);
		const items = await editor.outputJson();
		await editor.screenshot('enboarder-workflow-launch-output', editor.ndv);
		assert.equal(items.length, 1, JSON.stringify(items));
		assert.equal(items[0].externalid, externalId);
		assert.equal(items[0].alreadyLaunched, false);
		assert.match(String(items[0].referenceid), /\S/);
		problems.assertNone('Enboarder node form');
	});

	for (const file of ['enkash-create-invoice.json', 'enboarder-list-report-workflows.json']) {
		step(`example workflow ${file}: opened from the workflow list and run end to end`, 3 * 60_000, async () => {
			const example = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as {
				name: string;
				nodes: Array<{ name: string; type: string }>;
				connections: Record<string, unknown>;
			};
			await editor.openWorkflow(example.name);
			await editor.screenshot(`example-${file.replace(/\.json$/, '')}-opened`);
			const statuses = await editor.executeWorkflow();
			await editor.screenshot(`example-${file.replace(/\.json$/, '')}-run`);
			const expected = Object.fromEntries(example.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => [node.name, 'success']));
			assert.deepEqual(statuses, expected, 'every node of the example ran successfully');
			// The last node's output, as a user reads it.
			const last = example.nodes.find((node) => node.type.startsWith('n8n-nodes-token-connectors.') && !(node.name in example.connections))!;
			await editor.openNode(last.name);
			const count = await editor.outputCount();
			await editor.screenshot(`example-${file.replace(/\.json$/, '')}-output`, editor.ndv);
			assert.ok(count > 0, `${last.name} shows items in its output panel`);
			if (file === 'enkash-create-invoice.json') assert.equal((await editor.outputJson())[0].externalId, 'demo-order-1');
			await editor.closeNdv();
		});
	}

	step('example workflow enkash-ai-agent-tools.json: an AI Agent with our tools runs, and a tool shows the description the model reads', 3 * 60_000, async () => {
		const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'enkash-ai-agent-tools.json'), 'utf8')) as { name: string };
		await editor.openWorkflow(example.name);
		await editor.screenshot('example-enkash-ai-agent-tools-opened');
		const statuses = await editor.executeWorkflow();
		await editor.screenshot('example-enkash-ai-agent-tools-run');
		assert.equal(statuses['AI Agent'], 'success', JSON.stringify(statuses));
		for (const tool of ['Create invoice', 'Search invoices']) assert.notEqual(statuses[tool], 'error', `${tool}: ${JSON.stringify(statuses)}`);
		// The tool's form: the Tool Description (what the model reads) and the fields the model fills.
		await editor.openNode('Create invoice');
		await editor.ndv.getByText('Tool Description').first().waitFor();
		await editor.screenshot('example-enkash-ai-agent-tools-create-invoice', editor.ndv);
		await editor.closeNdv();
	});

	// --- steps shared by the two node tests -------------------------------------------------------

	/** The node panel lists one action per implemented operation, grouped by resource; then picks one. */
	async function checkActionsAndChoose(node: LoadedNode, problems: Problems, search: string, action: string, shot: string): Promise<void> {
		const lines = await editor.openNodeActions(search, node.description.displayName);
		await editor.screenshot(shot);
		const expected: string[] = [];
		for (const resource of resourcesOf(node)) {
			const offered = operationsOf(node, String(resource.value));
			const implemented = [...(node.implemented.get(String(resource.value))?.keys() ?? [])];
			const options = implemented
				.map((value) => offered.find((option) => option.value === value) ?? ({ name: `(missing) ${value}`, value, action: `(missing) ${value}` } as INodePropertyOptions))
				.sort((a, b) => a.name.localeCompare(b.name));
			expected.push(`${resource.name} actions`.toUpperCase(), ...options.map((option) => option.action ?? option.name));
		}
		problems.equal(lines, expected, `${node.description.displayName}: the node panel's actions (one per implemented operation, as actions such as "Create an invoice")`);
		await editor.chooseAction(action);
	}

	/** Every resource's Operation list offers exactly the implemented operations, sorted (plus n8n's Custom API Call). */
	async function checkOperationLists(node: LoadedNode, problems: Problems): Promise<void> {
		const resources = (await editor.chooseOption(editor.ndv, 'resource')).filter((name) => name !== N8N_CUSTOM_API_CALL);
		const expectedResources = resourcesOf(node)
			.filter((resource) => node.implemented.has(String(resource.value)))
			.map((resource) => resource.name);
		problems.equal(resources, expectedResources, `${node.description.displayName} › Resource list`);
		problems.check(isSorted(resources), `${node.description.displayName} › Resource list not sorted: ${resources.join(', ')}`);
		for (const resource of resourcesOf(node)) {
			await editor.chooseOption(editor.ndv, 'resource', resource.name);
			const offered = (await editor.chooseOption(editor.ndv, 'operation')).filter((name) => name !== N8N_CUSTOM_API_CALL);
			problems.equal(offered, expectedOperationNames(node, String(resource.value)), `${node.description.displayName} › ${resource.name} › Operation list`);
			problems.check(isSorted(offered), `${node.description.displayName} › ${resource.name} › Operation list not sorted: ${offered.join(', ')}`);
		}
	}

	/** Only the fields the operation uses (the description's), each described; date fields say YYYY-MM-DD. */
	async function checkShownFields(node: LoadedNode, problems: Problems, chosen: Record<string, string>): Promise<void> {
		const where = `${node.description.displayName} › ${chosen.resource} › ${chosen.operation}`;
		const parameters = editor.ndv.getByTestId('node-parameters');
		const shown = await editor.shownFields(parameters);
		const { shown: expected } = shownProperties(node.description.properties, chosen);
		const visible = expected.filter((property) => !['hidden', 'notice'].includes(property.type) && property.name !== 'authentication');
		problems.equal(
			shown.map((field) => field.label),
			visible.map((property) => property.displayName),
			`${where}: the fields shown`,
		);
		reviewShownFields(problems, where, shown, visible);
		for (const property of visible.filter(isDateField)) {
			const placeholder = await editor.placeholderOf(editor.ndv, property.name);
			problems.check(placeholder.includes('YYYY-MM-DD'), `${where} › ${property.displayName}: placeholder "${placeholder}" does not say YYYY-MM-DD`);
		}
		for (const property of visible.filter((candidate) => candidate.type === 'options' && !['resource', 'operation'].includes(candidate.name))) {
			const offered = await editor.chooseOption(editor.ndv, property.name);
			problems.check(isSorted(offered), `${where} › ${property.displayName}: options not sorted: ${offered.join(', ')}`);
		}
		// Each "Add Field" list (a collection) offers its fields, sorted.
		const collections = visible.filter((property) => property.type === 'collection');
		for (const [index, property] of collections.entries()) {
			const trigger = parameters.getByTestId('collection-parameter-add').nth(index);
			const { names: offered, list } = await editor.openSelect(trigger);
			await trigger.click();
			await list.waitFor({ state: 'hidden' }).catch(() => {});
			problems.equal(offered, ((property.options ?? []) as INodeProperties[]).map((option) => option.displayName), `${where} › ${property.displayName}: the fields "${String(property.placeholder)}" offers`);
			problems.check(isSorted(offered), `${where} › ${property.displayName}: the fields to add are not sorted: ${offered.join(', ')}`);
		}
		await editor.screenshot(`${node.description.name}-${chosen.resource}-${chosen.operation}-form`, editor.ndv);
	}

	/** Required fields are marked: n8n flags each required field left empty as an issue on the node. */
	async function checkRequiredIssues(node: LoadedNode, problems: Problems, chosen: Record<string, string>, nodeName: string): Promise<void> {
		const { shown } = shownProperties(node.description.properties, chosen);
		const isEmpty = (value: unknown) => value === '' || (typeof value === 'object' && value !== null && (value as { value?: unknown }).value === '');
		const expected = shown.filter((property) => property.required && isEmpty(property.default)).map((property) => `Parameter "${property.displayName}" is required.`);
		const issues = await editor.nodeIssues(nodeName);
		await editor.screenshot(`${node.description.name}-${chosen.resource}-${chosen.operation}-required-issues`);
		await page.mouse.move(0, 0);
		problems.equal(issues.filter((line) => /is required/.test(line)).sort(), expected.sort(), `${node.description.displayName} › ${chosen.resource} › ${chosen.operation}: required fields flagged while empty`);
	}

	async function currentNodeName(): Promise<string> {
		const names = await page.getByTestId('canvas-node').evaluateAll((elements) => elements.map((element) => String(element.getAttribute('data-node-name'))));
		return names[names.length - 1];
	}

	async function ledgerSeq(): Promise<number> {
		const snapshot = (await (await fetch(`${n8n!.sandboxUrl}/__control/ledger`)).json()) as { requests: Array<{ seq: number }> };
		return snapshot.requests.at(-1)?.seq ?? 0;
	}

	async function ledger(since: number): Promise<Array<{ vendor: string; method: string; path: string; status: number }>> {
		const snapshot = (await (await fetch(`${n8n!.sandboxUrl}/__control/ledger?since=${since}`)).json()) as {
			requests: Array<{ vendor: string; method: string; path: string; status: number }>;
		};
		return snapshot.requests;
	}
});

/** Screenshots that go into the README (artifact name pattern → docs/.images/screenshots/ file). */
const README_PICTURES: Array<[RegExp, string]> = [
	[/-credential-enkashApi-test-wrong-secret\.png$/, 'credential-test-wrong-secret.png'],
	[/-enkash-actions\.png$/, 'enkash-actions.png'],
	[/-enkash-customer-list\.png$/, 'enkash-customer-list.png'],
	[/-enkash-invoice-create-output\.png$/, 'enkash-invoice-create-output.png'],
	[/-example-enkash-ai-agent-tools-run\.png$/, 'ai-agent-tools-run.png'],
	[/-example-enkash-ai-agent-tools-create-invoice\.png$/, 'ai-agent-tool-description.png'],
];

/** UPDATE_SCREENSHOTS=1: the README's pictures, refreshed from this run's screenshots. */
function copyReadmePictures(): void {
	mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
	const files = readdirSync(ARTIFACTS);
	for (const [pattern, target] of README_PICTURES) {
		const source = files.find((name) => pattern.test(name));
		if (!source) throw new Error(`UPDATE_SCREENSHOTS: no screenshot of this run matches ${pattern}`);
		copyFileSync(join(ARTIFACTS, source), join(DOCS_SCREENSHOTS, target));
		log(`docs/.images/screenshots/${target} ← .artifacts/ui/${source}`);
	}
}

/** For displayOptions: the option values behind the option labels a case picks. */
function mapSelects(properties: INodeProperties[], selects: Record<string, string>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(selects).map(([name, label]) => {
			const property = properties.find((candidate) => candidate.name === name);
			const option = (property?.options as INodePropertyOptions[] | undefined)?.find((candidate) => candidate.name === label);
			return [name, option?.value ?? label];
		}),
	);
}

function describeOutcome(outcome: CredentialOutcome): string {
	if (outcome.status === 'failure') return `failure "${outcome.details}"`;
	return outcome.status === 'none' ? 'no test result shown' : 'success';
}
