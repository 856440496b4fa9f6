/** The Options collection of both action nodes (concurrency, retries, timeout), with its defaults. */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../transport/retry';
import { sortedByLabel } from './sortedByLabel';

/**
 * The Options collection both action nodes share: how many items go to the vendor at once, and how
 * 429 (too many requests) and 503 (unavailable) answers are retried. Read back by
 * `shared/transport/retryOptions.ts` and `shared/router.ts`.
 */
export function requestOptions(vendor: string, extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: sortedByLabel([
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 50 },
				default: DEFAULT_CONCURRENCY,
				description: `How many items are sent to ${vendor} at the same time. They all share one access token.`,
			},
			{
				displayName: 'Max Retry Wait (Seconds)',
				name: 'maxRetryWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 300 },
				default: DEFAULT_RETRY_POLICY.maxWaitMs / 1000,
				description: `The longest pause before a retry. If ${vendor}'s Retry-After asks for longer, the item fails instead of waiting.`,
			},
			{
				displayName: 'Retry Attempts',
				name: 'retryAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: DEFAULT_RETRY_POLICY.maxAttempts,
				description: `How many times a request is tried in all when ${vendor} answers 429 (too many requests) or 503 (unavailable)`,
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: DEFAULT_TIMEOUT_SECONDS,
				description: `How long to wait for ${vendor} to answer one request before giving up on it`,
			},
			...extra,
		]),
	};
}

/** The Options' own defaults; Retry Attempts and Max Retry Wait show the retry engine's (`DEFAULT_RETRY_POLICY`). */
export const DEFAULT_CONCURRENCY = 5;
export const DEFAULT_TIMEOUT_SECONDS = 60;
