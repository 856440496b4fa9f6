/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INode } from 'n8n-workflow';

import { assertSecureUrl } from '../../shared/secureUrl';

const node: INode = { id: '1', name: 'Enboarder', type: 'n8n-nodes-token-connectors.enboarder', typeVersion: 1, position: [0, 0], parameters: {} };

describe('assertSecureUrl', () => {
	for (const url of ['https://api.syd.e1.enboarder.com', 'http://127.0.0.1:5680/enboarder', 'http://localhost:8080', 'http://[::1]:9000', 'http://127.9.9.9']) {
		test(`accepts ${url}`, () => {
			assert.equal(assertSecureUrl(node, url, 'Base URL'), url);
		});
	}

	test('drops trailing slashes and surrounding spaces', () => {
		assert.equal(assertSecureUrl(node, ' https://api.example.com/v1// ', 'Base URL'), 'https://api.example.com/v1');
	});

	for (const url of ['http://api.example.com', 'http://10.0.0.5', 'ftp://127.0.0.1', 'http://127.0.0.1.example.com']) {
		test(`refuses ${url} as not HTTPS`, () => {
			assert.throws(() => assertSecureUrl(node, url, 'Token URL'), { message: "The credential's Token URL must use HTTPS" });
		});
	}

	for (const value of ['', 'api.example.com', undefined, 42]) {
		test(`refuses ${JSON.stringify(value)} as not a URL`, () => {
			assert.throws(() => assertSecureUrl(node, value, 'Base URL'), { message: "The credential's Base URL is not a valid URL" });
		});
	}
});
