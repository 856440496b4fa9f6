/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * Which install way this run of the engine suite stands for, and proof that the set-up is what it says:
 * - `npm run test:engine`: as Settings → Community Nodes installs the package (peer dependencies
 *   dropped), our package resolves n8n-core's own n8n-workflow;
 * - `npm run test:engine:manual-install`: as `npm install <package>` in ~/.n8n/nodes installs it, our
 *   package has an n8n-workflow of its own (test/harness/manualInstall.ts), whose classes are not
 *   n8n-core's. Every other engine test then runs in that set-up.
 */
import assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

import { packageModule } from '../harness/packageModules';

const secondCopy = process.env.SECOND_N8N_WORKFLOW;

test(secondCopy ? 'manual install: our package has its own n8n-workflow, not the one n8n-core uses' : "Settings → Community Nodes: our package uses n8n-core's n8n-workflow", () => {
	const ours = packageModule(join('shared', 'itemRunner.js'), 'n8n-workflow');
	const n8nCoreEntry = require.resolve('n8n-core');
	const n8nCores = require.resolve('n8n-workflow', { paths: [dirname(n8nCoreEntry)] });
	const theirs = require(n8nCores) as typeof import('n8n-workflow');
	const oursExports = ours.exports as typeof import('n8n-workflow');
	if (secondCopy) {
		assert.ok(ours.filename.startsWith(realpathSync(secondCopy)), `${ours.filename} is not in ${secondCopy}`);
		assert.notEqual(ours.filename, n8nCores);
		assert.notEqual(oursExports.NodeApiError, theirs.NodeApiError, 'two copies: two NodeApiError classes');
	} else {
		assert.equal(ours.filename, n8nCores);
		assert.equal(oursExports.NodeApiError, theirs.NodeApiError);
	}
});
