#!/usr/bin/env node
/**
 * Starts the sandbox: `node dist-dev/sandbox/cli.js [--port N] [--host 127.0.0.1] [--seed N]`.
 * Port defaults to $SANDBOX_PORT or 5680; `--port 0` picks a free one.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { DEMO_CREDENTIALS } from './credentials';
import { startSandbox } from './server';
import { vendorBaseUrls } from './urls';

export const DEFAULT_PORT = 5680;

interface CliOptions {
	host: string;
	port: number;
	seed?: number;
}

function parseArgs(argv: string[]): CliOptions {
	const options: CliOptions = { host: '127.0.0.1', port: Number(process.env.SANDBOX_PORT ?? DEFAULT_PORT) };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = (): string => {
			const next = inline ?? argv[++i];
			if (next === undefined) throw new Error(`${flag} needs a value`);
			return next;
		};
		if (flag === '--port' || flag === '-p') options.port = Number(value());
		else if (flag === '--host') options.host = value();
		else if (flag === '--seed') options.seed = Number(value());
		else if (flag === '--help' || flag === '-h') {
			console.log('Usage: node dist-dev/sandbox/cli.js [--port N] [--host 127.0.0.1] [--seed N]');
			process.exit(0);
		} else throw new Error(`Unknown option ${argv[i]}`);
	}
	if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('port must be 0..65535');
	if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new Error('seed must be an integer');
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox(options);
	const urls = vendorBaseUrls(sandbox.url);
	const lines = [
		`Sandbox listening on ${sandbox.url}`,
		'',
		'Vendor base URLs:',
		`  Enboarder API        ${urls.enboarder}`,
		`  Enboarder token URL  ${urls.enboarderTokenUrl}`,
		`  Partner API          ${urls.partner}`,
		`  Partner token URL    ${urls.partnerTokenUrl}`,
		`  Enkash API           ${urls.enkash}`,
		`  PAT API              ${urls.pat}`,
		`  PAT authorize URL    ${urls.patAuthorizeUrl}`,
		`  PAT token URL        ${urls.patTokenUrl}`,
		`  Stand-in chat model  ${urls.model}  (OpenAI Chat Completions; makes the tool calls written in the prompt)`,
		`  Control API          ${sandbox.url}/__control/health`,
		'',
		'Demo credentials:',
		JSON.stringify(DEMO_CREDENTIALS, null, 2)
			.split('\n')
			.map((line) => `  ${line}`)
			.join('\n'),
		'',
		'Press Ctrl+C to stop.',
	];
	console.log(lines.join('\n'));
	let stopping = false;
	const stop = (signal: NodeJS.Signals): void => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal} received, stopping the sandbox…`);
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
