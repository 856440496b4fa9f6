/** An access token as our credentials persist it, with what is needed to decide when to renew it. */
export interface TokenSet {
	accessToken: string;
	/**
	 * When to stop sending this token and renew it (ms since the epoch): the issuer's expiry less a
	 * safety margin. 0 when the issuer gave no lifetime: valid until rejected.
	 */
	renewAt: number;
	refreshToken?: string;
}

/** Renew this long before the issuer's expiry, so no request is sent with a token about to lapse. */
export const RENEWAL_MARGIN_MS = 60_000;

/**
 * The margin actually used for a token: 60 s, but never more than a quarter of the token's whole
 * lifetime, so a token that lives only a few seconds is still used for most of its life.
 */
export function renewalMargin(lifetimeMs: number): number {
	if (!(lifetimeMs > 0)) return RENEWAL_MARGIN_MS;
	return Math.min(RENEWAL_MARGIN_MS, Math.floor(lifetimeMs / 4));
}

/** When a token issued now with `expiresInSeconds` should be renewed (0 = no known lifetime). */
export function renewAtFromLifetime(expiresInSeconds: unknown, now: number): number {
	const seconds = Number(expiresInSeconds);
	if (!Number.isFinite(seconds) || seconds <= 0) return 0;
	const lifetimeMs = seconds * 1000;
	return now + lifetimeMs - renewalMargin(lifetimeMs);
}

/** Whether the token can still be sent: present, and not yet at its renewal time. */
export function isUsable(token: Partial<TokenSet> | undefined, now: number): token is TokenSet {
	if (!token || typeof token.accessToken !== 'string' || token.accessToken === '') return false;
	const renewAt = Number(token.renewAt ?? 0);
	return renewAt === 0 || now < renewAt;
}
