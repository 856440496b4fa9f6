/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { after, afterEach, before, beforeEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO_CREDENTIALS, startSandbox, vendorBaseUrls, type Sandbox } from '../../../sandbox';
import { assertNoSecretsInLedger, assertNoSecretsInOutput, HarnessCredentialsHelper, resetTokenState, type WorkflowJson } from '../../harness';

/** The Enboarder node's two authentications; every operation is tested under both. */
export const AUTHENTICATIONS = ['apiKey', 'oAuth2'] as const;
export type Authentication = (typeof AUTHENTICATIONS)[number];

export const ENBOARDER_CREDENTIALS: Record<Authentication, { type: string; id: string; name: string }> = {
	apiKey: { type: 'enboarderApi', id: 'sandbox-enboarder', name: 'Enboarder sandbox (API key)' },
	oAuth2: { type: 'enboarderOAuth2Api', id: 'sandbox-enboarder-oauth2', name: 'Enboarder sandbox (OAuth2)' },
};

/** The path prefix the node must use under each authentication (v1 with a key, v2 with OAuth2). */
export const REST_PREFIX: Record<Authentication, string> = { apiKey: '/restapi/v1', oAuth2: '/restapi/v2' };

export interface EnboarderSuite {
	readonly sandbox: Sandbox;
	readonly credentials: HarnessCredentialsHelper;
	readonly urls: ReturnType<typeof vendorBaseUrls>;
}

/**
 * A sandbox for the suite with both sandbox credentials (API key `sandbox-enboarder`, OAuth2 client
 * credentials `sandbox-enboarder-oauth2`); before each test the sandbox is reset, the process's
 * token state cleared and the credentials created afresh (holding no token).
 */
export function useEnboarderSandbox(): EnboarderSuite {
	const suite = {} as { sandbox: Sandbox; credentials: HarnessCredentialsHelper; urls: ReturnType<typeof vendorBaseUrls> };
	async function freshCredentials(): Promise<HarnessCredentialsHelper> {
		const credentials = new HarnessCredentialsHelper();
		const demo = DEMO_CREDENTIALS.enboarder;
		await credentials.add({
			...ENBOARDER_CREDENTIALS.apiKey,
			data: { region: 'custom', baseUrl: suite.urls.enboarder, apiKey: demo.apiKey },
		});
		await credentials.add({
			...ENBOARDER_CREDENTIALS.oAuth2,
			data: { region: 'custom', baseUrl: suite.urls.enboarder, tokenUrl: suite.urls.enboarderTokenUrl, clientId: demo.clientId, clientSecret: demo.clientSecret },
		});
		return credentials;
	}
	before(async () => {
		suite.sandbox = await startSandbox({ port: 0 });
		suite.urls = vendorBaseUrls(suite.sandbox.url);
	});
	// The secret audit: the sandbox's request log after each test, everything the suite logged at the end.
	afterEach(async () => await assertNoSecretsInLedger(suite.sandbox.control));
	after(() => assertNoSecretsInOutput());
	after(async () => await suite.sandbox.close());
	beforeEach(async () => {
		await suite.sandbox.control.reset();
		resetTokenState();
		// A reset sandbox forgets the tokens it issued: start from credentials that hold none, as a new user would.
		suite.credentials = await freshCredentials();
	});
	return suite;
}

/** Manual Trigger → one Enboarder node named `nodeName` with the given authentication and its sandbox credential. */
export function enboarderWorkflow(nodeName: string, authentication: Authentication, parameters: IDataObject, settings: IDataObject = {}): WorkflowJson {
	const credential = ENBOARDER_CREDENTIALS[authentication];
	return {
		name: `Enboarder ${nodeName}`,
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'enboarder',
				name: nodeName,
				type: 'n8n-nodes-token-connectors.enboarder',
				typeVersion: 1,
				position: [200, 0],
				parameters: { authentication, ...parameters } as INodeParameters,
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
				...settings,
			},
		],
		connections: { Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
	};
}
