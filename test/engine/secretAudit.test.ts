import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import {
	capturedOutput,
	findSecrets,
	HarnessCredentialsHelper,
	loadExample,
	registerSecret,
	resetTokenState,
	runWorkflow,
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
		await sandbox.control.setLatency(15);
		assert.equal((await run(enkashWorkflow(false), 'enkashApi', enkash(), invoices(150))).status, 'success');
		await sandbox.control.setLatency(0);
		setTimeout(() => void sandbox.control.revokeTokens('enkash'), 100);
		assert.equal((await run(enkashWorkflow(false), 'enkashApi', enkash(), invoices(300))).status, 'success');

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
});
