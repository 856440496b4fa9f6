/** Reads the expiry of a JWT access token, without verifying it: only to decide when to renew. */

/** What a token's claims say about its lifetime, in seconds since the epoch (NumericDate, RFC 7519). */
export interface JwtTimes {
	exp: number;
	/** When the issuer says it issued the token, if it says so. */
	iat?: number;
}

const BASE64URL_PART = /^[A-Za-z0-9_-]+$/;

/**
 * The `exp` (and `iat`) of a JWT, or undefined when the token is not one: three dot-separated
 * base64url parts whose first two decode to JSON objects, the second with a numeric `exp`.
 *
 * The signature is not checked, and need not be: the claims are used only to renew a token
 * earlier, never to trust it; the server still decides whether it accepts the token. Nothing
 * decoded here is returned except the two numbers, so no claim ends up in a log or an error.
 */
export function jwtTimes(token: string): JwtTimes | undefined {
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	// The signature may be empty (an unsecured JWT); header and payload may not.
	if (!BASE64URL_PART.test(parts[0]) || !BASE64URL_PART.test(parts[1]) || (parts[2] !== '' && !BASE64URL_PART.test(parts[2]))) return undefined;
	const header = decodeJsonObject(parts[0]);
	const payload = decodeJsonObject(parts[1]);
	if (!header || !payload) return undefined;
	const exp = payload.exp;
	if (typeof exp !== 'number' || !Number.isFinite(exp)) return undefined;
	const iat = payload.iat;
	return typeof iat === 'number' && Number.isFinite(iat) ? { exp, iat } : { exp };
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}
