#!/usr/bin/env node
/**
 * Runs npm scripts side by side and fails when any of them fails:
 * `node scripts/run-parallel.mjs [--prefix] <script>…`.
 *
 * `npm test` uses it twice, to stay well inside CI's time on a 2-core machine:
 * - the two n8n installs (`n8n-apps`: the pinned app and the oldest compatibility release), which mostly wait on
 *   the network and the disk; with `--prefix` their progress lines stream as they come, each marked with its
 *   script, so a first run on a fresh machine is not silent for minutes;
 * - the engine suite in both install set-ups (`test:engine:both`): they share nothing (each test file starts its
 *   own sandbox on a free port and its own n8n user folder), and the suite is built to pass on a busy machine
 *   (`npm run test:loaded`). Without `--prefix` each script's report is held and printed whole when it ends, so
 *   the two do not interleave.
 * A line says how long each script took.
 */
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const prefix = args.includes('--prefix');
const scripts = args.filter((arg) => arg !== '--prefix');
if (scripts.length === 0) {
	console.error('usage: node scripts/run-parallel.mjs [--prefix] <npm script>…');
	process.exit(2);
}

const started = performance.now();

/** Streams `stream` line by line, each line marked with `label`. */
function streamLines(stream, label, write) {
	let pending = '';
	stream.setEncoding('utf8').on('data', (chunk) => {
		const lines = (pending + chunk).split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) write(`[${label}] ${line}\n`);
	});
	stream.on('end', () => {
		if (pending) write(`[${label}] ${pending}\n`);
	});
}

const runs = scripts.map(
	(script) =>
		new Promise((resolve) => {
			const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
			const chunks = [];
			if (prefix) {
				streamLines(child.stdout, script, (line) => process.stdout.write(line));
				streamLines(child.stderr, script, (line) => process.stderr.write(line));
			} else {
				child.stdout.on('data', (chunk) => chunks.push(chunk));
				child.stderr.on('data', (chunk) => chunks.push(chunk));
			}
			child.on('close', (code, signal) => {
				if (!prefix) process.stdout.write(Buffer.concat(chunks));
				const seconds = ((performance.now() - started) / 1000).toFixed(0);
				console.log(`\n# npm run ${script}: ${signal ? `killed by ${signal}` : `exit ${code}`} after ${seconds} s\n`);
				resolve(code === 0 && !signal);
			});
		}),
);

const results = await Promise.all(runs);
const failed = scripts.filter((_, index) => !results[index]);
if (failed.length > 0) {
	console.error(`failed: ${failed.join(', ')}`);
	process.exit(1);
}
