import { randomBytes } from 'node:crypto';

import type { Vendor } from './types';

export const DEFAULT_TOKEN_LIFETIMES: Readonly<Record<Vendor, number>> = {
	enboarder: 3600,
	partner: 3600,
	enkash: 300,
	pat: 3600,
};

export interface IssuedToken {
	vendor: Vendor;
	kind: 'access' | 'refresh';
	clientId: string;
	scopes: string[];
	/** Who the token acts for (Enkash username, PAT user id). */
	subject?: string;
	expiresAt: number;
	revoked: boolean;
}

export type TokenCheck =
	| { auth: 'ok'; token: IssuedToken }
	| { auth: 'invalid' | 'expired' | 'revoked'; token?: IssuedToken };

/**
 * Every token the sandbox issued, so a presented token can be told apart as unknown, expired or
 * revoked, and revocation can reach tokens already handed out.
 */
export class TokenStore {
	private readonly tokens = new Map<string, IssuedToken>();
	private lifetimes: Record<Vendor, number> = { ...DEFAULT_TOKEN_LIFETIMES };

	reset(): void {
		this.tokens.clear();
		this.lifetimes = { ...DEFAULT_TOKEN_LIFETIMES };
	}

	setLifetime(vendor: Vendor, seconds: number): void {
		this.lifetimes[vendor] = seconds;
	}

	/** The access-token lifetime for new tokens, in (possibly fractional) seconds. */
	lifetime(vendor: Vendor): number {
		return this.lifetimes[vendor];
	}

	/** The lifetime as a client sees it in `expires_in`: whole seconds, rounded up, at least 1. */
	expiresIn(vendor: Vendor): number {
		return Math.max(1, Math.ceil(this.lifetimes[vendor]));
	}

	/** Issues an opaque token; `lifetimeSeconds` defaults to the vendor's access-token lifetime. */
	issue(details: Omit<IssuedToken, 'expiresAt' | 'revoked'>, lifetimeSeconds?: number, value?: string): string {
		const token = value ?? randomBytes(24).toString('base64url');
		const seconds = lifetimeSeconds ?? this.lifetimes[details.vendor];
		this.tokens.set(token, { ...details, expiresAt: Date.now() + seconds * 1000, revoked: false });
		return token;
	}

	check(value: string, vendor: Vendor, kind: IssuedToken['kind']): TokenCheck {
		const token = this.tokens.get(value);
		if (!token || token.vendor !== vendor || token.kind !== kind) return { auth: 'invalid' };
		if (token.revoked) return { auth: 'revoked', token };
		if (Date.now() >= token.expiresAt) return { auth: 'expired', token };
		return { auth: 'ok', token };
	}

	/** Marks one token revoked (e.g. a rotated refresh token). */
	revokeOne(value: string): void {
		const token = this.tokens.get(value);
		if (token) token.revoked = true;
	}

	/** Revokes every live access token of a vendor (or of all vendors), and refresh tokens if asked. */
	revoke(vendor: Vendor | undefined, refreshTokens: boolean): number {
		let count = 0;
		for (const token of this.tokens.values()) {
			if (token.revoked || (vendor && token.vendor !== vendor)) continue;
			if (token.kind === 'refresh' && !refreshTokens) continue;
			token.revoked = true;
			count++;
		}
		return count;
	}

	/**
	 * Ends every live access token of a vendor (or of all vendors) now, as if its lifetime had run
	 * out: presented again it is `expired`, not `revoked`. Refresh tokens keep working.
	 */
	expire(vendor: Vendor | undefined): number {
		const now = Date.now();
		let count = 0;
		for (const token of this.tokens.values()) {
			if (token.kind !== 'access' || token.revoked || now >= token.expiresAt || (vendor && token.vendor !== vendor)) continue;
			token.expiresAt = now;
			count++;
		}
		return count;
	}
}
