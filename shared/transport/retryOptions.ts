/** What one request may do again: its retry policy from the node's Options, and whether a lost answer may be resent. */
import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { runParameter } from '../runParameter';
import { DEFAULT_RETRY_POLICY, type RetryAllowance, type RetryPolicy } from './retry';

export interface RequestSafety {
	itemIndex?: number;
	/** Whether resending after a lost answer is harmless (reads are; creates need `findExisting`). */
	idempotent?: boolean;
	/**
	 * For creates: finds the record a lost attempt may have created, so a resend never doubles it. Its
	 * requests are given the create's allowance, so their retries count against the create's.
	 */
	findExisting?: (allowance: RetryAllowance) => Promise<unknown>;
	/** For a look-up: the allowance of the request it looks up for (see `findExisting`). */
	allowance?: RetryAllowance;
	/** How to word a lost answer that is not resent, when "this request" is too vague (e.g. a launch). */
	lostAnswer?: LostAnswerWords;
}

/** The words for a request whose answer was lost and that was not sent again. */
export interface LostAnswerWords {
	/** e.g. "this launch" (default "this request"). */
	what: string;
	/** e.g. "launching the workflow twice" (default "doing it twice"). */
	twice: string;
	/** The error's description: why it was not sent again, or what would have made that safe. */
	why?: string;
}

/**
 * The retry policy of one request, from the node's Options (`requestOptions`): 429 and 503 are
 * retried with backoff honouring Retry-After, within Retry Attempts and Max Retry Wait. Lists in the
 * editor and triggers have no Options: they use the defaults. Read once per run unless an expression
 * sets them (`runParameter`).
 */
export function retryPolicyFor(context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions, itemIndex = 0): RetryPolicy {
	if (!('getInputData' in context)) return DEFAULT_RETRY_POLICY;
	const run = context as IExecuteFunctions;
	const maxAttempts = Number(runParameter(run, 'options.retryAttempts', itemIndex, DEFAULT_RETRY_POLICY.maxAttempts));
	const maxWaitSeconds = Number(runParameter(run, 'options.maxRetryWaitSeconds', itemIndex, DEFAULT_RETRY_POLICY.maxWaitMs / 1000));
	return { ...DEFAULT_RETRY_POLICY, maxAttempts: Math.max(1, maxAttempts), maxWaitMs: maxWaitSeconds * 1000 };
}

/** Whether a request is sent again after its answer was lost (it is harmless, or a look-up finds what it did). */
export function resendable(safety: RequestSafety): boolean {
	return safety.idempotent === true || safety.findExisting !== undefined;
}

/**
 * The words for a request that may have gone through but was not sent again because that could do
 * it twice (a create Enboarder or Enkash offers no look-up for, a delete, a Bharat Connect
 * confirmation): n8n's own words ("…perhaps it is offline. You can retry") would invite exactly the
 * retry that doubles it. `cause` says how the answer was lost (a dropped connection, a timeout).
 */
export function lostAnswerWords(
	vendor: string,
	itemIndex: number | undefined,
	cause: string,
	words: LostAnswerWords = { what: 'this request', twice: 'doing it twice' },
): { message: string; description: string } {
	const item = itemIndex === undefined ? '' : `Item ${itemIndex + 1}: `;
	return {
		message: `${item}${cause}, so ${words.what} may have gone through; it was not sent again, to avoid ${words.twice}. Check ${vendor} before running this item again.`,
		description:
			words.why ?? `${vendor} may have applied the request before the answer was lost. Running the item again without checking could apply it a second time.`,
	};
}
