/** What `npm pack` puts in the tarball n8n installs: every file the `n8n` section names, their icons and codex, and nothing that only runs in development. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { describe, test } from 'node:test';

import { repoRoot } from '../harness/packageTypes';

interface Manifest {
	main: string;
	n8n: { credentials: string[]; nodes: string[] };
}

type Icon = string | { light: string; dark: string } | undefined;

/** The `file:` paths an icon names, resolved against the built file that declares it (as n8n's loader does). */
function iconFiles(declaredIn: string, icon: Icon): string[] {
	const names = icon === undefined ? [] : typeof icon === 'string' ? [icon] : [icon.light, icon.dark];
	return names.filter((name) => name.startsWith('file:')).map((name) => posix.normalize(posix.join(posix.dirname(declaredIn), name.slice('file:'.length))));
}

/** Instances of every class a built file exports: n8n does the same to read descriptions and icons. */
// The built node and credential files are loaded by path, as n8n's loader does.
function exportedInstances<T>(root: string, file: string): T[] {
	return Object.values(require(join(root, file)) as Record<string, new () => T>).filter((value) => typeof value === 'function').map((Class) => new Class());
}

describe('the packed tarball', () => {
	const root = repoRoot();
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
	// --dry-run lists exactly what `npm pack` and `npm publish` would put in the tarball, without writing it.
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as [{ files: Array<{ path: string }> }];
	const packed = new Set(pack.files.map((file) => file.path));

	test('holds package.json, README.md, LICENSE and the main entry', () => {
		for (const file of ['package.json', 'README.md', 'LICENSE', manifest.main]) assert.ok(packed.has(file), `${file} is not in the tarball`);
	});

	test('holds every credential and node file the n8n section names', () => {
		assert.ok(manifest.n8n.credentials.length > 0 && manifest.n8n.nodes.length > 0);
		for (const file of [...manifest.n8n.credentials, ...manifest.n8n.nodes]) assert.ok(packed.has(file), `${file} is not in the tarball`);
	});

	test("holds each node's codex file and the light and dark icons every node and credential names", () => {
		const missing: string[] = [];
		for (const file of manifest.n8n.nodes) {
			const codex = join(dirname(file), `${posix.basename(file, '.js')}.json`);
			if (!packed.has(codex)) missing.push(codex);
			for (const node of exportedInstances<{ description: { icon?: Icon } }>(root, file)) {
				const icons = iconFiles(file, node.description.icon);
				assert.equal(icons.length, 2, `${file} names a light and a dark icon`);
				missing.push(...icons.filter((icon) => !packed.has(icon)));
			}
		}
		for (const file of manifest.n8n.credentials) {
			for (const credential of exportedInstances<{ icon?: Icon }>(root, file)) {
				const icons = iconFiles(file, credential.icon);
				assert.equal(icons.length, 2, `${file} names a light and a dark icon`);
				missing.push(...icons.filter((icon) => !packed.has(icon)));
			}
		}
		assert.deepEqual(missing, [], 'files named by the package but not in the tarball');
	});

	test('holds no test, sandbox, script or TypeScript source', () => {
		const devOnly = [...packed].filter(
			(file) => /^(dist\/)?(test|sandbox|scripts|examples|docs|\.github|\.ci)\//.test(file) || (file.endsWith('.ts') && !file.endsWith('.d.ts')) || file.endsWith('.tgz'),
		);
		assert.deepEqual(devOnly, [], 'development-only files in the tarball');
		assert.ok([...packed].every((file) => file.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', manifest.main].includes(file)), `unexpected files: ${[...packed].join(', ')}`);
	});
});

/** Every file under a folder, relative to `root`, with forward slashes. */
function filesUnder(root: string, folder: string): string[] {
	return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('the build: dist/ is the package, dist-dev/ the rest', () => {
	const root = repoRoot();
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as [{ files: Array<{ path: string }> }];
	const packed = new Set(pack.files.map((file) => file.path));

	// `npm run build` starts with `n8n-node build`, which empties dist/ and fills it from tsconfig.json
	// and its asset copy; anything else in dist/ would be something the reviewers' build does not make.
	test('dist/ holds the shipped folders and nothing else, and every file in them is packed', () => {
		const top = readdirSync(join(root, 'dist')).filter((name) => name !== 'tsconfig.tsbuildinfo').sort();
		assert.deepEqual(top, ['credentials', 'nodes', 'shared']);
		const notPacked = filesUnder(root, 'dist').filter((file) => file !== 'dist/tsconfig.tsbuildinfo' && !packed.has(file));
		assert.deepEqual(notPacked, [], 'built files the tarball leaves out');
	});

	test('the tests and the sandbox are built into dist-dev/, and their shipped imports reach dist/ (one copy of every module)', () => {
		assert.ok(filesUnder(root, 'dist-dev/test').length > 0 && filesUnder(root, 'dist-dev/sandbox').length > 0);
		for (const folder of ['credentials', 'nodes', 'shared']) {
			assert.equal(realpathSync(join(root, 'dist-dev', folder)), realpathSync(join(root, 'dist', folder)), `dist-dev/${folder} must be the package build`);
		}
		// What this very file resolves when a test imports ../../shared/token is the module n8n loads.
		assert.equal(realpathSync(require.resolve('../../shared/token')), realpathSync(join(root, 'dist', 'shared', 'token', 'index.js')));
	});
});
