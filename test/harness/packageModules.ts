/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * The modules our package really got for a bare import: n8n-core's in the plain engine suite, a copy of
 * its own under `npm run test:engine:manual-install` (test/harness/manualInstall.ts). A test that sets
 * a process-wide knob of a library our package shares with the test (luxon's clock) sets it on the
 * package's copy through this, so it holds in both set-ups.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';

import { packageTypes, repoRoot } from './packageTypes';

/** The module `name` (e.g. `n8n-workflow`, `luxon`) as the package build's file `shippedFile` (under dist/) required it. */
export function packageModule<T = unknown>(shippedFile: string, name: string): { filename: string; exports: T } {
	packageTypes(); // loads the package as n8n does, if no test has yet
	const file = realpathSync(join(repoRoot(), 'dist', shippedFile));
	const parent = require.cache[file];
	if (!parent) throw new Error(`dist/${shippedFile} is not loaded`);
	const pattern = new RegExp(`[\\\\/]node_modules[\\\\/]${name.replace('/', '[\\\\/]')}[\\\\/]`);
	const child = parent.children.find((module) => pattern.test(module.filename));
	if (!child) throw new Error(`dist/${shippedFile} required no ${name}`);
	return { filename: child.filename, exports: child.exports as T };
}
