import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions, NodeApiError } from 'n8n-workflow';

import { DEFAULT_MAX_RETRY_WAIT_SECONDS, DEFAULT_RETRY_ATTEMPTS } from '../descriptions/requestOptions';
import type { RetryOptions } from './retry';

export interface RequestSafety {
	itemIndex?: number;
	/** Whether resending after a lost answer is harmless (reads are; creates need `findExisting`). */
	idempotent?: boolean;
	/** For creates: finds the record a lost attempt may have created, so a resend never doubles it. */
	findExisting?: () => Promise<unknown>;
}

/**
 * The retry behaviour of one request, from the node's Options (`requestOptions`): 429 and 503 are
 * retried with backoff honouring Retry-After, within Retry Attempts and Max Retry Wait; a lost
 * answer is resent only when that cannot double a record. `asAnswer` wraps what `findExisting`
 * found so it stands in for the lost answer (e.g. in the vendor's envelope).
 */
export function retryOptionsFor(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	safety: RequestSafety,
	asAnswer: (found: unknown) => unknown = (found) => found,
): RetryOptions {
	const itemIndex = safety.itemIndex ?? 0;
	// Lists in the editor and triggers have no Options: they use the defaults.
	const run = 'getInputData' in context ? (context as IExecuteFunctions) : undefined;
	const maxAttempts = run ? Number(run.getNodeParameter('options.retryAttempts', itemIndex, DEFAULT_RETRY_ATTEMPTS)) : DEFAULT_RETRY_ATTEMPTS;
	const maxWaitSeconds = run ? Number(run.getNodeParameter('options.maxRetryWaitSeconds', itemIndex, DEFAULT_MAX_RETRY_WAIT_SECONDS)) : DEFAULT_MAX_RETRY_WAIT_SECONDS;
	const { findExisting } = safety;
	return {
		policy: { maxAttempts: Math.max(1, maxAttempts), maxWaitMs: maxWaitSeconds * 1000 },
		resendAmbiguous: safety.idempotent === true,
		beforeResendAfterAmbiguous: findExisting
			? async () => {
					const found = await findExisting();
					return found === undefined ? undefined : asAnswer(found);
				}
			: undefined,
	};
}

/** Whether a request is sent again after its answer was lost (it is harmless, or a look-up finds what it did). */
export function resendable(safety: RequestSafety): boolean {
	return safety.idempotent === true || safety.findExisting !== undefined;
}

/**
 * The words for a request that may have gone through but was not sent again because that could do
 * it twice (a create Enboarder or Enkash offers no look-up for, a delete, a Bharat Connect
 * confirmation): n8n's own words ("…perhaps it is offline. You can retry") would invite exactly the
 * retry that doubles it.
 */
export function rewordLostAnswer(error: NodeApiError, vendor: string, itemIndex: number | undefined, what = `the connection to ${vendor} was lost before it answered`): void {
	const item = itemIndex === undefined ? '' : `Item ${itemIndex + 1}: `;
	error.message = `${item}${what}, so this request may have gone through; it was not sent again, to avoid doing it twice. Check ${vendor} before running this item again.`;
	error.description = `${vendor} may have applied the request before the answer was lost. Running the item again without checking could apply it a second time.`;
}
