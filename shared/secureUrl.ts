/** Checks that a Base URL is HTTPS (loopback excepted) before anything is sent to it. */
import { NodeOperationError, type INode } from 'n8n-workflow';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export interface UrlProblem {
	message: string;
	description: string;
}

/** The URL as entered, trimmed and without trailing slashes. */
export function normalizeUrl(value: unknown): string {
	return typeof value === 'string' ? value.trim().replace(/\/+$/, '') : '';
}

/**
 * Every vendor requires HTTPS; plain HTTP is accepted only on loopback, where the sandbox runs.
 * Returns what is wrong with the URL, or undefined when it may be used.
 */
export function secureUrlProblem(value: unknown, fieldName: string): UrlProblem | undefined {
	let url: URL;
	try {
		url = new URL(normalizeUrl(value));
	} catch {
		return {
			message: `The credential's ${fieldName} is not a valid URL`,
			description: `Enter a full address such as https://api.example.com in the ${fieldName} field.`,
		};
	}
	const loopback = LOOPBACK_HOSTS.test(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		return {
			message: `The credential's ${fieldName} must use HTTPS`,
			description: `"${url.protocol}//${url.host}" is refused: the API only accepts HTTPS. Plain HTTP is allowed only for loopback addresses (127.0.0.1, localhost, [::1]).`,
		};
	}
	return undefined;
}

/** The last URL assertSecureUrl let through, as given and normalized. */
let lastSecure: { value: string | undefined; normalized: string } = { value: undefined, normalized: '' };

/** As secureUrlProblem, for node code: throws a NodeOperationError, else returns the normalized URL. */
export function assertSecureUrl(node: INode, value: unknown, fieldName: string): string {
	// Every request of a run checks the same Base URL: the last one found secure is remembered (one entry, a URL, no secret).
	if (typeof value === 'string' && value === lastSecure.value) return lastSecure.normalized;
	const problem = secureUrlProblem(value, fieldName);
	if (problem) throw new NodeOperationError(node, problem.message, { description: problem.description });
	const normalized = normalizeUrl(value);
	if (typeof value === 'string') lastSecure = { value, normalized };
	return normalized;
}
