#!/usr/bin/env node
/**
 * Installs (once) a second copy of n8n-workflow, for the engine suite's "manual install" set-up
 * (`npm run test:engine:manual-install`, see test/harness/manualInstall.ts).
 *
 * Why: installed the manual way n8n documents (`npm install <package>` in `~/.n8n/nodes`), our
 * package gets the n8n-workflow that npm installs as its peer, a copy of its own beside n8n's. Its
 * NodeApiError, NodeOperationError… are then other classes than the ones n8n-core creates its errors
 * with. The engine suite reproduces that: n8n-core keeps the project's n8n-workflow, our package
 * resolves this copy (with its own luxon and zod, as npm installs them beside it).
 *
 * It is the same version as the project's own n8n-workflow (from npm's cache after `npm ci`), so the
 * only difference between the two set-ups is that there are two copies. Installed into
 * `.cache/second-n8n-workflow-<version>/` (git-ignored), with scripts off; later runs reuse it.
 *
 * Usage: `node scripts/second-n8n-workflow.mjs` prints the folder whose node_modules holds the copy;
 * `node scripts/second-n8n-workflow.mjs <command> [args…]` runs the command with our package resolving the
 * copy: `SECOND_N8N_WORKFLOW` names the folder and NODE_OPTIONS preloads test/harness/manualInstall.js,
 * so every Node process the command starts (test files, the processes a test spawns) has the same set-up.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The version n8n-core runs with in the engine suite: the project's own n8n-workflow. */
export function projectN8nWorkflowVersion() {
	return JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'n8n-workflow', 'package.json'), 'utf8')).version;
}

/** Where the copy lives: `<dir>/node_modules/n8n-workflow`. */
export function secondCopyDir(version = projectN8nWorkflowVersion()) {
	return join(repoRoot, '.cache', `second-n8n-workflow-${version}`);
}

function installed(dir, version) {
	try {
		return JSON.parse(readFileSync(join(dir, 'node_modules', 'n8n-workflow', 'package.json'), 'utf8')).version === version;
	} catch {
		return false;
	}
}

/** Installs the copy when missing; returns its folder. Concurrent callers each install into their own folder and the first rename wins. */
export function ensureSecondCopy() {
	const version = projectN8nWorkflowVersion();
	const dir = secondCopyDir(version);
	if (installed(dir, version)) return dir;
	const staging = `${dir}.staging-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ name: 'second-n8n-workflow', private: true }, null, 2)}\n`);
	execFileSync(
		'npm',
		['install', `n8n-workflow@${version}`, '--prefer-offline', '--ignore-scripts', '--audit=false', '--fund=false', '--package-lock=false', '--loglevel=error'],
		{ cwd: staging, stdio: ['ignore', 'inherit', 'inherit'] },
	);
	if (!installed(staging, version)) throw new Error(`npm did not install n8n-workflow ${version} into ${staging}`);
	if (installed(dir, version)) rmSync(staging, { recursive: true, force: true });
	else {
		rmSync(dir, { recursive: true, force: true });
		renameSync(staging, dir);
	}
	return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = ensureSecondCopy();
	const [command, ...args] = process.argv.slice(2);
	if (!command) {
		console.log(dir);
	} else {
		const hook = join(repoRoot, 'dist-dev', 'test', 'harness', 'manualInstall.js');
		if (!existsSync(hook)) throw new Error(`${hook} is missing: build first (npm run build)`);
		const nodeOptions = [process.env.NODE_OPTIONS, `--require=${JSON.stringify(hook)}`].filter(Boolean).join(' ');
		const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, SECOND_N8N_WORKFLOW: dir, NODE_OPTIONS: nodeOptions } });
		process.exit(result.status ?? 1);
	}
}
