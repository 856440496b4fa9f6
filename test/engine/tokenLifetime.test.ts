/**
 * Token lifetimes through the real engine, for every token credential: whatever the token endpoint
 * says (or leaves out) about expires_in, and whether the token is opaque or a JWT, the renewal time
 * persisted in the credential is the one the rule gives (shared/token/tokenSet.ts), short-lived
 * JWTs are renewed before they expire, and tokens persisted by an older version are renewed once.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type RequestEntry, type Sandbox, type TokenResponseForm, type Vendor, type VendorBaseUrls } from '../../sandbox';
import {
	assertNoSecretsInLedger,
	assertNoSecretsInOutput,
	enkashCredentialData,
	HarnessCredentialsHelper,
	loadExample,
	resetTokenState,
	runWorkflow,
	type WorkflowJson,
} from '../harness';

/** One token credential and a workflow that sends one request per input item with it, one item at a time. */
interface Subject {
	name: string;
	type: string;
	vendor: Vendor;
	node: string;
	data(sandboxUrl: string, urls: VendorBaseUrls): ICredentialDataDecryptedObject;
	workflow(urls: VendorBaseUrls): WorkflowJson;
	input(count: number): IDataObject[];
}

const CREDENTIAL_ID = 'token-lifetime-credential';
const credentialRef = (type: string) => ({ [type]: { id: CREDENTIAL_ID, name: 'Token lifetime credential' } });

const SUBJECTS: Subject[] = [
	{
		name: 'Enkash (password grant, refresh grant)',
		type: 'enkashApi',
		vendor: 'enkash',
		node: 'Get Invoice',
		data: (sandboxUrl) => enkashCredentialData(sandboxUrl),
		workflow: () => {
			const json = loadExample('enkash-get-invoice.json');
			const node = json.nodes.find((n) => n.name === 'Get Invoice')!;
			node.parameters.options = { concurrency: 1 };
			node.credentials = credentialRef('enkashApi');
			return json;
		},
		input: (count) => Array.from({ length: count }, (_, i) => ({ invoiceId: `EKINV${1000000001 + (i % 50)}` })),
	},
	{
		name: 'Enboarder OAuth2 (client credentials)',
		type: 'enboarderOAuth2Api',
		vendor: 'enboarder',
		node: 'List Report Workflows',
		data: (_sandboxUrl, urls) => ({
			region: 'custom',
			baseUrl: urls.enboarder,
			tokenUrl: urls.enboarderTokenUrl,
			clientId: DEMO_CREDENTIALS.enboarder.clientId,
			clientSecret: DEMO_CREDENTIALS.enboarder.clientSecret,
		}),
		workflow: () => {
			const json = loadExample('enboarder-list-report-workflows.json');
			const node = json.nodes.find((n) => n.name === 'List Report Workflows')!;
			Object.assign(node.parameters, { authentication: 'oAuth2', options: { concurrency: 1 } });
			node.credentials = credentialRef('enboarderOAuth2Api');
			return json;
		},
		input: (count) => Array.from({ length: count }, () => ({})),
	},
	{
		name: "Partner API (client credentials) in n8n's HTTP Request node",
		type: 'partnerApi',
		vendor: 'partner',
		node: 'HTTP Request',
		data: (_sandboxUrl, urls) => ({ tokenUrl: urls.partnerTokenUrl, clientId: DEMO_CREDENTIALS.partner.clientId, clientSecret: DEMO_CREDENTIALS.partner.clientSecret }),
		workflow: (urls) => ({
			name: 'Partner booking with the HTTP Request node',
			nodes: [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'http',
					name: 'HTTP Request',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [240, 0],
					parameters: {
						method: 'POST',
						url: `${urls.partner}/api/bookings`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'partnerApi',
						jsonBody: JSON.stringify({ customer_name: 'Ada Lovelace', customer_email: 'ada@example.com', starts_at: '2030-12-01T10:00:00+05:30', party_size: 2 }),
					},
					credentials: credentialRef('partnerApi'),
				},
			],
			connections: { Start: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
		}),
		input: (count) => Array.from({ length: count }, () => ({})),
	},
];

/** The lifetime the sandbox gives tokens in the per-case tests: far from the 5-minute default, so each source shows. */
const LIFETIME_S = 1200;

type Expected = 'expires_in' | 'jwt' | 'default';

const CASES: Array<{ form: Required<TokenResponseForm>; expected: Expected }> = [
	{ form: { expiresIn: 'number', accessToken: 'opaque' }, expected: 'expires_in' },
	{ form: { expiresIn: 'numeric-string', accessToken: 'opaque' }, expected: 'expires_in' },
	{ form: { expiresIn: 'missing', accessToken: 'opaque' }, expected: 'default' },
	{ form: { expiresIn: 'zero', accessToken: 'opaque' }, expected: 'default' },
	{ form: { expiresIn: 'negative', accessToken: 'opaque' }, expected: 'default' },
	{ form: { expiresIn: 'not-a-number', accessToken: 'opaque' }, expected: 'default' },
	{ form: { expiresIn: 'null', accessToken: 'opaque' }, expected: 'default' },
	{ form: { expiresIn: 'missing', accessToken: 'jwt' }, expected: 'jwt' },
	{ form: { expiresIn: 'zero', accessToken: 'jwt' }, expected: 'jwt' },
	{ form: { expiresIn: 'negative', accessToken: 'jwt' }, expected: 'jwt' },
	{ form: { expiresIn: 'not-a-number', accessToken: 'jwt' }, expected: 'jwt' },
];

function jwtExpMs(token: unknown): number {
	const claims = JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString('utf8')) as { exp: number };
	return claims.exp * 1000;
}

describe('token lifetimes (engine, sandbox, every token credential)', () => {
	let sandbox: Sandbox;
	let urls: VendorBaseUrls;

	before(async () => {
		sandbox = await startSandbox({ port: 0 });
		urls = vendorBaseUrls(sandbox.url);
	});
	after(async () => await sandbox.close());
	afterEach(async () => await assertNoSecretsInLedger(sandbox.control));
	after(() => assertNoSecretsInOutput());
	beforeEach(async () => {
		await sandbox.control.reset();
		resetTokenState(); // each test starts as a fresh n8n process would
	});

	async function credentialsFor(subject: Subject): Promise<HarnessCredentialsHelper> {
		const helper = new HarnessCredentialsHelper();
		await helper.add({ id: CREDENTIAL_ID, name: 'Token lifetime credential', type: subject.type, data: subject.data(sandbox.url, urls) });
		return helper;
	}

	async function vendorRequests(subject: Subject, since = 0): Promise<RequestEntry[]> {
		return (await sandbox.control.ledger(since)).requests.filter((r) => r.vendor === subject.vendor);
	}

	async function lastSeq(): Promise<number> {
		return (await sandbox.control.ledger()).requests.at(-1)?.seq ?? 0;
	}

	async function succeeds(subject: Subject, credentials: HarnessCredentialsHelper, items: number) {
		const result = await runWorkflow(subject.workflow(urls), { credentials, input: subject.input(items) });
		assert.equal(result.status, 'success', result.error?.message);
		assert.equal(result.output(subject.node).length >= items, true);
		return result;
	}

	for (const subject of SUBJECTS) {
		describe(subject.name, () => {
			for (const { form, expected } of CASES) {
				test(`expires_in ${form.expiresIn}, ${form.accessToken} token → renewal time from ${expected === 'default' ? 'the 5-minute default' : expected}`, async () => {
					await sandbox.control.setTokenLifetime(subject.vendor, LIFETIME_S);
					await sandbox.control.setTokenResponse(subject.vendor, form);
					const credentials = await credentialsFor(subject);
					await succeeds(subject, credentials, 2);
					const finished = Date.now();

					const requests = await vendorRequests(subject);
					const tokenRequests = requests.filter((r) => r.kind === 'token');
					assert.equal(tokenRequests.length, 1, 'one token for the run');
					assert.ok(requests.every((r) => r.status !== 401 && (r.kind === 'token' || r.auth === 'ok')), 'every request was accepted');

					const persisted = await credentials.persisted(CREDENTIAL_ID);
					const renewAt = Number(persisted.tokenRenewAt);
					// The token was issued between the token request's arrival and the end of the run.
					const [earliest, latest] = [tokenRequests[0].at, finished];
					if (expected === 'jwt') {
						const exp = jwtExpMs(persisted.accessToken);
						assert.ok(Math.abs(exp - (earliest + LIFETIME_S * 1000)) < 5_000, "the JWT's exp is the sandbox's expiry");
						assert.ok(Math.abs(renewAt - (exp - 60_000)) <= 1, `renewAt ${renewAt} = exp − 60 s (${exp - 60_000})`);
					} else {
						const lifetime = expected === 'default' ? 300_000 : LIFETIME_S * 1000;
						assert.ok(
							renewAt >= earliest + lifetime - 60_000 && renewAt <= latest + lifetime - 60_000,
							`renewAt ${renewAt} within issue time + ${lifetime / 1000} s − 60 s: [${earliest + lifetime - 60_000}, ${latest + lifetime - 60_000}]`,
						);
					}

					// The next execution (a fresh process, holding only the credential) reuses the persisted token.
					resetTokenState();
					const before = await lastSeq();
					await succeeds(subject, credentials, 2);
					assert.equal((await vendorRequests(subject, before)).filter((r) => r.kind === 'token').length, 0);
				});
			}

			test('a JWT living 2 s with no expires_in is renewed before it expires, across a 4 s run: zero 401s', async () => {
				await sandbox.control.setTokenLifetime(subject.vendor, 2);
				await sandbox.control.setTokenResponse(subject.vendor, { expiresIn: 'missing', accessToken: 'jwt' });
				// 40 items one at a time, each request held 100 ms by the sandbox: the run outlives the first token.
				await sandbox.control.setLatency(100);
				const credentials = await credentialsFor(subject);
				const started = Date.now();
				await succeeds(subject, credentials, 40);
				const seconds = (Date.now() - started) / 1000;
				assert.ok(seconds >= 4, `the run lasted ${seconds} s`);

				const requests = await vendorRequests(subject);
				assert.equal(requests.filter((r) => r.status === 401).length, 0, 'no request was sent with an expired token');
				assert.ok(requests.filter((r) => r.kind === 'api').every((r) => r.auth === 'ok'));
				const tokenRequests = requests.filter((r) => r.kind === 'token');
				// Renewed at three quarters of each token's life: about one token per 1.5 s, and no renewal loop.
				assert.ok(tokenRequests.length >= 2 && tokenRequests.length <= Math.ceil(seconds) + 1, `${tokenRequests.length} token requests in ${seconds} s`);
				if (subject.vendor === 'enkash') assert.deepEqual([...new Set(tokenRequests.slice(1).map((r) => r.grant))], ['refresh_token']);

				const persisted = await credentials.persisted(CREDENTIAL_ID);
				const exp = jwtExpMs(persisted.accessToken);
				const renewAt = Number(persisted.tokenRenewAt);
				assert.ok(renewAt < exp && renewAt >= exp - 501, `persisted renewAt ${renewAt} = exp ${exp} − a quarter of the life`);
			});

			test('a token persisted by an older version (tokenRenewAt 0) is renewed once, then reused', async () => {
				const credentials = await credentialsFor(subject);
				await succeeds(subject, credentials, 2);
				const upgraded = await credentials.persisted(CREDENTIAL_ID);
				assert.notEqual(upgraded.accessToken, '');
				await credentials.updateCredentials({ id: CREDENTIAL_ID, name: 'Token lifetime credential' }, subject.type, { ...upgraded, tokenRenewAt: 0 });
				resetTokenState(); // n8n restarted on the new version

				const before = await lastSeq();
				await succeeds(subject, credentials, 3);
				const finished = Date.now();
				const requests = await vendorRequests(subject, before);
				const tokenRequests = requests.filter((r) => r.kind === 'token');
				assert.deepEqual(
					tokenRequests.map((r) => [r.grant, r.status]),
					[[subject.vendor === 'enkash' ? 'refresh_token' : 'client_credentials', 200]],
					'exactly one renewal (Enkash: by its refresh token, no password login)',
				);
				assert.equal(requests.filter((r) => r.status === 401).length, 0, 'the old token was not sent to be refused');
				const renewed = await credentials.persisted(CREDENTIAL_ID);
				assert.notEqual(renewed.accessToken, upgraded.accessToken);
				const lifetime = (subject.vendor === 'enkash' ? 300 : 3600) * 1000;
				const renewAt = Number(renewed.tokenRenewAt);
				assert.ok(renewAt >= tokenRequests[0].at + lifetime - 60_000 && renewAt <= finished + lifetime - 60_000, `renewAt ${renewAt}`);

				resetTokenState();
				const again = await lastSeq();
				await succeeds(subject, credentials, 3);
				assert.equal((await vendorRequests(subject, again)).filter((r) => r.kind === 'token').length, 0, 'the renewed token is reused');
			});
		});
	}
});
