/** An access token as our credentials persist it, and the one rule that decides when to renew it. */

import { jwtTimes } from './jwt';

export interface TokenSet {
	accessToken: string;
	/**
	 * When to stop sending this token and renew it (ms since the epoch): its expiry less a safety
	 * margin. Every token this package obtains has one (see `tokenLifetime`). 0 or missing means
	 * unknown — a token stored by an older version of the package, which kept tokens without a
	 * stated lifetime "until refused" — and an unknown renewal time is due: such a token is
	 * renewed once, and its replacement carries a real renewal time.
	 */
	renewAt: number;
	refreshToken?: string;
}

/** Renew this long before the token's expiry, so no request is sent with a token about to lapse. */
export const RENEWAL_MARGIN_MS = 60_000;

/**
 * The lifetime assumed when the issuer states none we can use (no `expires_in`, or 0, negative,
 * not a number) and the token is not a JWT with an `exp`. Five minutes, because one Enkash product
 * documents 5-minute tokens — the shortest our vendors are known to issue — so the guess is early
 * rather than late for every vendor: a longer-lived token costs one token request every four
 * minutes, where trusting it "until refused" left every later request to fail once it lapsed.
 */
export const DEFAULT_TOKEN_LIFETIME_MS = 5 * 60_000;

/**
 * A stated lifetime shorter than this is not believed: no server issues a token that dies before it
 * can be used, so it is a clock that disagrees with the issuer's (a JWT `exp` already past, or only
 * moments away, by our clock) or a misread unit, and renewing on it would send a token request
 * before every API request. The next source in the rule is used instead.
 */
export const MIN_TOKEN_LIFETIME_MS = 1_000;

/**
 * Lifetimes are capped at a day: a longer one is more likely a unit mix-up (an `exp` or
 * `expires_in` in milliseconds) than a promise, and renewing once a day costs nothing.
 */
export const MAX_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

/**
 * The margin actually used for a token: 60 s, but never more than a quarter of the token's whole
 * lifetime, so a token that lives only a few seconds is still used for most of its life.
 */
export function renewalMargin(lifetimeMs: number): number {
	if (!(lifetimeMs > 0)) return RENEWAL_MARGIN_MS;
	return Math.min(RENEWAL_MARGIN_MS, Math.floor(lifetimeMs / 4));
}

/** Where a token's lifetime came from. */
export type LifetimeSource = 'expires_in' | 'jwt' | 'default';

export interface TokenLifetime {
	/** How long the token is taken to live from `now`, in ms. */
	lifetimeMs: number;
	source: LifetimeSource;
}

/** `expires_in` as seconds when it is a finite positive number or a decimal string such as "3600". */
export function statedSeconds(expiresIn: unknown): number | undefined {
	let seconds: number;
	if (typeof expiresIn === 'number') seconds = expiresIn;
	// Only plain decimals: Number() would also read "", "0x1f", "1e3" or " " as numbers.
	else if (typeof expiresIn === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(expiresIn)) seconds = Number(expiresIn);
	else return undefined;
	return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * How long a token just received at `now` lives, by one rule for every token credential:
 *
 * 1. `expires_in` (the token response's own statement, relative, so immune to clock differences),
 *    when it is a finite positive number or numeric string;
 * 2. when the access token is a JWT with a numeric `exp`: the time left until `exp` by our clock —
 *    or, when the token carries `iat`, the issuer's own `exp − iat` if that is shorter (our clock
 *    running behind the issuer's would otherwise stretch the lifetime);
 * 3. when both 1 and 2 are known, the shorter: each can only be wrong by overstating (a static
 *    `expires_in`, a skewed clock), and the shorter costs at most an early renewal;
 * 4. otherwise `DEFAULT_TOKEN_LIFETIME_MS` (5 minutes).
 *
 * A candidate under `MIN_TOKEN_LIFETIME_MS` is ignored (a JWT `exp` already past or seconds away
 * by our clock means our clock is ahead of the issuer's, since the token was just issued): the next
 * source decides, ending with the default — so no renewal loop. The result is capped at
 * `MAX_TOKEN_LIFETIME_MS`. A token that still turns out shorter-lived is renewed once on its 401.
 */
export function tokenLifetime(expiresIn: unknown, accessToken: string, now: number): TokenLifetime {
	const credible = (ms: number | undefined): number | undefined => (ms !== undefined && ms >= MIN_TOKEN_LIFETIME_MS ? ms : undefined);
	const seconds = statedSeconds(expiresIn);
	const stated = credible(seconds === undefined ? undefined : seconds * 1000);

	let fromJwt: number | undefined;
	const times = jwtTimes(accessToken);
	if (times) {
		const untilExp = credible(times.exp * 1000 - now);
		const span = credible(times.iat === undefined ? undefined : (times.exp - times.iat) * 1000);
		fromJwt = untilExp === undefined ? span : span === undefined ? untilExp : Math.min(untilExp, span);
	}

	const cap = (ms: number) => Math.min(ms, MAX_TOKEN_LIFETIME_MS);
	if (stated !== undefined && (fromJwt === undefined || stated <= fromJwt)) return { lifetimeMs: cap(stated), source: 'expires_in' };
	if (fromJwt !== undefined) return { lifetimeMs: cap(fromJwt), source: 'jwt' };
	return { lifetimeMs: DEFAULT_TOKEN_LIFETIME_MS, source: 'default' };
}

/** When a token received at `now` should be renewed: its lifetime (see `tokenLifetime`) less the margin. */
export function renewAtFor(expiresIn: unknown, accessToken: string, now: number): number {
	const { lifetimeMs } = tokenLifetime(expiresIn, accessToken, now);
	// Rounded down to a whole millisecond: early by a fraction, never late.
	return Math.floor(now + lifetimeMs - renewalMargin(lifetimeMs));
}

/**
 * Whether the token can still be sent: present, and before its renewal time. A missing, zero or
 * unreadable renewal time (a token persisted by an older version) is due, so it is renewed once.
 */
export function isUsable(token: Partial<TokenSet> | undefined, now: number): token is TokenSet {
	if (!token || typeof token.accessToken !== 'string' || token.accessToken === '') return false;
	const renewAt = Number(token.renewAt);
	return Number.isFinite(renewAt) && renewAt > 0 && now < renewAt;
}
