/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { after, afterEach, before, beforeEach } from 'node:test';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../sandbox';
import { assertNoSecretsInLedger, assertNoSecretsInOutput, enkashCredentialData, HarnessCredentialsHelper, resetTokenState, type WorkflowJson } from '../../harness';

export { enkashCredentialData };

export interface EnkashSuite {
	readonly sandbox: Sandbox;
	readonly credentials: HarnessCredentialsHelper;
}

/**
 * A sandbox for the suite and the sandbox credential (id `sandbox-enkash`); before each test the
 * sandbox is reset and the process's token state cleared, as after an n8n restart.
 */
export function useEnkashSandbox(): EnkashSuite {
	const suite = {} as { sandbox: Sandbox; credentials: HarnessCredentialsHelper };
	before(async () => {
		suite.sandbox = await startSandbox({ port: 0 });
		suite.credentials = new HarnessCredentialsHelper();
		await suite.credentials.add({ id: 'sandbox-enkash', name: 'Enkash sandbox', type: 'enkashApi', data: enkashCredentialData(suite.sandbox.url) });
	});
	// The secret audit: the sandbox's request log after each test, everything the suite logged at the end.
	afterEach(async () => await assertNoSecretsInLedger(suite.sandbox.control));
	after(() => assertNoSecretsInOutput());
	after(async () => await suite.sandbox.close());
	beforeEach(async () => {
		await suite.sandbox.control.reset();
		resetTokenState();
	});
	return suite;
}

/** Manual Trigger → one Enkash node named `nodeName`, using the sandbox credential. */
export function enkashWorkflow(nodeName: string, parameters: IDataObject, settings: IDataObject = {}): WorkflowJson {
	return {
		name: `Enkash ${nodeName}`,
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'enkash',
				name: nodeName,
				type: 'n8n-nodes-token-connectors.enkash',
				typeVersion: 1,
				position: [200, 0],
				parameters: parameters as INodeParameters,
				credentials: { enkashApi: { id: 'sandbox-enkash', name: 'Enkash sandbox' } },
				...settings,
			},
		],
		connections: { Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
	};
}
