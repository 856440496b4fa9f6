/**
 * Preloaded (`--require`) by `npm run test:engine:manual-install`: our package resolves its own copy of
 * n8n-workflow (and of luxon and zod), while n8n-core and the tests keep the project's.
 *
 * That is what the manual install n8n documents gives a user: `npm install <package>` in
 * `~/.n8n/nodes` installs the package's peer n8n-workflow beside it, so the package's NodeApiError
 * is not the class n8n-core makes its errors with, and an `instanceof` between the two is false.
 * (Installed from Settings → Community Nodes, n8n drops the peer and the package resolves n8n's own
 * copy, as in the plain engine suite.)
 *
 * Only module resolution changes: a bare import made by a file of the package build (`dist/`)
 * resolves from the second copy's `node_modules` (scripts/second-n8n-workflow.mjs installs it);
 * every other file resolves as usual. Nothing of n8n or of our code is replaced.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { existsSync, realpathSync } from 'node:fs';
import { builtinModules, createRequire, registerHooks } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { repoRoot } from './packageTypes';

const copyDir = process.env.SECOND_N8N_WORKFLOW;
if (!copyDir || !existsSync(join(copyDir, 'node_modules', 'n8n-workflow'))) {
	throw new Error(`SECOND_N8N_WORKFLOW must name the folder scripts/second-n8n-workflow.mjs installed (got ${copyDir ?? 'nothing'})`);
}

/** The package build; the dev build's links into it resolve to these real paths. */
const shipped = realpathSync(join(repoRoot(), 'dist')) + sep;
const fromCopy = createRequire(join(copyDir, 'package.json'));
const builtins = new Set(builtinModules);

function isBare(specifier: string): boolean {
	return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:') && !specifier.includes(':') && !builtins.has(specifier.split('/')[0]);
}

registerHooks({
	resolve(specifier, context, nextResolve) {
		const parent = context.parentURL?.startsWith('file:') ? fileURLToPath(context.parentURL) : '';
		if (parent.startsWith(shipped) && isBare(specifier)) {
			return { url: pathToFileURL(fromCopy.resolve(specifier)).href, format: 'commonjs', shortCircuit: true };
		}
		return nextResolve(specifier, context);
	},
});

/** The n8n-workflow our package resolves here: a test checks the set-up really has two copies. */
export const packageN8nWorkflow = fromCopy.resolve('n8n-workflow');
