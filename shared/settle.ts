/** The outcome of an async step as a value, so what to do with a failure is decided in plain code. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The outcome of an async step as a value, so the decision (and any rethrow) is made in plain code
 * outside a catch block, where n8n's lint expects only NodeApiError/NodeOperationError to be thrown.
 */
export async function settle<T>(run: () => Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		return { ok: false, error };
	}
}
