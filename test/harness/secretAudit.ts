/**
 * Secrets must never appear in an error, a log line or an output. The harness registers every
 * secret it handles (credential fields marked as passwords, tokens our credentials obtained, Basic
 * headers built from them) in each form it could leak in (plain, URL-encoded, base64…), and
 * captures everything the test process writes to stdout and stderr, so any test can check what it
 * saw: `runWorkflow` and `pollNode` check every run, the suites check their output and the
 * sandbox's ledger at the end.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
const secrets = new Map<string, string>();
let captured = '';
const CAPTURE_LIMIT = 64 * 1024 * 1024;

/**
 * Registers a secret under a label for reports, with every form in which it could leak: as is,
 * URL-encoded (`encodeURIComponent` and form encoding), escaped inside a JSON string, and base64 /
 * base64url — at each of the three byte alignments, so the secret is found inside a longer base64
 * text too (a Basic header `user:secret`, a token that embeds it). Only the base64 characters that
 * depend on the secret alone are searched, and only when there are at least 8 of them.
 */
export function registerSecret(label: string, value: unknown): void {
	if (typeof value !== 'string' || value.length < 6) return;
	for (const [form, needle] of secretForms(value)) secrets.set(needle, form === 'plain' ? label : `${label} (${form})`);
}

/** The forms `registerSecret` searches for, by name; exported so the audit's own test can plant each. */
export function secretForms(value: string): Array<[string, string]> {
	const forms: Array<[string, string]> = [['plain', value]];
	const add = (form: string, needle: string) => {
		if (needle.length > 0 && !forms.some(([, existing]) => existing === needle)) forms.push([form, needle]);
	};
	add('URL-encoded', encodeURIComponent(value));
	add('form-encoded', new URLSearchParams({ s: value }).toString().slice(2));
	add('JSON-escaped', JSON.stringify(value).slice(1, -1));
	const bytes = Buffer.from(value, 'utf8');
	for (let offset = 0; offset < 3; offset++) {
		const base64 = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		// Characters of whole 3-byte groups that lie inside the secret.
		const core = base64.slice(4 * Math.ceil(offset / 3), 4 * Math.floor((offset + bytes.length) / 3));
		if (core.length < 8) continue;
		add(`base64, offset ${offset}`, core);
		add(`base64url, offset ${offset}`, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return forms;
}

export function registerBasicPair(label: string, user: unknown, password: unknown): void {
	if (typeof user !== 'string' || typeof password !== 'string' || password.length < 6) return;
	registerSecret(`${label} (Basic header)`, Buffer.from(`${user}:${password}`).toString('base64'));
}

/** The labels of the registered secrets found in `text`. */
export function findSecrets(text: string): string[] {
	const found = new Set<string>();
	for (const [value, label] of secrets) if (text.includes(value)) found.add(label);
	return [...found];
}

/** Throws when `text` (described by `where`) contains a registered secret. */
export function assertNoSecrets(where: string, text: string): void {
	const found = findSecrets(text);
	if (found.length > 0) throw new Error(`Secret leak in ${where}: ${found.join(', ')}`);
}

/**
 * The sandbox's request log (the ledger) keeps no header, token or body: this proves it by
 * searching everything it recorded for every registered secret.
 */
export async function assertNoSecretsInLedger(control: { ledger(): Promise<unknown> }, where = 'the sandbox ledger'): Promise<void> {
	assertNoSecrets(where, JSON.stringify(await control.ledger()));
}

/** Throws when anything this process wrote to stdout or stderr so far contains a registered secret. */
export function assertNoSecretsInOutput(where = "this test process's stdout and stderr"): void {
	assertNoSecrets(where, captured);
}

/** Everything this process has written to stdout and stderr since the harness loaded. */
export function capturedOutput(): string {
	return captured;
}

/** Serializes an error with every own property (message, description, context, cause…), as n8n stores it. */
export function serializeError(error: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(error, function (_key, value: unknown) {
		if (value instanceof Error) {
			const plain: Record<string, unknown> = {};
			for (const name of Object.getOwnPropertyNames(value)) plain[name] = (value as unknown as Record<string, unknown>)[name];
			return plain;
		}
		if (value && typeof value === 'object') {
			if (seen.has(value)) return '[circular]';
			seen.add(value);
		}
		return value;
	});
}

function tee(stream: NodeJS.WriteStream): void {
	const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
	stream.write = ((chunk: unknown, ...rest: unknown[]) => {
		if (captured.length < CAPTURE_LIMIT) captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
		return write(chunk, ...rest);
	}) as typeof stream.write;
}

tee(process.stdout);
tee(process.stderr);
