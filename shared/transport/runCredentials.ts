/** A credential's data, read once per node run rather than once per request. */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

type CredentialContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** One entry per node run (n8n gives each run, poll or list search a context object of its own). */
const readsByContext = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

/**
 * A credential's data, read once per node run. Every `getCredentials` call makes n8n load the
 * credential from its database and decrypt it; a run of 10,000 items would do that for every request
 * of every item. The data cannot change in ways that matter during one run: a token renewed mid-run
 * is held by the token cache (`shared/token`), which the request layer consults first.
 * A failed read is not remembered, so the next item asks n8n again.
 */
export async function runCredentials(context: CredentialContext, type: string): Promise<ICredentialDataDecryptedObject> {
	let reads = readsByContext.get(context);
	if (!reads) {
		reads = new Map();
		readsByContext.set(context, reads);
	}
	let read = reads.get(type);
	if (!read) {
		read = context.getCredentials(type);
		reads.set(type, read);
		const forget = reads;
		read.catch(() => forget.delete(type));
	}
	return await read;
}
