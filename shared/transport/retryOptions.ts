import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

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
