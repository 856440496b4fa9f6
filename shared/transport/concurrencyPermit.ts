/** Sends one request under its vendor account's concurrency limit (Concurrency: Automatic), and tells the limiter how it ended. */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { concurrencySetting } from '../concurrency/concurrencySetting';
import type { LimiterOutcome } from '../concurrency/limiter';
import { limiterFor, limiterKey } from '../concurrency/limiters';
import { settle } from '../settle';
import { isTimeout } from './responseChecks';
import { failureStatus, retryAfterMs } from './retry';

/**
 * Runs one send (one attempt: a retry's wait happens outside, holding no permit) with a permit of
 * the account's limiter when the node run is Automatic; a Fixed run, a trigger or a list search sends
 * at once. The permit is returned however the send ends, so a failing request never keeps a place.
 * After a 429 or 503 the account's sends are also paced (see limiter.ts).
 */
export async function withConcurrencyPermit<T>(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
	send: () => Promise<T>,
): Promise<T> {
	const setting = concurrencySetting(context);
	if (setting?.mode !== 'automatic') return await send();
	const permit = await limiterFor(limiterKey(credentialType, credentials)).acquire(setting.max);
	const sent = await settle(send);
	// A refusal's Retry-After pauses the whole account's sends (Automatic), not only this request's retry.
	permit.release(sent.ok ? 'answered' : limiterOutcome(sent.error), sent.ok ? undefined : retryAfterMs(sent.error));
	if (sent.ok) return sent.value;
	throw sent.error;
}

/** 429, 503 and no answer within the Timeout say "too much"; an answer about the request itself (4xx) is a latency sample; the rest says nothing about load. */
export function limiterOutcome(error: unknown): LimiterOutcome {
	if (isTimeout(error)) return 'overloaded';
	const status = failureStatus(error);
	if (status === 429 || status === 503) return 'overloaded';
	if (status !== undefined && status < 500) return 'answered';
	return 'failed';
}
