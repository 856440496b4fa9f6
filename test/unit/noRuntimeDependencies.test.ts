/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { repoRoot } from '../harness/packageTypes';

/**
 * The package installs nothing of its own into n8n: no `dependencies`, and the shipped code loads only
 * Node's built-ins, its own files, and what n8n itself provides to community nodes (n8n-workflow, and
 * the zod and luxon n8n ships; the real-n8n test runs a workflow that needs both).
 */
const PROVIDED_BY_N8N = new Set(['n8n-workflow', 'zod', 'luxon']);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
	});
}

describe('no runtime dependencies', () => {
	const root = repoRoot();
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

	test('package.json declares no dependencies, optional or bundled ones', () => {
		for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
			assert.equal(Object.keys((manifest[field] as object | undefined) ?? {}).length, 0, `${field} must be empty`);
		}
		assert.deepEqual(Object.keys((manifest.peerDependencies as object | undefined) ?? {}), ['n8n-workflow']);
	});

	test('the shipped code requires only built-ins, its own files and what n8n provides', () => {
		const shipped = [...(manifest.files as string[]).filter((entry) => entry.startsWith('dist/')).flatMap((dir) => files(join(root, dir))), join(root, 'index.js')];
		assert.ok(shipped.length > 50, 'the build is there');
		const outside = new Set<string>();
		for (const file of shipped) {
			for (const [, name] of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
				if (name.startsWith('.') || name.startsWith('node:') || builtinModules.includes(name) || PROVIDED_BY_N8N.has(name)) continue;
				outside.add(`${name} (${file.slice(root.length + 1)})`);
			}
		}
		assert.deepEqual([...outside], []);
	});
});
