/** The concurrency limiters of one n8n process: one per vendor account (credential identity), shared by every item, node run and execution. */
import { sleep, type ICredentialDataDecryptedObject } from 'n8n-workflow';

import { fingerprint } from '../token/fingerprint';
import { tokenScheme } from '../token/schemes';
import { eventLoopLoad } from './eventLoopLoad';
import { ConcurrencyLimiter } from './limiter';

/*
 * Process-wide, like the token cache: n8n loads a package's node files once per process, so ten
 * executions at once on one credential share one limiter (and one Max Concurrency), instead of each
 * opening its own.
 */
const limiters = new Map<string, ConcurrencyLimiter>();

/** The limiter of a vendor account, made on first use. */
export function limiterFor(key: string): ConcurrencyLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		// Paced with n8n's own sleep once the account has refused for load (429, 503); latency read
		// against how busy this process is, so our own queue is not taken for a slower vendor.
		limiter = new ConcurrencyLimiter({}, Date.now, sleep, {}, eventLoopLoad());
		limiters.set(key, limiter);
	}
	return limiter;
}

/** Forgets every limiter, as a new process starts (tests that want a fresh start). */
export function forgetLimiters(): void {
	limiters.clear();
}

/**
 * Which vendor account a credential sends as: a token credential's token identity (its scheme's,
 * unchanged when the token is renewed), else a fingerprint of the credential's own fields (an API
 * key and its base URL). Tokens and other objects n8n keeps in the credential (n8n's own OAuth2
 * `oauthTokenData`) are left out, so a renewal never moves a credential to a new limiter.
 */
export function limiterKey(credentialType: string, credentials: ICredentialDataDecryptedObject): string {
	const scheme = tokenScheme(credentialType);
	if (scheme) return `${credentialType}:${scheme.identity(credentials)}`;
	const fields = Object.keys(credentials)
		.filter((name) => !TOKEN_FIELD_NAMES.has(name) && ['string', 'number', 'boolean'].includes(typeof credentials[name]))
		.sort()
		.map((name) => `${name}=${String(credentials[name])}`);
	return `${credentialType}:${fingerprint(credentialType, ...fields)}`;
}

const TOKEN_FIELD_NAMES = new Set(['accessToken', 'refreshToken', 'tokenRenewAt', 'oauthTokenData']);
