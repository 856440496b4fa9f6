/** The token cache of one process: one token per credential identity, one renewal at a time, and every token the server refused. */
import { isUsable, type TokenSet } from './tokenSet';

/** How many refused tokens (access or refresh) are remembered per key. */
const MAX_REFUSED = 8;

/** Obtains a new token: a refresh grant, a password login, a client-credentials request… */
export type TokenFetcher = (previous: TokenSet | undefined) => Promise<TokenSet>;

export interface AcquireOptions {
	/** The token the caller holds (e.g. persisted in the credential); used if nothing fresher is known. */
	held?: Partial<TokenSet>;
	/** The token the server just rejected (a 401, or a refusal said in the body): never hand it out again. */
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
 * - A rejected token is never handed out again, even while a caller still holds it (a credential
 *   read at the start of a run, the persisted token).
 * - A refresh token the server refused is never sent again: the next renewal starts without it (a
 *   password login), however many callers still hold it (see `refuseRefreshToken`).
 * - Per node run, it also knows the tokens refused even though they were just renewed: within that
 *   run renewing again cannot help (see `refusedAfterRenewal`).
 */
export class TokenManager {
	private readonly tokens = new Map<string, TokenSet>();

	private readonly inFlight = new Map<string, Promise<TokenSet>>();

	/** The last few tokens the server refused, per key: never handed out again, even when read back from the credential. */
	private readonly refused = new Map<string, string[]>();

	/** The last few refresh tokens the server refused, per key: never handed to a renewal again. */
	private readonly refusedRefresh = new Map<string, string[]>();

	/**
	 * Per node run (each run, poll or list search has its own context object), per key: access tokens
	 * refused even though they were just renewed. Renewing again cannot help within that run, so later
	 * refusals of the same token fail at once instead of each costing a token request; the next run
	 * tries one renewal again, in case the refusal has been lifted. Unlike `refused`, which keeps a
	 * token from being sent again, this keeps a token from being renewed again.
	 */
	private refusedInRun = new WeakMap<object, Map<string, Set<string>>>();

	async acquire(key: string, options: AcquireOptions): Promise<TokenSet> {
		const now = options.now ?? Date.now;
		if (options.rejected !== undefined && options.rejected !== '') this.reject(key, options.rejected);
		const pending = this.inFlight.get(key);
		if (pending) return await pending;

		const candidate = this.freshest(key, options.held);
		if (isUsable(candidate, now())) return candidate;

		// A refused access token's refresh token still serves the renewal (no password login needed).
		return await this.renew(key, options.fetch, candidate ?? this.tokens.get(key) ?? withRefreshToken(options.held));
	}

	/**
	 * The server refused this token: it is never handed out again for this key. Its entry stays
	 * known only for its refresh token, which the next renewal uses.
	 */
	reject(key: string, accessToken: string): void {
		const refused = this.refused.get(key) ?? [];
		if (refused.includes(accessToken)) return;
		// A few suffice: only tokens someone may still hold (a run's credential read, the persisted
		// one) can come back, and those are the latest.
		this.refused.set(key, [...refused.slice(-(MAX_REFUSED - 1)), accessToken]);
	}

	/**
	 * The server refused this refresh token: no renewal of this key gets it again. Without this, a
	 * caller whose 401 came after the refusal (another item, another execution of this process, holding
	 * the token set from before) would send the same refused refresh token once more before the
	 * password login.
	 */
	refuseRefreshToken(key: string, refreshToken: string): void {
		const refused = this.refusedRefresh.get(key) ?? [];
		if (refreshToken === '' || refused.includes(refreshToken)) return;
		this.refusedRefresh.set(key, [...refused.slice(-(MAX_REFUSED - 1)), refreshToken]);
	}

	/** The token to send now without a network call, or undefined when a renewal is due. */
	peek(key: string, held: Partial<TokenSet> | undefined, now = Date.now()): TokenSet | undefined {
		const candidate = this.freshest(key, held);
		return isUsable(candidate, now) ? candidate : undefined;
	}

	/** This run saw `accessToken` refused right after it was renewed: within the run, renewing again cannot help. */
	refusedAfterRenewal(run: object, key: string, accessToken: string): void {
		let byKey = this.refusedInRun.get(run);
		if (!byKey) {
			byKey = new Map();
			this.refusedInRun.set(run, byKey);
		}
		const refused = byKey.get(key) ?? new Set<string>();
		refused.add(accessToken);
		byKey.set(key, refused);
	}

	/** Whether this run already saw `accessToken` refused right after a renewal. */
	wasRefusedAfterRenewal(run: object, key: string, accessToken: string): boolean {
		return this.refusedInRun.get(run)?.get(key)?.has(accessToken) ?? false;
	}

	/** Whether the server refused this very token: another process may have persisted it before it was refused. */
	wasRefused(key: string, accessToken: string | undefined): boolean {
		return accessToken !== undefined && (this.refused.get(key) ?? []).includes(accessToken);
	}

	/** Keeps a token another process obtained (read from the persisted credential), if it is fresher than ours. */
	adopt(key: string, token: Partial<TokenSet>): void {
		if (this.wasRefused(key, token.accessToken)) return;
		const fresher = this.freshest(key, token);
		if (fresher) this.tokens.set(key, fresher);
	}

	/** Drops the token known for a key: the next renewal starts from nothing (a password login). */
	forget(key: string): void {
		this.tokens.delete(key);
	}

	/** Forgets every token (a new process starts like this). */
	clear(): void {
		this.tokens.clear();
		this.refused.clear();
		this.refusedRefresh.clear();
		this.refusedInRun = new WeakMap();
	}

	private freshest(key: string, held: Partial<TokenSet> | undefined): TokenSet | undefined {
		const refused = this.refused.get(key) ?? [];
		const stored = this.tokens.get(key);
		const known = stored && !refused.includes(stored.accessToken) ? stored : undefined;
		const holding = held && typeof held.accessToken === 'string' && held.accessToken !== '' && !refused.includes(held.accessToken) ? (held as TokenSet) : undefined;
		if (!known) return holding;
		if (!holding) return known;
		// The later renewal time wins; an unknown one (0, from an older version) never beats a known one.
		return Number(holding.renewAt) > Number(known.renewAt) ? holding : known;
	}

	/** `previous` as a renewal may use it: without a refresh token the server already refused. */
	private withoutRefusedRefresh(key: string, previous: TokenSet | undefined): TokenSet | undefined {
		if (!previous?.refreshToken || !(this.refusedRefresh.get(key) ?? []).includes(previous.refreshToken)) return previous;
		return { accessToken: previous.accessToken, renewAt: previous.renewAt };
	}

	private renew(key: string, fetch: TokenFetcher, previous: TokenSet | undefined): Promise<TokenSet> {
		const renewal = (async () => {
			const token = await fetch(this.withoutRefusedRefresh(key, previous));
			// A server that hands a refused token out again (some reissue a live token) vouches for it.
			const refused = this.refused.get(key);
			if (refused?.includes(token.accessToken)) this.refused.set(key, refused.filter((value) => value !== token.accessToken));
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

/** A held token reduced to what a renewal needs from it: its refresh token, if it has one. */
function withRefreshToken(held: Partial<TokenSet> | undefined): TokenSet | undefined {
	if (typeof held?.refreshToken !== 'string' || held.refreshToken === '') return undefined;
	return { accessToken: '', renewAt: 0, refreshToken: held.refreshToken };
}
