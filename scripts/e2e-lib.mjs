/**
 * Shared plumbing for running our package inside the real n8n app: used by the end-to-end test
 * (test/e2e/real-n8n.test.ts) and by `npm start` (scripts/start.mjs), so both exercise exactly the
 * same install path a user gets.
 *
 * Everything here drives n8n through its CLI (`import:credentials`, `import:workflow`, `execute`,
 * `start`) with a user folder of our own, never the developer's ~/.n8n, and with an environment that
 * keeps n8n on the loopback interface (see {@link n8nEnv}).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

import { COMPAT_RELEASES, N8N_VERSION, repoRoot } from './n8n-app.mjs';

export { repoRoot };

/** What the package is called in package.json; n8n prefixes node type names with it. */
export const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/**
 * Variables from the developer's shell that would change how n8n behaves (a different database,
 * encryption key, proxy, log format, ...) are dropped so runs are reproducible.
 */
const INHERITED_ENV_DROP = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_|NODES_|CREDENTIALS_|WEBHOOK_URL$|VUE_APP_|NODE_OPTIONS$|NODE_CONFIG_DIR$|(HTTPS?|ALL|NO)_PROXY$)/i;

/**
 * The environment n8n runs with. Every switch that would make n8n call home is off: telemetry
 * (PostHog/RudderStack), version notifications and "what's new", templates, dynamic banners, the
 * verified-community-package catalogue and the MCP server registry (both Strapi at api.n8n.io),
 * reinstalling missing packages from the npm registry, license renewal, the AI assistant; checked
 * with strace: `n8n start`, `import:*` and `execute` then open no socket outside 127.0.0.1.
 * Servers bind to 127.0.0.1 only. A task-broker port of our own lets several n8n processes (an
 * `npm start` and the e2e test) run side by side.
 *
 * `n8nVersion` (the pinned app's by default) adapts the set to that release: what an older release
 * needs or rejects is in COMPAT_RELEASES (scripts/n8n-app.mjs).
 *
 * @param {{ userFolder: string, brokerPort: number, extra?: Record<string, string>, n8nVersion?: string }} options
 */
export function n8nEnv({ userFolder, brokerPort, extra = {}, n8nVersion = N8N_VERSION }) {
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_ENV_DROP.test(key)));
	const release = COMPAT_RELEASES.find((entry) => entry.n8n === n8nVersion) ?? { env: {}, drop: [] };
	const env = {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		// The MCP server registry module refreshes its catalogue from api.n8n.io at start-up.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_SENTRY_DSN: '',
		N8N_FRONTEND_SENTRY_DSN: '',
		// Loopback traffic to the sandbox must never be sent to a proxy from the developer's shell.
		NO_PROXY: '127.0.0.1,localhost,::1',
		...release.env,
		...extra,
	};
	for (const key of release.drop) delete env[key];
	return env;
}

/** A port the OS says is free right now (tiny race until the user binds it; fine for local runs). */
export function freePort() {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePort(port));
		});
	});
}

/** Whether something already listens on 127.0.0.1:port. */
export function portInUse(port, host = '127.0.0.1') {
	return new Promise((resolveInUse, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', (error) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolveInUse(true) : reject(error)));
		server.listen(port, host, () => server.close(() => resolveInUse(false)));
	});
}

/**
 * Runs a command without blocking the event loop (the e2e test serves the sandbox from this very
 * process while n8n calls it, so spawnSync would deadlock) and collects its output.
 *
 * @returns {Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string }>}
 */
export function run(command, args, { cwd = repoRoot, env = process.env, timeoutMs = 5 * 60_000, echo = false } = {}) {
	return new Promise((resolveRun, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => {
			stdout += chunk;
			if (echo) process.stdout.write(chunk);
		});
		child.stderr.setEncoding('utf8').on('data', (chunk) => {
			stderr += chunk;
			if (echo) process.stderr.write(chunk);
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolveRun({ code, signal, stdout, stderr });
		});
	});
}

function describeFailure(what, result) {
	const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
	return new Error(`${what} failed (${result.signal ?? `exit code ${result.code}`}):\n${output}`);
}

/**
 * `npm run build:package` (optional: the package alone, never dist-dev/, which the calling test may
 * be running from) then `npm pack`, the same tarball `npm publish` would upload. Checks
 * the tarball carries every file the package.json `n8n` section points at, since a missing dist/
 * file would only show up later as a node n8n silently cannot load.
 *
 * @param {{ destination: string, build?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<string>} absolute path of the tarball
 */
export async function packProject({ destination, build = true, log = () => {} }) {
	if (build) {
		log('Building the package (npm run build:package)…');
		const result = await run('npm', ['run', 'build:package', '--silent']);
		if (result.code !== 0) throw describeFailure('npm run build:package', result);
	}
	mkdirSync(destination, { recursive: true });
	log('Packing the package (npm pack)…');
	// --ignore-scripts: the package has no pack hooks, and the tarball must be exactly what is in dist/.
	const result = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination]);
	if (result.code !== 0) throw describeFailure('npm pack', result);
	const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
	const files = new Set(info.files.map((file) => file.path));
	const declared = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])];
	const missing = declared.filter((file) => !files.has(file));
	if (declared.length === 0 || missing.length > 0) {
		throw new Error(`the packed tarball lacks files its package.json "n8n" section lists: ${missing.join(', ') || '(section empty)'}; run \`npm run build\` first`);
	}
	return join(destination, info.filename);
}

function newestMtime(dir, filter) {
	let newest = 0;
	if (!existsSync(dir)) return newest;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, filter));
		else if (filter(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

/**
 * Whether dist/ is older than the package's sources. The e2e test itself runs from dist-dev/,
 * whose shipped folders are links into dist/, and a build normally happened just before;
 * rebuilding inside the test would empty dist/ (`n8n-node build` does) under the feet of the
 * running test process, so it only rebuilds when dist/ is really behind.
 */
export function distIsStale() {
	const built = [...(packageJson.n8n?.nodes ?? []), ...(packageJson.n8n?.credentials ?? [])].map((file) => join(repoRoot, file));
	if (built.length === 0 || built.some((file) => !existsSync(file))) return true;
	const oldestBuilt = Math.min(...built.map((file) => statSync(file).mtimeMs));
	const sources = (name) => /\.(ts|svg|png|json)$/.test(name) && !name.endsWith('.d.ts');
	const newestSource = Math.max(...['credentials', 'nodes', 'shared'].map((dir) => newestMtime(join(repoRoot, dir), sources)));
	return newestSource > oldestBuilt;
}

/** Where n8n keeps community packages for a user folder (InstanceSettings.nodesDownloadDir). */
export function nodesDir(userFolder) {
	return join(userFolder, '.n8n', 'nodes');
}

/**
 * Installs a packed tarball into an n8n user folder the way n8n 2.41 installs a community package
 * from Settings → Community nodes (CommunityPackagesService.downloadPackage): unpack it into
 * `.n8n/nodes/node_modules/<name>`, drop devDependencies/peerDependencies/optionalDependencies
 * from its package.json (n8n provides n8n-workflow itself; a plain `npm install <tarball>` would
 * instead pull a second n8n-workflow from the registry as a peer), install its runtime
 * dependencies with scripts off, and record it in `.n8n/nodes/package.json`.
 *
 * At startup n8n scans `.n8n/nodes/node_modules/n8n-nodes-*` (scanDirectoryForPackages) and loads
 * every package found there, so no database row is needed. (N8N_CUSTOM_EXTENSIONS, the other way
 * to load nodes, treats them as loose custom nodes instead of a package, which is not what users
 * get.) Replaces an earlier install of the same package.
 *
 * @returns {Promise<{ name: string, version: string, dir: string }>}
 */
export async function installPackageIntoUserFolder({ tarball, userFolder, log = () => {} }) {
	const nodes = nodesDir(userFolder);
	const name = packageJson.name;
	const dir = join(nodes, 'node_modules', name);
	const staging = `${dir}.staging-${process.pid}`;
	mkdirSync(join(nodes, 'node_modules'), { recursive: true });
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	log(`Installing ${basename(tarball)} into ${nodes}…`);
	const untar = await run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
	if (untar.code !== 0) throw describeFailure('tar', untar);

	const manifestPath = join(staging, 'package.json');
	// The dropped keys are the point: n8n installs the package without them.
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(readFileSync(manifestPath, 'utf8'));
	writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
	if (Object.keys(manifest.dependencies ?? {}).length > 0) {
		const install = await run(
			'npm',
			['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
			{ cwd: staging },
		);
		if (install.code !== 0) throw describeFailure('npm install (package dependencies)', install);
	}
	rmSync(dir, { recursive: true, force: true });
	renameSync(staging, dir);

	const ledgerPath = join(nodes, 'package.json');
	let ledger = { name: 'installed-nodes', private: true, dependencies: {} };
	if (existsSync(ledgerPath)) ledger = JSON.parse(readFileSync(ledgerPath, 'utf8'));
	ledger.dependencies = { ...(ledger.dependencies ?? {}), [name]: manifest.version };
	writeFileSync(ledgerPath, `${JSON.stringify(ledger, null, 2)}\n`);
	return { name, version: manifest.version, dir };
}

/**
 * The ways n8n documents to install a community package that a test can take (n8n's docs, "Install
 * community nodes"), each a function of `{ tarball, userFolder, log }`:
 * - `community-nodes`: Settings → Community Nodes (and its REST API): n8n drops the package's peer
 *   dependencies, so the package resolves n8n's own n8n-workflow ({@link installPackageIntoUserFolder});
 * - `manual`: "Install manually", the way for Docker images and queue-mode workers: `npm install
 *   <package>` in `~/.n8n/nodes`, which also installs the peer n8n-workflow, a copy of its own beside
 *   the package ({@link installPackageManually}).
 */
export const INSTALL_WAYS = ['community-nodes', 'manual'];

/** Installs a packed tarball into an n8n user folder the given way (see {@link INSTALL_WAYS}). */
export async function installPackage(way, options) {
	if (way === 'community-nodes') return await installPackageIntoUserFolder(options);
	if (way === 'manual') return await installPackageManually(options);
	throw new Error(`unknown install way "${way}" (known: ${INSTALL_WAYS.join(', ')})`);
}

/**
 * Installs a packed tarball the manual way n8n's docs give: `cd ~/.n8n/nodes && npm install
 * <package>`. npm also installs the package's peer, n8n-workflow (the newest release matching `*`),
 * with its dependencies, into `nodes/node_modules`: the package then resolves that copy, not n8n's.
 *
 * `--ignore-scripts`: n8n-workflow's own dependencies carry native install scripts (isolated-vm, ssh2's
 * cpu-features) for code this package never loads; they would reach for compilers and the network, and
 * isolated-vm cannot be built at all for Node 20 (n8n 1.123, 2.8), where a plain `npm install` fails
 * (the README says so). `--prefer-offline` takes packages from npm's cache when it has them.
 *
 * @returns {Promise<{ name: string, version: string, dir: string, n8nWorkflowVersion: string }>}
 */
export async function installPackageManually({ tarball, userFolder, log = () => {} }) {
	const nodes = nodesDir(userFolder);
	const name = packageJson.name;
	mkdirSync(nodes, { recursive: true });
	// n8n writes this on its first start; without it npm would look for a project in the folders above.
	const ledgerPath = join(nodes, 'package.json');
	if (!existsSync(ledgerPath)) writeFileSync(ledgerPath, `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
	log(`Installing ${basename(tarball)} with npm install in ${nodes}…`);
	const install = await run('npm', ['install', tarball, '--ignore-scripts', '--prefer-offline', '--audit=false', '--fund=false', '--loglevel=error'], {
		cwd: nodes,
		timeoutMs: 10 * 60_000,
	});
	if (install.code !== 0) throw describeFailure('npm install (manual install)', install);
	const dir = join(nodes, 'node_modules', name);
	const peer = join(nodes, 'node_modules', 'n8n-workflow', 'package.json');
	if (!existsSync(peer)) throw new Error(`npm install did not bring the peer n8n-workflow into ${join(nodes, 'node_modules')}: the manual install would not be what users get`);
	const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	return { name, version, dir, n8nWorkflowVersion: JSON.parse(readFileSync(peer, 'utf8')).version };
}

/**
 * Runs one n8n CLI command with the app's Node 24. The working directory is the user folder because
 * n8n loads a `.env` from its working directory, and the repository's own must not leak in.
 *
 * @param {{ nodeBin: string, n8nBin: string }} app
 * @param {string[]} args
 * @param {{ env: Record<string, string>, cwd: string, timeoutMs?: number }} options
 */
export function runN8n(app, args, { env, cwd, timeoutMs = 3 * 60_000 }) {
	return run(app.nodeBin, [app.n8nBin, ...args], { env, cwd, timeoutMs });
}

/**
 * `n8n import:credentials`: the file holds an array of `{ id, name, type, data }` with `data` as a
 * plain object; n8n encrypts it with the user folder's key. Upserts by id, so re-importing the same
 * stable ids is idempotent.
 */
export async function importCredentials(app, { env, userFolder, credentials }) {
	const file = join(userFolder, `import-credentials-${process.pid}.json`);
	writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	try {
		const result = await runN8n(app, ['import:credentials', `--input=${file}`], { env, cwd: userFolder });
		if (result.code !== 0 || !/Successfully imported/.test(result.stdout + result.stderr)) throw describeFailure('n8n import:credentials', result);
		return result;
	} finally {
		rmSync(file, { force: true });
	}
}

/**
 * `n8n import:workflow`: upserts by workflow id (ids must be at most 21 characters for `n8n execute
 * --id`), so every workflow gets a stable id; workflows are imported inactive.
 */
export async function importWorkflows(app, { env, userFolder, workflows }) {
	const file = join(userFolder, `import-workflows-${process.pid}.json`);
	writeFileSync(file, JSON.stringify(workflows, null, 2));
	try {
		const result = await runN8n(app, ['import:workflow', `--input=${file}`], { env, cwd: userFolder });
		if (result.code !== 0 || !/Successfully imported/.test(result.stdout + result.stderr)) throw describeFailure('n8n import:workflow', result);
		return result;
	} finally {
		rmSync(file, { force: true });
	}
}

/** A stable workflow id (16 characters, like n8n's own) for an example that has none. */
export function stableWorkflowId(seed) {
	return `ex${createHash('sha256').update(seed).digest('hex').slice(0, 14)}`;
}

/**
 * Pulls the run result out of `n8n execute --rawOutput` output. Even with --rawOutput n8n's
 * logger writes lines of its own to stdout (task broker, Python runner notices), and on failure the
 * same `JSON.stringify(run, null, 2)` appears inside log output, so the run is the block from a
 * line that is exactly `{` to the next line that is exactly `}`.
 */
export function parseExecuteOutput(text) {
	const lines = text.split('\n');
	for (let start = lines.indexOf('{'); start !== -1; start = lines.indexOf('{', start + 1)) {
		const end = lines.indexOf('}', start + 1);
		if (end === -1) break;
		try {
			const parsed = JSON.parse(lines.slice(start, end + 1).join('\n'));
			if (parsed && typeof parsed === 'object' && 'data' in parsed) return parsed;
		} catch {
			/* not the run; keep looking */
		}
	}
	return undefined;
}

/**
 * `n8n execute --id <id> --rawOutput`: runs a stored workflow once, headless, in this user folder.
 * Returns the parsed run (`run.data.resultData.runData[nodeName][0].data.main[0]` holds a node's
 * items) plus the raw process output for diagnostics; a failed run has `ok: false` and the error
 * from `run.data.resultData.error` when n8n printed it.
 *
 * @returns {Promise<{ ok: boolean, code: number | null, signal: string | null, run: any, error: any, stdout: string, stderr: string }>}
 */
export async function executeWorkflow(app, { env, userFolder, workflowId, timeoutMs = 3 * 60_000 }) {
	const result = await runN8n(app, ['execute', `--id=${workflowId}`, '--rawOutput'], { env, cwd: userFolder, timeoutMs });
	const parsed = parseExecuteOutput(result.stdout) ?? parseExecuteOutput(`${result.stdout}\n${result.stderr}`);
	const error = parsed?.data?.resultData?.error;
	return {
		ok: result.code === 0 && parsed !== undefined && !error && parsed.status !== 'error',
		code: result.code,
		signal: result.signal,
		run: parsed,
		error,
		stdout: result.stdout,
		stderr: result.stderr,
	};
}

/** The JSON of the items a node emitted on its first output in its first run. */
export function nodeOutputJson(run, nodeName) {
	const nodeRun = run?.data?.resultData?.runData?.[nodeName]?.[0];
	if (!nodeRun) return undefined;
	return (nodeRun.data?.main?.[0] ?? []).map((item) => item.json);
}

/**
 * `/healthz` answers 200 as soon as the HTTP server listens, seconds before n8n has registered its
 * REST routes and editor (they 404 until then); in 2.41 `/healthz/readiness` turns 200 only when
 * n8n is really ready, but in 1.123 it does once the database is up, still before the REST routes
 * exist. So ready means both: readiness, and the public `/rest/settings` answering. False when n8n
 * exited or the time ran out.
 */
export async function waitForReady(baseUrl, child, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) return false;
		try {
			const readiness = await fetch(`${baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			const settings = readiness.ok ? await fetch(`${baseUrl}/rest/settings`, { signal: AbortSignal.timeout(2000) }) : undefined;
			if (settings?.ok) return true;
		} catch {
			/* not listening yet */
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
	return false;
}

/**
 * `n8n start` in a user folder, on a free loopback port, for what only a running n8n does (its
 * REST API: owner set-up, the credential Test). Resolves once n8n is ready; `stop()` ends it with
 * SIGTERM (SIGKILL after 20 s) and `output()` is what it logged, for diagnostics.
 *
 * @returns {Promise<{ baseUrl: string, output: () => string, stop: () => Promise<void> }>}
 */
export async function startN8nServer(app, { env, userFolder, timeoutMs = 3 * 60_000 }) {
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const child = spawn(app.nodeBin, [app.n8nBin, 'start'], {
		cwd: userFolder,
		env: { ...env, N8N_PORT: String(port), N8N_EDITOR_BASE_URL: `${baseUrl}/` },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk) => (output += chunk));
	// A crashed test must not leave n8n running behind it.
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const stop = async () => {
		process.removeListener('exit', killOnExit);
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
		child.kill('SIGTERM');
		const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		await exited;
		clearTimeout(killer);
	};
	if (!(await waitForReady(baseUrl, child, timeoutMs))) {
		await stop();
		throw new Error(`n8n start did not become ready at ${baseUrl} (${child.exitCode !== null ? `exit code ${child.exitCode}` : 'timed out'}):\n${output.split('\n').slice(-40).join('\n')}`);
	}
	return { baseUrl, output: () => output, stop };
}

/**
 * A bcrypt hash for N8N_INSTANCE_OWNER_PASSWORD_HASH, made with the bcryptjs copy n8n itself uses
 * so the format is one n8n accepts.
 */
export function bcryptHash(appDir, password) {
	const requireFromN8n = createRequire(join(appDir, 'node_modules', 'n8n', 'package.json'));
	const bcrypt = requireFromN8n('bcryptjs');
	return bcrypt.hashSync(password, 10);
}

/** Makes a fresh, empty user folder (n8n creates `.n8n/` with its config and database inside). */
export function freshUserFolder(dir) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return dir;
}
