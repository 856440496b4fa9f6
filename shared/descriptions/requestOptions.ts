/** The Options collection of both action nodes (concurrency, retries, timeout), with its defaults. */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../transport/retry';
import { sortedByLabel } from './sortedByLabel';

/**
 * The Options collection both action nodes share: how many items go to the vendor at once (Concurrency
 * Mode Automatic or Fixed), and how 429 (too many requests) and 503 (unavailable) answers are retried. Read back by
 * `shared/transport/retryOptions.ts` and `shared/concurrency/concurrencySetting.ts`.
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
				description: `With Concurrency Mode Fixed, how many items are sent to ${vendor} at the same time. Set without Concurrency Mode, it means Fixed.`,
			},
			{
				displayName: 'Concurrency Mode',
				name: 'concurrencyMode',
				type: 'options',
				options: [
					{
						name: 'Automatic',
						value: 'automatic',
						description: `Starts low and adjusts to what ${vendor} can take: more while answers stay fast, fewer after 429 or 503 answers or slower answers. Shared by every execution using the same credential.`,
					},
					{ name: 'Fixed', value: 'fixed', description: 'Always the number set in Concurrency' },
				],
				default: 'automatic',
				description: 'How many items are sent at the same time. Nodes added before version 1.1 of this node send 5 at a time (Fixed) unless set here.',
			},
			{
				displayName: 'Max Concurrency',
				name: 'maxConcurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY_LIMIT },
				default: DEFAULT_MAX_CONCURRENCY,
				description: `With Concurrency Mode Automatic, the most requests open to ${vendor} at the same time, counted over every execution using the same credential`,
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
export const DEFAULT_MAX_CONCURRENCY = 50;
export const MAX_CONCURRENCY_LIMIT = 200;
/** The node version from which Concurrency Mode defaults to Automatic; version 1 keeps Fixed, 5. */
export const AUTOMATIC_CONCURRENCY_SINCE = 1.1;
export const DEFAULT_TIMEOUT_SECONDS = 60;
