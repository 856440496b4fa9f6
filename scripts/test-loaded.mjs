#!/usr/bin/env node
/**
 * `npm run test:loaded`: the engine and property suites while every CPU core is kept busy by another
 * process (Debian's stress-ng), as on a machine shared with other work. It shows that no test
 * depends on how fast the machine is: events such as a revocation are made to happen by the sandbox
 * at a request (a trigger), never by a timer racing the run. Not part of `npm test`: on an idle CI
 * machine it would only run those suites a second time, slower.
 *
 * Steps: stress-ng is installed with apt-get when missing (as root; otherwise it says what to run);
 * `npm run build` runs first when the build is missing or older than a source file (before the load, so
 * only the suites run under it); then `stress-ng --cpu <cores>` starts in its own process group,
 * `npm run test:engine` and `npm run test:property` run one after the other, and stress-ng is
 * stopped whatever happens (a failed suite, Ctrl-C, SIGTERM). It prints the time each suite took
 * and exits with the first failing suite's status (0 when both pass).
 *
 * Usage: `npm run test:loaded` (or `node scripts/test-loaded.mjs`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = ['test:engine', 'test:property'];
/** Folders whose sources the build compiles (the package into dist/, the rest into dist-dev/). */
const SOURCES = ['credentials', 'nodes', 'shared', 'sandbox', 'test', 'examples'];

const log = (line) => console.log(`test:loaded: ${line}`);

function onPath(name) {
	for (const dir of (process.env.PATH ?? '').split(delimiter)) {
		const candidate = join(dir, name);
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			/* not here */
		}
	}
	return undefined;
}

/** apt-get install; `apt-get update` first only when the install fails (e.g. no package lists yet). */
function ensureStressNg() {
	const found = onPath('stress-ng');
	if (found) return found;
	if (process.getuid?.() !== 0) {
		throw new Error('stress-ng (a Debian package) is not installed and this is not root to install it. Run: sudo apt-get install -y stress-ng');
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (...args) => spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { env, stdio: 'inherit' }).status;
	log('installing stress-ng with apt-get…');
	if (apt('install', '-y', '--no-install-recommends', 'stress-ng') !== 0) {
		log('install failed; apt-get update, then again');
		if (apt('update') !== 0) throw new Error('apt-get update failed');
		if (apt('install', '-y', '--no-install-recommends', 'stress-ng') !== 0) throw new Error('apt-get install -y stress-ng failed');
	}
	const installed = onPath('stress-ng');
	if (!installed) throw new Error('stress-ng is still missing after installing the stress-ng package');
	return installed;
}

function newestSource(path) {
	let newest = 0;
	for (const entry of readdirSync(path, { withFileTypes: true })) {
		const full = join(path, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
		else newest = Math.max(newest, statSync(full).mtimeMs);
	}
	return newest;
}

/** The build (dist/, dist-dev/) is missing, or something it is built from changed since. */
function buildNeeded() {
	const built = join(repoRoot, 'dist-dev', 'test', 'engine');
	const marker = join(repoRoot, 'dist-dev', 'sandbox', 'index.js');
	if (!existsSync(built) || !existsSync(marker)) return true;
	const sources = [...SOURCES.map((dir) => join(repoRoot, dir)).filter(existsSync).map(newestSource), ...['package.json', 'tsconfig.json', 'tsconfig.dev.json'].map((file) => statSync(join(repoRoot, file)).mtimeMs)];
	return Math.max(...sources) > statSync(marker).mtimeMs;
}

/**
 * Runs an npm script with inherited output, in a process group of its own so that a signal reaches
 * the test runner and its test processes, not only npm; resolves with its exit status.
 */
function npmRun(script, children) {
	return new Promise((resolveRun) => {
		const child = spawn('npm', ['run', script], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
		children.add(child);
		child.on('exit', (code, signal) => {
			children.delete(child);
			resolveRun(code ?? (signal ? 1 : 0));
		});
		child.on('error', (error) => {
			children.delete(child);
			console.error(error);
			resolveRun(1);
		});
	});
}

/** `stress-ng --cpu <cores>` in its own process group; resolves once its hogs are running. */
function startStress(binary, cores) {
	const child = spawn(binary, ['--cpu', String(cores), '--metrics-brief'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const stop = () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			/* already gone */
		}
	};
	const exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
	const running = new Promise((resolveStart, rejectStart) => {
		const collect = (chunk) => {
			output += chunk.toString();
			// stress-ng says so once it has forked its workers.
			if (/dispatching hogs/.test(output)) resolveStart();
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.once('error', rejectStart);
		child.once('exit', (code) => rejectStart(new Error(`stress-ng ended at once (exit ${code}):\n${output}`)));
	});
	return { child, running, exited, stop, output: () => output };
}

/** The machine's idle and total CPU time so far (all cores, /proc/stat): two readings tell how busy it was between them. */
function cpuBusy() {
	const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
	const idle = fields[3] + (fields[4] ?? 0);
	return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
}

async function main() {
	const started = Date.now();
	const stressNg = ensureStressNg();
	if (buildNeeded()) {
		log('building (the build is missing or older than the sources)…');
		if (spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
	} else log('the build is up to date');

	const cores = availableParallelism();
	const children = new Set();
	const stopSuites = (signal) => {
		for (const child of children) {
			try {
				process.kill(-child.pid, signal);
			} catch {
				/* already gone */
			}
		}
	};
	const stress = startStress(stressNg, cores);
	// Whatever ends this process, stress-ng and a running suite (process groups of their own) must not outlive it.
	process.on('exit', () => {
		stopSuites('SIGTERM');
		stress.stop();
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => {
			log(`${signal}: stopping stress-ng and the suites`);
			process.exit(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129);
		});
	}

	const results = [];
	let loadStart;
	try {
		await stress.running;
		log(`stress-ng keeps ${cores} cores busy (pid ${stress.child.pid}); running ${SUITES.join(' and ')} under that load`);
		loadStart = cpuBusy();
		for (const suite of SUITES) {
			const suiteStarted = Date.now();
			const status = await npmRun(suite, children);
			results.push({ suite, status, seconds: (Date.now() - suiteStarted) / 1000 });
		}
	} finally {
		const loadEnd = loadStart && cpuBusy();
		stress.stop();
		await stress.exited;
		if (loadEnd) {
			const busy = 1 - (loadEnd.idle - loadStart.idle) / (loadEnd.total - loadStart.total);
			log(`the machine's CPUs were ${Math.round(busy * 100)} % busy during the suites`);
		}
		// --metrics-brief ends with: cpu <bogo ops> <real s> <usr s> <sys s> <bogo ops/s real> <bogo ops/s cpu>.
		const metrics = /\]\s+cpu\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(stress.output());
		if (metrics) {
			const [, bogoOps, real, usr, sys] = metrics;
			log(`stress-ng ran ${Number(real).toFixed(0)} s and took ${(Number(usr) + Number(sys)).toFixed(0)} s of CPU (${bogoOps} bogo ops)`);
		}
	}

	const underLoad = results.reduce((sum, result) => sum + result.seconds, 0);
	for (const { suite, status, seconds } of results) log(`${suite}: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${seconds.toFixed(1)} s`);
	log(`suites under load ${underLoad.toFixed(1)} s; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
	return results.find((result) => result.status !== 0)?.status ?? 0;
}

main().then(
	(status) => process.exit(status),
	(error) => {
		console.error(`test:loaded: ${error.message}`);
		process.exit(1);
	},
);
