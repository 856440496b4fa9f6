/** How many items and requests a node run may have open at once, read from its Options in one place (the router and the request pipeline ask here). */
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { AUTOMATIC_CONCURRENCY_SINCE, DEFAULT_CONCURRENCY, DEFAULT_MAX_CONCURRENCY } from '../descriptions/requestOptions';

/**
 * `automatic`: the vendor account's adaptive limit decides, never above `max` open requests (counted
 * over every execution on that account). `fixed`: `count` items at once, as set; no adaptive limit.
 */
export type ConcurrencySetting = { mode: 'automatic'; max: number } | { mode: 'fixed'; count: number };

const byRun = new WeakMap<object, ConcurrencySetting>();

/**
 * A node run's concurrency, read once per run:
 * - Concurrency Mode set: that mode (Fixed with Concurrency, Automatic with Max Concurrency);
 * - else a Concurrency number set: Fixed, that number (what workflows saved with a number meant, in every version);
 * - else the node version's default: Automatic from version 1.1, Fixed 5 in version 1.
 * Triggers and list searches have no Options: they send one request at a time, with no limiter.
 */
export function concurrencySetting(context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions): ConcurrencySetting | undefined {
	if (!('getInputData' in context)) return undefined;
	const known = byRun.get(context);
	if (known) return known;
	const run = context as IExecuteFunctions;
	const options = (run.getNodeParameter('options', 0, {}) ?? {}) as IDataObject;
	const setting = read(options, run.getNode().typeVersion);
	byRun.set(context, setting);
	return setting;
}

function read(options: IDataObject, typeVersion: number): ConcurrencySetting {
	const count = whole(options.concurrency, DEFAULT_CONCURRENCY);
	const max = whole(options.maxConcurrency, DEFAULT_MAX_CONCURRENCY);
	if (options.concurrencyMode === 'fixed') return { mode: 'fixed', count };
	if (options.concurrencyMode === 'automatic') return { mode: 'automatic', max };
	if (options.concurrency !== undefined && options.concurrency !== null && options.concurrency !== '') return { mode: 'fixed', count };
	return typeVersion >= AUTOMATIC_CONCURRENCY_SINCE ? { mode: 'automatic', max } : { mode: 'fixed', count: DEFAULT_CONCURRENCY };
}

function whole(value: unknown, fallback: number): number {
	const number = Math.floor(Number(value));
	return Number.isFinite(number) && number >= 1 ? number : fallback;
}
