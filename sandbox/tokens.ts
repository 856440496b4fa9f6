import { createHmac, randomBytes } from 'node:crypto';

import type { AccessTokenForm, ExpiresInForm, TokenResponseForm, Vendor } from './types';

export const DEFAULT_TOKEN_LIFETIMES: Readonly<Record<Vendor, number>> = {
	enboarder: 3600,
	partner: 3600,
	enkash: 300,
	pat: 3600,
};

/** Partner tokens are JWTs, like the real API's; the other vendors' are opaque unless asked otherwise. */
const DEFAULT_ACCESS_TOKEN_FORMS: Readonly<Record<Vendor, AccessTokenForm>> = {
	enboarder: 'opaque',
	partner: 'jwt',
	enkash: 'opaque',
	pat: 'opaque',
};

/** Issue and expiry of a token being issued, in ms since the epoch, for a JWT to carry. */
export interface TokenTimes {
	issuedAt: number;
	expiresAt: number;
}

/** An access token for a token response, and what its `expires_in` says (`stated: false`: leave the field out). */
export interface AccessTokenReply {
	accessToken: string;
	expiresIn: { stated: true; value: unknown } | { stated: false };
}

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
	private forms: Partial<Record<Vendor, TokenResponseForm>> = {};
	/** Signs the JWTs issued for vendors whose tokens are not JWTs by nature (their APIs never check it). */
	private readonly signingKey = randomBytes(32);

	reset(): void {
		this.tokens.clear();
		this.lifetimes = { ...DEFAULT_TOKEN_LIFETIMES };
		this.forms = {};
	}

	/** How the vendor's token endpoint answers from now on (see `TokenResponseForm`). */
	setResponseForm(vendor: Vendor, form: TokenResponseForm): void {
		this.forms[vendor] = { ...form };
	}

	responseForm(vendor: Vendor): Required<TokenResponseForm> {
		return { expiresIn: this.forms[vendor]?.expiresIn ?? 'number', accessToken: this.forms[vendor]?.accessToken ?? DEFAULT_ACCESS_TOKEN_FORMS[vendor] };
	}

	/**
	 * Issues an access token in the vendor's configured form, with the `expires_in` to send with it.
	 * A JWT's `exp` is the token's real expiry (the one `check` enforces), so a client reading it
	 * renews in time; `jwt` builds the vendor's own JWT (Partner), otherwise a generic one is signed.
	 */
	issueAccess(details: Omit<IssuedToken, 'kind' | 'expiresAt' | 'revoked'>, jwt?: (times: TokenTimes) => string): AccessTokenReply {
		const form = this.responseForm(details.vendor);
		const build = jwt ?? ((times: TokenTimes) => this.genericJwt(details, times));
		const accessToken = this.issue({ ...details, kind: 'access' }, undefined, form.accessToken === 'jwt' ? build : undefined);
		return { accessToken, expiresIn: statedExpiresIn(form.expiresIn, this.expiresIn(details.vendor)) };
	}

	private genericJwt(details: Omit<IssuedToken, 'kind' | 'expiresAt' | 'revoked'>, times: TokenTimes): string {
		const claims = {
			iss: `sandbox-${details.vendor}`,
			sub: details.subject ?? details.clientId,
			aud: details.clientId,
			iat: times.issuedAt / 1000,
			exp: times.expiresAt / 1000,
			jti: randomBytes(16).toString('hex'),
			scope: details.scopes.join(' '),
		};
		const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');
		const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
		const signature = createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest('base64url');
		return `${header}.${payload}.${signature}`;
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

	/**
	 * Issues a token, opaque unless `value` is given (or built from the token's issue and expiry
	 * times, for a JWT); `lifetimeSeconds` defaults to the vendor's access-token lifetime.
	 */
	issue(details: Omit<IssuedToken, 'expiresAt' | 'revoked'>, lifetimeSeconds?: number, value?: string | ((times: TokenTimes) => string)): string {
		const seconds = lifetimeSeconds ?? this.lifetimes[details.vendor];
		const issuedAt = Date.now();
		const expiresAt = issuedAt + seconds * 1000;
		const token = typeof value === 'function' ? value({ issuedAt, expiresAt }) : (value ?? randomBytes(24).toString('base64url'));
		this.tokens.set(token, { ...details, expiresAt, revoked: false });
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

/** The `expires_in` a token response carries under `form`, for a token living `seconds`. */
export function statedExpiresIn(form: ExpiresInForm, seconds: number): AccessTokenReply['expiresIn'] {
	switch (form) {
		case 'missing':
			return { stated: false };
		case 'numeric-string':
			return { stated: true, value: String(seconds) };
		case 'null':
			return { stated: true, value: null };
		case 'zero':
			return { stated: true, value: 0 };
		case 'negative':
			return { stated: true, value: -seconds };
		case 'not-a-number':
			return { stated: true, value: 'abc' };
		default:
			return { stated: true, value: seconds };
	}
}
