#!/usr/bin/env node
/**
 * `npm start`: a newcomer's one command to click through our nodes in a real n8n.
 *
 * It builds the package, makes sure the pinned n8n app is installed (first run only, a few
 * minutes), starts the vendor sandbox on 127.0.0.1:5680, installs the freshly packed package into a
 * persistent n8n user folder (`.n8n-start/`, git-ignored) the way n8n installs community packages,
 * imports the sandbox credentials and the example workflows, and starts n8n on 127.0.0.1:5678
 * with an owner account already set up. Ctrl-C stops n8n and the sandbox.
 *
 * Re-running keeps the user folder (workflows and executions made in the UI survive); the package
 * is re-installed every time so n8n always runs the code just built. Examples and credentials are
 * re-imported only when their file changed (so edits made in the UI are not overwritten for
 * nothing); `--reimport` forces it, `--reset` starts from an empty user folder.
 *
 * Options: --port <n8n port> (5678), --sandbox-port <port> (5680), --broker-port <port> (5679),
 * --skip-build, --reimport, --reset, --user-folder <dir>.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

import { ensureN8nApp } from './n8n-app.mjs';
import {
	bcryptHash,
	importCredentials,
	importWorkflows,
	installPackageIntoUserFolder,
	n8nEnv,
	packProject,
	portInUse,
	repoRoot,
	run,
	stableWorkflowId,
	waitForReady,
} from './e2e-lib.mjs';

const OWNER = { email: 'owner@example.com', password: 'Sandbox-Owner-1', firstName: 'Sandbox', lastName: 'Owner' };
/** `--user-folder` lets the test of `npm start` run beside a developer's own `.n8n-start/`. */
const userFolderArg = process.argv.indexOf('--user-folder');
const userFolder = userFolderArg > 0 ? resolve(process.argv[userFolderArg + 1] ?? '') : join(repoRoot, '.n8n-start');
const stateFile = join(userFolder, 'start-state.json');
const n8nLogFile = join(userFolder, 'n8n.log');
const examplesDir = join(repoRoot, 'examples');

function parseArgs(argv) {
	const options = { port: 5678, sandboxPort: 5680, brokerPort: 5679, build: true, reimport: false, reset: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = Number(argv[++i]);
			if (!Number.isInteger(next) || next <= 0 || next > 65535) throw new Error(`${arg} needs a port number`);
			return next;
		};
		if (arg === '--port') options.port = value();
		else if (arg === '--sandbox-port') options.sandboxPort = value();
		else if (arg === '--broker-port') options.brokerPort = value();
		else if (arg === '--skip-build') options.build = false;
		else if (arg === '--reimport') options.reimport = true;
		else if (arg === '--reset') options.reset = true;
		else if (arg === '--user-folder') i++;
		else if (arg === '--help' || arg === '-h') {
			console.log('npm start -- [--port 5678] [--sandbox-port 5680] [--broker-port 5679] [--skip-build] [--reimport] [--reset] [--user-folder <dir>]');
			process.exit(0);
		} else throw new Error(`unknown option ${arg} (try --help)`);
	}
	return options;
}

const step = (text) => console.log(`\n▶ ${text}`);
const info = (text) => console.log(`  ${text}`);

function fail(message) {
	console.error(`\n✖ ${message}`);
	process.exit(1);
}

/**
 * Ports are checked before anything slow happens, because "address in use" from deep inside n8n
 * after a 10-second boot is a poor way to learn another n8n is still running.
 */
async function checkPorts({ port, sandboxPort, brokerPort }) {
	const busy = [];
	if (await portInUse(port)) busy.push(`${port} (n8n editor; pick another with --port)`);
	if (await portInUse(sandboxPort)) busy.push(`${sandboxPort} (sandbox; pick another with --sandbox-port)`);
	if (await portInUse(brokerPort)) busy.push(`${brokerPort} (n8n task broker; pick another with --broker-port)`);
	if (busy.length > 0) {
		fail(
			`Port${busy.length > 1 ? 's' : ''} already in use on 127.0.0.1: ${busy.join(', ')}.\n` +
				'  Is another `npm start` (or another n8n) still running? Stop it first, e.g. find it with\n' +
				`  \`ss -ltnp | grep -E ':(${port}|${sandboxPort}|${brokerPort}) '\` or \`lsof -i :${port}\`.`,
		);
	}
}

/** The sandbox is plain compiled TypeScript in dist-dev/; loaded in-process so Ctrl-C stops it with us. */
function loadSandboxModule() {
	const entry = join(repoRoot, 'dist-dev', 'sandbox', 'index.js');
	if (!existsSync(entry)) fail(`${entry} is missing; the build did not produce the sandbox`);
	return createRequire(import.meta.url)(entry);
}

/**
 * Credentials to import: every file in examples/credentials/. String
 * values may use `{{vendorBaseUrls.<vendor>}}`, `{{DEMO_CREDENTIALS.<vendor>.<field>}}` and
 * `{{sandboxUrl}}`, filled from the running sandbox, so the files never hard-code a port.
 */
function loadCredentials(context) {
	const files = [];
	const extraDir = join(examplesDir, 'credentials');
	if (existsSync(extraDir)) {
		for (const name of readdirSync(extraDir).sort()) if (name.endsWith('.json')) files.push(join(extraDir, name));
	}
	const fill = (value, file) => {
		if (typeof value === 'string') {
			return value.replace(/\{\{\s*((?:vendorBaseUrls|DEMO_CREDENTIALS|sandboxUrl)(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g, (_match, path) => {
				const resolved = path.split('.').reduce((node, key) => (node === undefined || node === null ? undefined : node[key]), context);
				if (resolved === undefined || typeof resolved === 'object') throw new Error(`${file}: unknown placeholder {{${path}}}`);
				return String(resolved);
			});
		}
		if (Array.isArray(value)) return value.map((entry) => fill(entry, file));
		if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fill(entry, file)]));
		return value;
	};
	const credentials = [];
	for (const file of files) {
		const parsed = JSON.parse(readFileSync(file, 'utf8'));
		for (const credential of Array.isArray(parsed) ? parsed : [parsed]) {
			if (!credential.id || !credential.type || !credential.name || typeof credential.data !== 'object') {
				throw new Error(`${file}: every credential needs id, name, type and a data object`);
			}
			credentials.push(fill(credential, file));
		}
	}
	return { credentials, files };
}

/** Every examples/*.json that is a workflow (has nodes and connections), with a stable id. */
function loadExampleWorkflows() {
	const workflows = [];
	for (const name of readdirSync(examplesDir).sort()) {
		if (!name.endsWith('.json')) continue;
		let parsed;
		try {
			parsed = JSON.parse(readFileSync(join(examplesDir, name), 'utf8'));
		} catch (error) {
			throw new Error(`examples/${name} is not valid JSON: ${error.message}`);
		}
		if (!parsed || Array.isArray(parsed) || !Array.isArray(parsed.nodes) || typeof parsed.connections !== 'object') continue;
		workflows.push({ ...parsed, id: parsed.id ?? stableWorkflowId(`examples/${name}`), name: parsed.name ?? name.replace(/\.json$/, ''), active: false });
	}
	return workflows;
}

const digest = (value) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

function readState() {
	try {
		return JSON.parse(readFileSync(stateFile, 'utf8'));
	} catch {
		return {};
	}
}

/** Proves the printed login works (owner provisioning happens inside n8n's start-up). */
async function checkLogin(baseUrl) {
	try {
		const response = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			signal: AbortSignal.timeout(10_000),
		});
		return response.ok ? 'ok' : `HTTP ${response.status}`;
	} catch (error) {
		return error.message;
	}
}

/** Builds the package and the sandbox (`npm run build`), showing the build's own output. */
async function buildPackage() {
	step('Building the package (npm run build)');
	const build = await run('npm', ['run', 'build', '--silent'], { echo: true, timeoutMs: 10 * 60_000 });
	if (build.code !== 0) fail('npm run build failed; fix the errors above and run `npm start` again.');
}

async function installN8nApp() {
	step('Making sure the n8n app is installed (.n8n-app/)');
	const app = await ensureN8nApp({ log: info });
	info(`n8n: ${app.n8nBin}\n  node: ${app.nodeBin}`);
	return app;
}

async function startVendorSandbox({ sandboxPort }) {
	step(`Starting the vendor sandbox on 127.0.0.1:${sandboxPort}`);
	const sandboxModule = loadSandboxModule();
	const sandbox = await sandboxModule.startSandbox({ port: sandboxPort });
	info(`sandbox: ${sandbox.url}`);
	return { sandbox, urls: sandboxModule.vendorBaseUrls(sandbox.url), DEMO_CREDENTIALS: sandboxModule.DEMO_CREDENTIALS };
}

/**
 * What runs until Ctrl-C: the sandbox, and n8n once started. `stop` ends both once (n8n gracefully,
 * with SIGTERM, then SIGKILL after 20 s) and exits; a crash of this script never leaves n8n behind.
 */
function runningServices(sandbox) {
	const services = { n8n: undefined, stopping: false, stop: undefined };
	services.stop = async (code) => {
		if (services.stopping) return;
		services.stopping = true;
		console.log('\nStopping n8n and the sandbox…');
		const { n8n } = services;
		if (n8n && n8n.exitCode === null && n8n.signalCode === null) {
			const exited = new Promise((resolveExit) => n8n.once('exit', resolveExit));
			n8n.kill('SIGTERM');
			const killer = setTimeout(() => n8n.kill('SIGKILL'), 20_000);
			await exited;
			clearTimeout(killer);
		}
		await sandbox.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void services.stop(0));
	process.on('SIGTERM', () => void services.stop(0));
	process.on('exit', () => {
		if (services.n8n && services.n8n.exitCode === null) services.n8n.kill('SIGKILL');
	});
	return services;
}

/** The user folder (emptied first with --reset) and the environment n8n runs with, owner account included. */
function prepareUserFolder(options, app) {
	if (options.reset) {
		step(`Resetting ${userFolder}`);
		rmSync(userFolder, { recursive: true, force: true });
	}
	mkdirSync(userFolder, { recursive: true });
	return n8nEnv({
		userFolder,
		brokerPort: options.brokerPort,
		extra: {
			N8N_PORT: String(options.port),
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${options.port}/`,
			N8N_WEBHOOK_URL: `http://127.0.0.1:${options.port}/`,
			// n8n 2.41 provisions (and on every start re-applies) the owner from these variables.
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: bcryptHash(app.appDir, OWNER.password),
		},
	});
}

/** Packs the package just built and installs it the way n8n installs a community package. */
async function installPackage() {
	step('Installing the freshly packed package into .n8n-start/.n8n/nodes');
	const tarball = await packProject({ destination: join(userFolder, 'package'), build: false, log: info });
	const installed = await installPackageIntoUserFolder({ tarball, userFolder, log: info });
	info(`installed ${installed.name}@${installed.version}`);
}

/** Imports examples/credentials/ filled with the sandbox's URLs, unless unchanged since the last start. */
async function importSandboxCredentials(app, env, state, vendor) {
	const { credentials, files } = loadCredentials({ vendorBaseUrls: vendor.urls, DEMO_CREDENTIALS: vendor.DEMO_CREDENTIALS, sandboxUrl: vendor.sandbox.url });
	step(`Importing ${credentials.length} sandbox credential(s) from ${files.map((file) => file.slice(repoRoot.length + 1)).join(', ')}`);
	if (state.credentials === digest(credentials)) {
		info('unchanged since the last start; skipped');
		return credentials;
	}
	await importCredentials(app, { env, userFolder, credentials });
	state.credentials = digest(credentials);
	writeFileSync(stateFile, JSON.stringify(state, null, 2));
	for (const credential of credentials) info(`${credential.name} (${credential.type}, id ${credential.id})`);
	return credentials;
}

/** Imports the example workflows that changed since the last start (edits made in n8n survive otherwise). */
async function importExampleWorkflows(app, env, state) {
	const workflows = loadExampleWorkflows();
	step(`Importing ${workflows.length} example workflow(s) from examples/`);
	state.workflows ??= {};
	const changed = workflows.filter((workflow) => state.workflows[workflow.id] !== digest(workflow));
	if (changed.length === 0) {
		info('unchanged since the last start; skipped (use --reimport to overwrite edits made in n8n)');
		return workflows;
	}
	await importWorkflows(app, { env, userFolder, workflows: changed });
	for (const workflow of changed) {
		state.workflows[workflow.id] = digest(workflow);
		info(`${workflow.name} (id ${workflow.id})`);
	}
	writeFileSync(stateFile, JSON.stringify(state, null, 2));
	return workflows;
}

/**
 * Starts `n8n start` in its own process group (Ctrl-C reaches only us, and we stop n8n once), its
 * output echoed line by line and appended to .n8n-start/n8n.log.
 */
function startN8n(app, env, options, services) {
	step(`Starting n8n on http://127.0.0.1:${options.port} (log: .n8n-start/n8n.log)`);
	const log = createWriteStream(n8nLogFile, { flags: 'a' });
	log.write(`\n--- npm start ${new Date().toISOString()} ---\n`);
	const n8n = spawn(app.nodeBin, [app.n8nBin, 'start'], { cwd: userFolder, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	for (const stream of [n8n.stdout, n8n.stderr]) {
		stream.setEncoding('utf8');
		let pending = '';
		stream.on('data', (chunk) => {
			log.write(chunk);
			pending += chunk;
			const lines = pending.split('\n');
			pending = lines.pop();
			for (const line of lines) if (line.trim()) console.log(`  n8n │ ${line}`);
		});
	}
	n8n.on('exit', (code, signal) => {
		if (!services.stopping) {
			console.error(`\n✖ n8n exited unexpectedly (${signal ?? `exit code ${code}`}); see .n8n-start/n8n.log`);
			void services.stop(1);
		}
	});
	return n8n;
}

function printWelcome({ baseUrl, started, login, vendor, credentials, workflows }) {
	const bar = '═'.repeat(72);
	console.log(`\n${bar}`);
	console.log(`  n8n is ready (${Math.round((Date.now() - started) / 1000)}s):  ${baseUrl}`);
	console.log(`  log in with:   ${OWNER.email}  /  ${OWNER.password}${login === 'ok' ? '' : `   (login check failed: ${login})`}`);
	console.log(`  sandbox:       ${vendor.sandbox.url}`);
	console.log(`    Enboarder base URL: ${vendor.urls.enboarder}   API key: ${vendor.DEMO_CREDENTIALS.enboarder.apiKey}`);
	for (const credential of credentials) console.log(`    credential in n8n:  "${credential.name}" (${credential.type})`);
	console.log(`  examples:      ${workflows.map((workflow) => `"${workflow.name}"`).join(', ') || '(none)'}`);
	console.log('  Press Ctrl-C to stop n8n and the sandbox.');
	console.log(bar);
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const started = Date.now();
	await checkPorts(options);
	if (options.build) await buildPackage();
	const app = await installN8nApp();
	const vendor = await startVendorSandbox(options);
	const services = runningServices(vendor.sandbox);
	try {
		const env = prepareUserFolder(options, app);
		await installPackage();
		const state = options.reimport ? {} : readState();
		const credentials = await importSandboxCredentials(app, env, state, vendor);
		const workflows = await importExampleWorkflows(app, env, state);
		// Checked again: the build and imports take a while and something may have grabbed the port.
		if (await portInUse(options.port)) fail(`Port ${options.port} became busy while preparing; is another n8n starting?`);
		services.n8n = startN8n(app, env, options, services);
		const baseUrl = `http://127.0.0.1:${options.port}`;
		if (!(await waitForReady(baseUrl, services.n8n, 180_000))) {
			if (!services.stopping) {
				console.error(`\n✖ n8n did not become ready at ${baseUrl} within 3 minutes; see .n8n-start/n8n.log`);
				await services.stop(1);
			}
			return;
		}
		printWelcome({ baseUrl, started, login: await checkLogin(baseUrl), vendor, credentials, workflows });
	} catch (error) {
		console.error(`\n✖ ${error.message}`);
		await services.stop(1);
	}
}

main().catch((error) => fail(error.stack ?? String(error)));
