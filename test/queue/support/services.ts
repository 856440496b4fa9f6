/**
 * Redis and PostgreSQL for the queue-mode test, from Debian's packages, each started on a free
 * loopback port with its data in a temporary folder of its own (never the system services' ports,
 * sockets or data), and stopped at the end.
 *
 * Missing binaries are installed with apt-get when running as root (CI starts from a clean
 * machine); anything that cannot be installed or started throws: the test never skips.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import type { QueueLib } from './queueLib';

type Log = (line: string) => void;

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** A command on PATH (or in the sbin folders apt puts daemons in), or undefined. */
export function whichBinary(name: string): string | undefined {
	const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
	for (const dir of dirs) if (dir && existsSync(join(dir, name))) return join(dir, name);
	return undefined;
}

/** The newest PostgreSQL server's bin folder from Debian's packages (/usr/lib/postgresql/<major>/bin). */
export function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((name) => /^\d+$/.test(name) && ['initdb', 'pg_ctl', 'postgres', 'psql'].every((bin) => existsSync(join(root, name, 'bin', bin))))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? join(root, majors[0], 'bin') : undefined;
}

/**
 * Installs the Debian packages whose binaries are missing: `apt-get update` then `apt-get install
 * -y redis-server postgresql` (as root; otherwise it says what to run). Waits for the dpkg lock
 * if another apt is busy.
 */
export async function ensureServicePackages(lib: QueueLib, log: Log): Promise<{ redisServer: string; pgBin: string }> {
	const missing: string[] = [];
	if (!whichBinary('redis-server')) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (missing.length > 0) {
		if (!isRoot()) {
			throw new Error(
				`The queue-mode test needs ${missing.join(' and ')} (Debian packages), which are not installed, and it is not running as root ` +
					`to install them. Run: sudo apt-get install -y ${missing.join(' ')}`,
			);
		}
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const lock = ['-o', 'DPkg::Lock::Timeout=600'];
		log(`Installing ${missing.join(', ')} with apt-get…`);
		const update = await lib.run('apt-get', [...lock, 'update'], { env, timeoutMs: 10 * 60_000 });
		if (update.code !== 0) throw new Error(`apt-get update failed (exit ${update.code}):\n${tail(update.stdout + update.stderr)}`);
		const install = await lib.run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: 10 * 60_000 });
		if (install.code !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed (exit ${install.code}):\n${tail(install.stdout + install.stderr)}`);
	}
	const redisServer = whichBinary('redis-server');
	const pgBin = postgresBinDir();
	if (!redisServer) throw new Error('redis-server is still missing after installing the redis-server package');
	if (!pgBin) throw new Error('no /usr/lib/postgresql/<version>/bin with initdb, pg_ctl, postgres and psql after installing the postgresql package');
	return { redisServer, pgBin };
}

function tail(text: string, lines = 30): string {
	return text.trim().split('\n').slice(-lines).join('\n');
}

/** Polls until `probe` resolves true, or throws `what` after `timeoutMs`. */
async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, stillAlive: () => string | undefined = () => undefined): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const dead = stillAlive();
		if (dead) throw new Error(`${what}: ${dead}`);
		if (await probe().catch(() => false)) return;
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	throw new Error(`${what}: not ready within ${Math.round(timeoutMs / 1000)} s`);
}

/** One Redis command over a raw socket (no client library needed): true when the reply starts with `expect`. */
function redisCommand(port: number, command: string, expect: string): Promise<boolean> {
	return new Promise((resolveReply) => {
		const socket = connect({ host: '127.0.0.1', port });
		let reply = '';
		socket.setTimeout(2000, () => {
			socket.destroy();
			resolveReply(false);
		});
		socket.on('error', () => resolveReply(false));
		socket.on('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) {
				socket.end();
				resolveReply(reply.startsWith(expect));
			}
		});
	});
}

export interface RedisServer {
	port: number;
	dir: string;
	logFile: string;
	stop(): Promise<void>;
}

/**
 * `redis-server` as a child of the test: 127.0.0.1 only, a free port, no persistence, working
 * folder and log in a temporary folder.
 */
export async function startRedis(lib: QueueLib, redisServer: string, log: Log): Promise<RedisServer> {
	const port = await lib.freePort();
	const dir = mkdtempSync(join(tmpdir(), 'token-connectors-redis-'));
	const logFile = join(dir, 'redis.log');
	const child = spawn(
		redisServer,
		['--bind', '127.0.0.1', '--port', String(port), '--protected-mode', 'yes', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', logFile],
		{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const output = createWriteStream(join(dir, 'redis.out'));
	child.stdout?.pipe(output);
	child.stderr?.pipe(output);
	const stop = async () => {
		await stopChild(child, 10_000);
		rmSync(dir, { recursive: true, force: true });
	};
	killOnExit(() => child.kill('SIGKILL'));
	try {
		await waitFor(
			`redis-server on 127.0.0.1:${port}`,
			() => redisCommand(port, 'PING', '+PONG'),
			30_000,
			() => (child.exitCode !== null || child.signalCode !== null ? `exited (${child.signalCode ?? child.exitCode}): ${readTail(logFile)}` : undefined),
		);
	} catch (error) {
		await stop();
		throw error;
	}
	log(`Redis ${redisVersion(redisServer)} on 127.0.0.1:${port} (pid ${child.pid})`);
	return { port, dir, logFile, stop };
}

function redisVersion(redisServer: string): string {
	try {
		return /v=(\S+)/.exec(execFileSync(redisServer, ['--version'], { encoding: 'utf8' }))?.[1] ?? '';
	} catch {
		return '';
	}
}

function readTail(file: string): string {
	try {
		return tail(readFileSync(file, 'utf8'), 20);
	} catch {
		return '(no log)';
	}
}

export interface PostgresServer {
	port: number;
	database: string;
	user: string;
	password: string;
	version: string;
	/** Runs SQL with psql as the n8n database user; returns stdout (unaligned, tuples only). */
	query(sql: string): Promise<string>;
	stop(): Promise<void>;
}

/**
 * A throw-away PostgreSQL cluster: `initdb` into a temporary folder, `pg_ctl start` listening on
 * 127.0.0.1 and a free port only (its Unix socket in that folder too), a password-protected user
 * and an `n8n` database. PostgreSQL refuses to run as root, so as root the server commands run as
 * the `postgres` user Debian's package creates (`runuser -u postgres`), which owns the folder.
 * Durability is off (fsync, synchronous_commit): the data is deleted at the end anyway.
 */
export async function startPostgres(lib: QueueLib, pgBin: string, log: Log): Promise<PostgresServer> {
	const port = await lib.freePort();
	const dir = mkdtempSync(join(tmpdir(), 'token-connectors-pg-'));
	const data = join(dir, 'data');
	const logFile = join(dir, 'postgres.log');
	const pwFile = join(dir, 'pwfile');
	const user = 'n8n';
	const database = 'n8n';
	const password = randomBytes(18).toString('base64url');
	writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });

	let asServer: (bin: string, args: string[]) => [string, string[]] = (bin, args) => [join(pgBin, bin), args];
	if (isRoot()) {
		const runuser = whichBinary('runuser');
		if (!runuser) throw new Error('running as root, but runuser (util-linux) is missing, so PostgreSQL cannot be started as the postgres user');
		let uid: number;
		let gid: number;
		try {
			uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
			gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		} catch {
			throw new Error('running as root, but there is no "postgres" user (Debian\'s postgresql package creates it) to run PostgreSQL as');
		}
		for (const path of [dir, pwFile]) chownSync(path, uid, gid);
		chmodSync(dir, 0o700);
		asServer = (bin, args) => [runuser, ['-u', 'postgres', '--', join(pgBin, bin), ...args]];
	}
	const server = async (bin: string, args: string[], what: string) => {
		const [command, argv] = asServer(bin, args);
		const result = await lib.run(command, argv, { cwd: dir, env: { ...process.env, LC_ALL: 'C' }, timeoutMs: 2 * 60_000 });
		if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${tail(result.stdout + result.stderr)}\n${readTail(logFile)}`);
		return result.stdout;
	};

	let started = false;
	const stop = async () => {
		if (started) {
			started = false;
			await server('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop'], 'pg_ctl stop').catch((error: Error) => log(`warning: ${error.message}`));
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await server('initdb', ['-D', data, '-U', user, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale', '--no-sync'], 'initdb');
		// Unix socket in our folder, TCP on 127.0.0.1 and our port only.
		const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
		await server('pg_ctl', ['-D', data, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], 'pg_ctl start');
		started = true;
		killOnExit(() => {
			if (!started) return;
			const [command, argv] = asServer('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
			try {
				execFileSync(command, argv, { cwd: dir, stdio: 'ignore', timeout: 20_000 });
			} catch {
				/* best effort while the test process exits */
			}
		});
	} catch (error) {
		await stop();
		throw error;
	}

	const query = async (sql: string, db = database) => {
		const result = await lib.run(join(pgBin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', db, '-v', 'ON_ERROR_STOP=1', '-X', '-A', '-t', '-c', sql], {
			cwd: tmpdir(),
			env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: '10' },
			timeoutMs: 60_000,
		});
		if (result.code !== 0) throw new Error(`psql failed (exit ${result.code}): ${tail(result.stdout + result.stderr)}`);
		return result.stdout.trim();
	};
	try {
		await query(`CREATE DATABASE ${database}`, 'postgres');
		const version = await query('SHOW server_version', database);
		log(`PostgreSQL ${version} on 127.0.0.1:${port} (data ${data})`);
		return { port, database, user, password, version, query: (sql) => query(sql), stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export async function stopChild(child: ChildProcess, graceMs: number, group = false): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
	const signal = (name: NodeJS.Signals) => {
		try {
			if (group && child.pid !== undefined) process.kill(-child.pid, name);
			else child.kill(name);
		} catch {
			/* already gone */
		}
	};
	signal('SIGTERM');
	const killer = setTimeout(() => signal('SIGKILL'), graceMs);
	await exited;
	clearTimeout(killer);
	// Leftovers of the group (e.g. a task runner) go too.
	if (group) signal('SIGKILL');
}

const exitHooks: Array<() => void> = [];
let exitHookInstalled = false;

/** Last-resort cleanup if the test process ends without reaching its `after` (a crash, a timeout). */
export function killOnExit(hook: () => void): void {
	exitHooks.push(hook);
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const run of exitHooks.splice(0)) run();
	});
}
