/**
 * n8n's own community-package scanner (`@n8n/scan-community-package`, the version scripts/scan-package.mjs
 * pins) passes on the tarball `npm pack` makes of this build and on the node and credential sources, with no
 * finding. The script installs the scanner into .cache/ on its first run (about 20 s), then takes a few seconds.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { repoRoot } from '../harness/packageTypes';

test("n8n's community-package scanner passes on the packed tarball and the sources", { timeout: 300_000 }, () => {
	const root = repoRoot();
	// The package is already built into dist/ (the unit tests run from dist-dev/, built with it), so the script packs it as it is.
	const run = spawnSync(process.execPath, [join(root, 'scripts', 'scan-package.mjs')], { cwd: root, encoding: 'utf8', timeout: 290_000 });
	const output = `${run.stdout}${run.stderr}`;
	assert.equal(run.status, 0, `scripts/scan-package.mjs failed:\n${output}`);
	for (const leg of ['source (working tree)', 'tarball (n8n-nodes-token-connectors-', 'self-check']) {
		assert.match(output, new RegExp(`^scan: passed: ${leg.replace(/[()]/g, '\\$&')}`, 'm'), `no passing "${leg}" line in:\n${output}`);
	}
});
