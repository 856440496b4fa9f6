/**
 * Secrets must never appear in an error, a log line or an output. The harness registers every
 * secret it handles (credential fields marked as passwords, tokens our credentials obtained, Basic
 * headers built from them) and captures everything the test process writes to stdout and stderr,
 * so any test can check what it saw.
 */
const secrets = new Map<string, string>();
let captured = '';
const CAPTURE_LIMIT = 64 * 1024 * 1024;

/** Registers a secret (and its Basic-header and URL-encoded forms) under a label for reports. */
export function registerSecret(label: string, value: unknown): void {
	if (typeof value !== 'string' || value.length < 6) return;
	secrets.set(value, label);
	const encoded = encodeURIComponent(value);
	if (encoded !== value) secrets.set(encoded, `${label} (URL-encoded)`);
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
