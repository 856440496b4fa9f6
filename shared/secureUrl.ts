import { NodeOperationError, type INode } from 'n8n-workflow';

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Every vendor requires HTTPS; plain HTTP is accepted only on loopback, where the sandbox runs.
 * Returns the URL without a trailing slash.
 */
export function assertSecureUrl(node: INode, value: unknown, fieldName: string): string {
	const text = typeof value === 'string' ? value.trim().replace(/\/+$/, '') : '';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new NodeOperationError(node, `The credential's ${fieldName} is not a valid URL`, {
			description: `Enter a full address such as https://api.example.com in the ${fieldName} field.`,
		});
	}
	const loopback = LOOPBACK_HOSTS.test(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
		throw new NodeOperationError(node, `The credential's ${fieldName} must use HTTPS`, {
			description: `"${url.protocol}//${url.host}" is refused: the API only accepts HTTPS. Plain HTTP is allowed only for loopback addresses (127.0.0.1, localhost, [::1]).`,
		});
	}
	return text;
}
