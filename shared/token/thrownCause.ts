/** Hands our own errors back to our request layer on n8n releases whose NodeApiError loses them. */

/*
 * n8n wraps what a credential's preAuthentication or authenticate throws inside
 * httpRequestWithAuthentication in a NodeApiError, and our request layer reads the wrapped error
 * from its `cause` (a login claim written, a login that needs the claim, why no token came). The
 * n8n-workflow of n8n 1.123 and 2.8 drops an `Error` cause there (ExecutionBaseError re-declares
 * `cause` as a class field, which resets what Error's constructor set), so on those releases the
 * Enkash node could not even complete its first login.
 *
 * n8n hands the very credentials object our request layer passed (`credentialsDecrypted.data`) to
 * preAuthentication and authenticate, so what those throw is recorded against that object, and a
 * NodeApiError that comes back without a cause gets it back. (No AsyncLocalStorage: n8n's
 * community-node rules allow no Node module beyond the few they list.)
 */
import { settle } from '../settle';

const thrownFor = new WeakMap<object, unknown>();

/**
 * Runs one n8n request call with `credentials`; a NodeApiError from it that lost its cause gets
 * back what our credential code threw for those credentials.
 */
export async function withThrownCause<T>(credentials: object, run: () => Promise<T>): Promise<T> {
	thrownFor.delete(credentials);
	const outcome = await settle(run);
	const ours = thrownFor.get(credentials);
	thrownFor.delete(credentials);
	if (outcome.ok) return outcome.value;
	const error = outcome.error;
	if (ours !== undefined && error instanceof Error && error !== ours && error.cause === undefined) {
		Object.defineProperty(error, 'cause', { value: ours, writable: true, configurable: true, enumerable: false });
	}
	throw error;
}

/** Wraps a credential's preAuthentication or authenticate: what it throws is recorded against `credentialsOf(args)`. */
export function recordingThrown<A extends unknown[], R>(fn: (...args: A) => Promise<R>, credentialsOf: (args: A) => unknown): (...args: A) => Promise<R> {
	return async (...args: A): Promise<R> => {
		const outcome = await settle(async () => await fn(...args));
		if (outcome.ok) return outcome.value;
		const credentials = credentialsOf(args);
		if (credentials !== null && typeof credentials === 'object') thrownFor.set(credentials, outcome.error);
		throw outcome.error;
	};
}
