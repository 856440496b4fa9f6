import { isUsable, type TokenSet } from './tokenSet';

/** Obtains a new token: a refresh grant, a password login, a client-credentials request… */
export type TokenFetcher = (previous: TokenSet | undefined) => Promise<TokenSet>;

export interface AcquireOptions {
	/** The token the caller holds (e.g. persisted in the credential); used if nothing fresher is known. */
	held?: Partial<TokenSet>;
	/** The token the server just rejected with a 401: never hand it out again. */
	rejected?: string;
	fetch: TokenFetcher;
	now?: () => number;
}

/**
 * One token per credential identity, shared by every item, execution and node in this process.
 *
 * - Reuses the freshest usable token it knows (its own or the one the caller holds).
 * - Single flight: concurrent callers that need a new token share one request.
 * - A 401 renews once: callers rejected with a token that was already replaced get the replacement
 *   instead of triggering another renewal.
 */
export class TokenManager {
	private readonly tokens = new Map<string, TokenSet>();

	private readonly inFlight = new Map<string, Promise<TokenSet>>();

	/** How many fetches actually ran, per key (for tests and benchmarks). */
	readonly fetchCount = new Map<string, number>();

	async acquire(key: string, options: AcquireOptions): Promise<TokenSet> {
		const now = options.now ?? Date.now;
		const pending = this.inFlight.get(key);
		if (pending) return await pending;

		const candidate = this.freshest(key, options.held);
		if (isUsable(candidate, now()) && candidate.accessToken !== options.rejected) return candidate;
		if (options.rejected !== undefined && candidate?.accessToken === options.rejected) this.forget(key, options.rejected);

		// With no token to hand over, a refresh token the caller still holds is worth passing on: the
		// request layer blanks a due access token (so n8n renews it) but keeps the refresh token, and
		// renewing by refresh grant spares a password login (Enkash locks accounts after failed ones).
		return await this.renew(key, options.fetch, candidate ?? refreshOnly(options.held));
	}

	/** The token to send now without a network call, or undefined when a renewal is due. */
	peek(key: string, held: Partial<TokenSet> | undefined, now = Date.now()): TokenSet | undefined {
		const candidate = this.freshest(key, held);
		return isUsable(candidate, now) ? candidate : undefined;
	}

	/** Drops what is known for a key (the credential changed or its token was revoked). */
	forget(key: string, accessToken?: string): void {
		if (accessToken === undefined || this.tokens.get(key)?.accessToken === accessToken) this.tokens.delete(key);
	}

	/** Forgets every token (a new process starts like this). */
	clear(): void {
		this.tokens.clear();
		this.fetchCount.clear();
	}

	private freshest(key: string, held: Partial<TokenSet> | undefined): TokenSet | undefined {
		const known = this.tokens.get(key);
		const holding = held && typeof held.accessToken === 'string' && held.accessToken !== '' ? (held as TokenSet) : undefined;
		if (!known) return holding;
		if (!holding) return known;
		// The later renewal time wins; an unknown one (0, from an older version) never beats a known one.
		return Number(holding.renewAt) > Number(known.renewAt) ? holding : known;
	}

	private renew(key: string, fetch: TokenFetcher, previous: TokenSet | undefined): Promise<TokenSet> {
		const renewal = (async () => {
			this.fetchCount.set(key, (this.fetchCount.get(key) ?? 0) + 1);
			const token = await fetch(previous);
			this.tokens.set(key, token);
			return token;
		})();
		this.inFlight.set(key, renewal);
		const clear = () => {
			if (this.inFlight.get(key) === renewal) this.inFlight.delete(key);
		};
		renewal.then(clear, clear);
		return renewal;
	}
}

/** The refresh token alone, as the `previous` of a renewal, when that is all the caller holds. */
function refreshOnly(held: Partial<TokenSet> | undefined): TokenSet | undefined {
	return typeof held?.refreshToken === 'string' && held.refreshToken !== '' ? { accessToken: '', renewAt: 0, refreshToken: held.refreshToken } : undefined;
}
