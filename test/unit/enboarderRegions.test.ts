/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import '../harness/environment';

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Workflow, type INode } from 'n8n-workflow';

import { EnboarderApi } from '../../credentials/EnboarderApi.credentials';
import { ENBOARDER_REGIONS, enboarderApiBaseUrl } from '../../shared/auth/enboarderRegions';
import { packageTypes } from '../harness';

/** Resolves an expression of the credential the way n8n does when it runs the credential test. */
function resolveWithCredentials(expression: string, credentials: Record<string, string>): unknown {
	const node: INode = { id: '1', name: 'test', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: packageTypes().nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, expression, 'internal', { $credentials: credentials });
}

describe('Enboarder regions', () => {
	const credential = new EnboarderApi();
	const testBaseUrl = String(credential.test.request.baseURL);

	for (const [region, { apiBaseUrl }] of Object.entries(ENBOARDER_REGIONS)) {
		test(`${region}: the node and the credential test use ${apiBaseUrl}`, () => {
			assert.equal(enboarderApiBaseUrl(region, undefined), apiBaseUrl);
			assert.equal(resolveWithCredentials(testBaseUrl, { region, apiKey: 'k' }), apiBaseUrl);
		});
	}

	test('custom: both use the entered base URL without trailing slashes', () => {
		assert.equal(enboarderApiBaseUrl('custom', 'http://127.0.0.1:5680/enboarder/'), 'http://127.0.0.1:5680/enboarder');
		assert.equal(resolveWithCredentials(testBaseUrl, { region: 'custom', baseUrl: 'http://127.0.0.1:5680/enboarder/' }), 'http://127.0.0.1:5680/enboarder');
	});

	test('every region the credential offers is known to the node', () => {
		const regionField = credential.properties.find((p) => p.name === 'region');
		const offered = (regionField?.options ?? []).map((o) => (o as { value: string }).value).sort();
		assert.deepEqual(offered, [...Object.keys(ENBOARDER_REGIONS), 'custom'].sort());
	});

	test('an unknown region is an error, not a silent default', () => {
		assert.throws(() => enboarderApiBaseUrl('mars', undefined), /Unknown Enboarder region "mars"/);
	});

	test('the API key goes in the apikey header', () => {
		assert.deepEqual(credential.authenticate.properties.headers, { apikey: '={{$credentials.apiKey}}' });
	});
});
