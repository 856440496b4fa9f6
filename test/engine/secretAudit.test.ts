/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import { audited, type E2eLib, type ExecuteResult, type N8nApp } from '../e2e/support';
import {
	assertNoSecrets,
	assertNoSecretsInLedger,
	assertNoSecretsInOutput,
	capturedOutput,
	findSecrets,
	HarnessCredentialsHelper,
	loadExample,
	registerBasicPair,
	registerSecret,
	resetTokenState,
	runWorkflow,
	secretForms,
	serializeError,
	testCredential,
	type WorkflowJson,
} from '../harness';

/**
 * Runs the token scenarios of the suites above — success, early renewal, revocation, wrong
 * password, wrong API key, every Test button — and then searches everything they produced (output
 * items, errors, credential-test messages and every line this process logged) for any secret:
 * passwords, client secrets, API keys, PATs, the tokens the sandbox issued and Basic headers.
 */
describe('secret audit: no secret in any output, error or log line', () => {
	let sandbox: Sandbox;
	let urls: ReturnType<typeof vendorBaseUrls>;
	const produced: string[] = [];

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		urls = vendorBaseUrls(sandbox.url);
		resetTokenState();
		registerSecret('wrong Enkash password', 'wrong-password-for-audit');
		registerSecret('wrong Enboarder key', 'wrong-enboarder-key-for-audit');
	});
	after(async () => await sandbox.close());

	function enkash(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
		const d = DEMO_CREDENTIALS.enkash;
		return {
			environment: 'custom',
			baseUrl: urls.enkash,
			oauthClientId: d.oauthClientId,
			oauthClientSecret: d.oauthClientSecret,
			username: d.username,
			password: d.password,
			companyClientId: d.companyClientId,
			...overrides,
		};
	}

	async function run(workflow: WorkflowJson, type: string, data: ICredentialDataDecryptedObject, input: IDataObject[]) {
		const credentials = new HarnessCredentialsHelper();
		const id = workflow.nodes.find((n) => n.credentials)!.credentials![type].id!;
		await credentials.add({ id, type, data });
		const result = await runWorkflow(workflow, { credentials, input });
		produced.push(serializeError(result.run.data.resultData));
		return result;
	}

	function enkashWorkflow(continueOnFail: boolean): WorkflowJson {
		const json = loadExample('enkash-get-invoice.json');
		const node = json.nodes.find((n) => n.name === 'Get Invoice')!;
		node.parameters.options = { concurrency: 10 };
		if (continueOnFail) Object.assign(node, { onError: 'continueRegularOutput' });
		return json;
	}

	const invoices = (n: number) => Array.from({ length: n }, (_, i) => ({ invoiceId: `EKINV${1000000001 + i}` }));

	test('the scenarios run (and fail where they should)', async () => {
		await sandbox.control.setTokenLifetime('enkash', 1);
		// 150 reads, ten at a time, 60 ms each: at least 0.9 s however fast the machine, so the 1 s token
		// is renewed early (at 0.75 s) during the run.
		await sandbox.control.setLatency(60);
		assert.equal((await run(enkashWorkflow(false), 'enkashApi', enkash(), invoices(150))).status, 'success');
		const renewed = (await sandbox.control.ledger()).requests.filter((r) => r.kind === 'token' && r.grant === 'refresh_token' && r.status === 200);
		assert.ok(renewed.length > 0, 'the token was renewed early during the run');
		await sandbox.control.setLatency(0);
		// Revoked as the 100th of the next 300 reads arrives (a timer could fire before or after the run).
		await sandbox.control.addTrigger({ vendor: 'enkash', afterRequests: 100, action: 'revoke' });
		assert.equal((await run(enkashWorkflow(false), 'enkashApi', enkash(), invoices(300))).status, 'success');
		assert.equal((await sandbox.control.triggers())[0].firedAtSeq.length, 1, 'the token was revoked mid-run');

		const wrong = await run(enkashWorkflow(true), 'enkashApi', enkash({ password: 'wrong-password-for-audit' }), invoices(20));
		assert.match(String(wrong.output('Get Invoice')[0].json.error), /Enkash refused the token request/);
		const failed = await run(enkashWorkflow(false), 'enkashApi', enkash({ password: 'wrong-password-for-audit' }), invoices(3));
		assert.equal(failed.status, 'error');

		const enboarder = loadExample('enboarder-list-report-workflows.json');
		const bad = await run(enboarder, 'enboarderApi', { region: 'custom', baseUrl: urls.enboarder, apiKey: 'wrong-enboarder-key-for-audit' }, [{}]);
		assert.equal(bad.status, 'error');
		assert.equal(
			(await run(enboarder, 'enboarderApi', { region: 'custom', baseUrl: urls.enboarder, apiKey: DEMO_CREDENTIALS.enboarder.apiKey }, [{}])).status,
			'success',
		);

		const buttons: Array<[string, ICredentialDataDecryptedObject]> = [
			['enkashApi', enkash()],
			['enkashApi', enkash({ password: 'wrong-password-for-audit' })],
			['partnerApi', { tokenUrl: urls.partnerTokenUrl, clientId: DEMO_CREDENTIALS.partner.clientId, clientSecret: DEMO_CREDENTIALS.partner.clientSecret }],
			['partnerApi', { tokenUrl: urls.partnerTokenUrl, clientId: DEMO_CREDENTIALS.partner.clientId, clientSecret: 'wrong-partner-secret-audit' }],
			['enboarderOAuth2Api', { region: 'custom', baseUrl: urls.enboarder, tokenUrl: urls.enboarderTokenUrl, clientId: DEMO_CREDENTIALS.enboarder.clientId, clientSecret: DEMO_CREDENTIALS.enboarder.clientSecret }],
			['enboarderOAuth2Api', { region: 'custom', baseUrl: urls.enboarder, tokenUrl: urls.enboarderTokenUrl, clientId: DEMO_CREDENTIALS.enboarder.clientId, clientSecret: 'wrong-enboarder-secret-audit' }],
			['personalAccessTokenApi', { baseUrl: urls.pat, token: 'wrong-pat-for-audit' }],
		];
		for (const [index, [type, data]] of buttons.entries()) {
			const credentials = new HarnessCredentialsHelper();
			await credentials.add({ id: `button-${index}`, type, data });
			produced.push(JSON.stringify(await testCredential(credentials, { id: `button-${index}`, type })));
		}
		const requests = (await sandbox.control.ledger()).requests;
		assert.ok(requests.some((r) => r.kind === 'token' && r.status === 200), 'tokens were issued');
		assert.ok(requests.some((r) => r.status === 401), 'some requests were refused');
	});

	test('no secret in any output item or error', () => {
		assert.ok(produced.length >= 13);
		assert.deepEqual(findSecrets(produced.join('\n')), []);
	});

	test("no secret in the sandbox's request log (it keeps no header, token or body)", async () => {
		const { requests } = await sandbox.control.ledger();
		assert.ok(requests.length > 400, 'the scenarios made requests');
		await assertNoSecretsInLedger(sandbox.control);
	});

	test('no secret in any log line', () => {
		assert.ok(capturedOutput().length > 0, 'log lines were captured');
		assert.deepEqual(findSecrets(capturedOutput()), []);
	});

	test('the audit finds a secret that is logged on purpose', () => {
		registerSecret('planted secret', 'planted-secret-7f3a9c');
		console.log('debug: token=planted-secret-7f3a9c');
		assert.deepEqual(findSecrets(capturedOutput()), ['planted secret']);
		assert.deepEqual(findSecrets(JSON.stringify({ json: { error: 'x planted-secret-7f3a9c' } })), ['planted secret']);
	});

	// --- the audit itself: each form of a planted secret is found, and every check fails on it ---------

	const PLANTED = 'pl@nted/Secret+42 "x"?&';

	test('every form the audit searches is found where it would leak', () => {
		registerSecret('planted form secret', PLANTED);
		const forms = new Map(secretForms(PLANTED));
		assert.deepEqual(
			[...forms.keys()],
			// base64url is searched only where it differs from base64 (a + or / among the characters).
			['plain', 'URL-encoded', 'form-encoded', 'JSON-escaped', 'base64, offset 0', 'base64, offset 1', 'base64, offset 2', 'base64url, offset 2'],
		);
		const leaks: Array<[string, string]> = [
			['plain', `error: wrong token ${PLANTED} for user`],
			['URL-encoded', `GET /api?token=${encodeURIComponent(PLANTED)}&page=2`],
			['form-encoded', `grant_type=password&password=${new URLSearchParams({ p: PLANTED }).toString().slice(2)}`],
			['JSON-escaped', JSON.stringify({ json: { error: `refused ${PLANTED}` } })],
			['base64, offset 0', `Authorization: Basic ${Buffer.from(`${PLANTED}:x`).toString('base64')}`],
			['base64, offset 2', `Authorization: Basic ${Buffer.from(`u:${PLANTED}`).toString('base64')}`],
			['base64, offset 0', `Authorization: Basic ${Buffer.from(`us:${PLANTED}`).toString('base64')}`],
			['base64, offset 1', `Authorization: Basic ${Buffer.from(`abc:${PLANTED}`).toString('base64')}`],
			['base64url, offset 2', `jwt=${Buffer.from(`u:${PLANTED}`).toString('base64url')}`],
		];
		for (const [form, text] of leaks) {
			const label = form === 'plain' ? 'planted form secret' : `planted form secret (${form})`;
			assert.ok(findSecrets(text).includes(label), `${form} not found in ${text}: ${JSON.stringify(findSecrets(text))}`);
			assert.throws(() => assertNoSecrets('a planted leak', text), /Secret leak in a planted leak/);
		}
		// And nothing is found where the secret is not.
		assert.deepEqual(findSecrets(`Authorization: Basic ${Buffer.from('u:another-value-entirely').toString('base64')}`), []);
	});

	test('a Basic header built from a client ID and secret is caught', () => {
		registerBasicPair('planted client', 'planted-client-id', 'planted-client-s3cret');
		assert.ok(findSecrets(`authorization: Basic ${Buffer.from('planted-client-id:planted-client-s3cret').toString('base64')}`).includes('planted client (Basic header)'));
	});

	test('the audit fails a run whose output carries a secret (here base64-encoded)', async () => {
		registerSecret('planted output secret', 'planted-output-secret-91b2');
		const workflow: WorkflowJson = {
			name: 'Leaks a secret',
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'noop', name: 'Pass', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
			],
			connections: { Start: { main: [[{ node: 'Pass', type: 'main', index: 0 }]] } },
		};
		const input = [{ header: `Basic ${Buffer.from('user:planted-output-secret-91b2').toString('base64')}` }];
		await assert.rejects(runWorkflow(workflow, { credentials: new HarnessCredentialsHelper(), input }), /Secret leak in the run of "Leaks a secret": planted output secret \(base64, offset 2\)/);
	});

	test('the audit fails a thrown error that carries a secret (URL-encoded) in its cause', () => {
		registerSecret('planted error secret', 'planted/error secret+55');
		const error = new Error('request failed', { cause: { config: { url: `https://api.example/token?secret=${encodeURIComponent('planted/error secret+55')}` } } });
		assert.throws(() => assertNoSecrets('a thrown error', serializeError(error)), /planted error secret \(URL-encoded\)/);
	});

	test("the audit fails when a secret reaches the sandbox's request log (e.g. a token in a URL)", async () => {
		registerSecret('planted URL secret', 'planted-url-secret-0c4d');
		await fetch(`${urls.enkash}/api/v0/invoice/planted-url-secret-0c4d`);
		await assert.rejects(assertNoSecretsInLedger(sandbox.control), /Secret leak in the sandbox ledger: planted URL secret/);
	});

	test('the audit fails when a secret is logged URL-encoded or base64-encoded', () => {
		registerSecret('planted log secret', 'planted-log-secret/ä+1');
		assert.ok(!findSecrets(capturedOutput()).some((label) => label.startsWith('planted log secret')), 'not logged yet');
		console.log(`debug: GET /x?key=${encodeURIComponent('planted-log-secret/ä+1')}`);
		assert.throws(() => assertNoSecretsInOutput(), /planted log secret \(URL-encoded\)/);
		console.error(`debug: ${Buffer.from('x:planted-log-secret/ä+1').toString('base64')}`);
		assert.throws(() => assertNoSecretsInOutput(), /planted log secret \(base64, offset 2\)/);
	});

	test("in the real-n8n tests, imported credentials are registered and n8n's log output is audited", async () => {
		let printed = '';
		const lib = audited({
			importCredentials: async () => undefined,
			executeWorkflow: async (): Promise<ExecuteResult> => ({ ok: true, code: 0, stdout: printed, stderr: '' }),
		} as unknown as E2eLib);
		const app = {} as N8nApp;
		await lib.importCredentials(app, {
			env: {},
			userFolder: '',
			credentials: [{ id: 'e2e-enkash', name: 'Enkash', type: 'enkashApi', data: { ...enkash(), password: 'e2e-planted/pass@word', oauthClientSecret: 'e2e-planted-client-secret' } }],
		});
		printed = 'Workflow executed successfully\n{"data":{}}';
		assert.equal((await lib.executeWorkflow(app, { env: {}, userFolder: '', workflowId: 'w1' })).ok, true);
		printed = `Enqueued request with headers {"authorization":"Basic ${Buffer.from('enkash-client:e2e-planted-client-secret').toString('base64')}"}`;
		await assert.rejects(lib.executeWorkflow(app, { env: {}, userFolder: '', workflowId: 'w2' }), /Secret leak in n8n execute w2 \(stdout.*enkashApi\.oauthClientSecret \(e2e-enkash\)/);
		printed = `login failed: password=${encodeURIComponent('e2e-planted/pass@word')}`;
		await assert.rejects(lib.executeWorkflow(app, { env: {}, userFolder: '', workflowId: 'w3' }), /enkashApi\.password \(e2e-enkash\) \(URL-encoded\)/);
	});
});
