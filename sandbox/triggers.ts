/** Triggers: sandbox events (revoke, expire, clear faults) fired at the Nth matching request instead of on a timer. */

import { pathMatcher } from './faults';
import type { RequestEntry, TriggerAction, TriggerRule, TriggerState, Vendor } from './types';
import { isVendor } from './types';

const ACTIONS: readonly TriggerAction[] = ['revoke', 'revoke-with-refresh', 'expire', 'clear-faults'];
const KINDS: ReadonlyArray<NonNullable<TriggerRule['kind']>> = ['api', 'token', 'any'];

/** Throws on a malformed rule, so a typo in a test fails loudly instead of never firing. */
export function validateTriggerRule(rule: unknown): TriggerRule {
	if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new Error('a trigger must be an object');
	const candidate = rule as TriggerRule;
	if (!isVendor(candidate.vendor)) throw new Error('trigger.vendor must be one of the vendors');
	if (!Number.isSafeInteger(candidate.afterRequests) || candidate.afterRequests < 1) throw new Error('trigger.afterRequests must be a whole number >= 1');
	if (!ACTIONS.includes(candidate.action)) throw new Error(`trigger.action must be one of ${ACTIONS.join(', ')}`);
	if (candidate.kind !== undefined && !KINDS.includes(candidate.kind)) throw new Error(`trigger.kind must be one of ${KINDS.join(', ')}`);
	if (candidate.method !== undefined && typeof candidate.method !== 'string') throw new Error('trigger.method must be a string');
	if (candidate.path !== undefined && typeof candidate.path !== 'string') throw new Error('trigger.path must be a string');
	if (candidate.once !== undefined && typeof candidate.once !== 'boolean') throw new Error('trigger.once must be true or false');
	const valid: TriggerRule = { vendor: candidate.vendor, afterRequests: candidate.afterRequests, action: candidate.action };
	for (const key of ['kind', 'method', 'path', 'once'] as const) if (candidate[key] !== undefined) Object.assign(valid, { [key]: candidate[key] });
	return valid;
}

interface Armed {
	state: TriggerState;
	method?: string;
	kind: NonNullable<TriggerRule['kind']>;
	matchPath: (path: string) => boolean;
}

/** What one firing asks the sandbox to do. */
export interface Firing {
	action: TriggerAction;
	vendor: Vendor;
}

/**
 * The triggers of one sandbox. Requests are counted as they arrive, in the single-threaded order
 * the server opens their ledger entries, so "the 100th request" is the same request however fast
 * or slow the machine is.
 */
export class TriggerBoard {
	private armed: Armed[] = [];
	private nextId = 1;

	add(rule: TriggerRule): TriggerState {
		const valid = validateTriggerRule(rule);
		const state: TriggerState = { ...valid, id: this.nextId++, seen: 0, firedAtSeq: [] };
		this.armed.push({ state, method: valid.method?.toUpperCase(), kind: valid.kind ?? 'api', matchPath: pathMatcher(valid.path) });
		return copy(state);
	}

	list(): TriggerState[] {
		return this.armed.map(({ state }) => copy(state));
	}

	clear(): void {
		this.armed = [];
		this.nextId = 1;
	}

	/** Counts a request that has just arrived; returns what the triggers it fires ask for, in the order they were added. */
	arrive(entry: RequestEntry): Firing[] {
		const firings: Firing[] = [];
		for (const { state, method, kind, matchPath } of this.armed) {
			if (state.vendor !== entry.vendor || (kind !== 'any' && kind !== entry.kind)) continue;
			if (method && method !== entry.method) continue;
			if (!matchPath(entry.path)) continue;
			// A fired one-shot trigger stays listed (tests read where it fired) but counts no more.
			if (state.once !== false && state.firedAtSeq.length > 0) continue;
			state.seen++;
			if (state.seen % state.afterRequests !== 0) continue;
			state.firedAtSeq.push(entry.seq);
			firings.push({ action: state.action, vendor: state.vendor });
		}
		return firings;
	}
}

function copy(state: TriggerState): TriggerState {
	return { ...state, firedAtSeq: [...state.firedAtSeq] };
}
