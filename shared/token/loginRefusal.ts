/** A refused password login, remembered inside the credential so every n8n process sees it. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { INodeProperties } from 'n8n-workflow';

import { TokenRequestError } from './tokenRequest';

/**
 * The hidden field where a password-grant credential keeps the memory of its refused login. n8n
 * persists what preAuthentication returns into the credential, and the credential is the only state
 * that n8n's main instance, its queue-mode workers and an n8n restarted after an upgrade all share:
 * a memory kept in one process's heap (as before) let three workers, or three restarts, each try the
 * same wrong password once — and Enkash locks the account after three.
 */
export const LOGIN_REFUSAL_FIELD: INodeProperties = {
	displayName: 'Login Refusal',
	name: 'loginRefusal',
	type: 'hidden',
	// Redacted by n8n like a secret: it holds no secret, but nothing in it is for the editor either.
	typeOptions: { password: true },
	default: '',
};

/** What the credential stores: never the secrets, only a salted MAC of them (see `refusalRecord`). */
interface StoredRefusal {
	v: 1;
	/** Random per refusal, so equal passwords in two credentials give unrelated records. */
	salt: string;
	/** HMAC-SHA256 of the refused login's secrets, keyed with the salt. */
	mac: string;
	/** The vendor's refusal as the user first read it ("Enkash refused the token request (HTTP 401: …)"). */
	message: string;
	status: number;
	/** When the login was refused (ISO time), for the message. */
	at: string;
}

const macOf = (salt: string, secrets: readonly unknown[]): string => {
	const mac = createHmac('sha256', Buffer.from(salt, 'hex'));
	for (const part of secrets) mac.update(`${typeof part}:${String(part ?? '')}\u0000`);
	return mac.digest('hex');
};

/**
 * The value to persist for a login refused with `secrets` (everything the login sends: client, user,
 * password, company…). Changing any of them — saving a corrected credential — no longer matches, so
 * the corrected login is tried, exactly once if it is refused too.
 */
export function refusalRecord(secrets: readonly unknown[], refusal: TokenRequestError, at: Date = new Date()): string {
	const salt = randomBytes(16).toString('hex');
	const record: StoredRefusal = { v: 1, salt, mac: macOf(salt, secrets), message: refusal.message, status: refusal.httpStatus, at: at.toISOString() };
	return JSON.stringify(record);
}

function parse(stored: unknown): StoredRefusal | undefined {
	if (typeof stored !== 'string' || stored === '') return undefined;
	try {
		const record = JSON.parse(stored) as Partial<StoredRefusal>;
		if (record.v !== 1 || typeof record.salt !== 'string' || typeof record.mac !== 'string' || typeof record.message !== 'string') return undefined;
		return record as StoredRefusal;
	} catch {
		// Unreadable (edited by hand?): remembers nothing rather than blocking a login forever.
		return undefined;
	}
}

/** The remembered refusal when it was for exactly these secrets; undefined when the credential changed since. */
export function refusalFor(stored: unknown, secrets: readonly unknown[]): TokenRequestError | undefined {
	const record = parse(stored);
	if (!record) return undefined;
	const expected = Buffer.from(record.mac, 'hex');
	const actual = Buffer.from(macOf(record.salt, secrets), 'hex');
	if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
	return asError(record);
}

/**
 * The remembered refusal, without checking it against the secrets: for `authenticate`, which n8n
 * calls right after preAuthentication persisted a fresh refusal and before anything is sent.
 */
export function storedRefusal(stored: unknown): TokenRequestError | undefined {
	const record = parse(stored);
	return record && asError(record);
}

function asError(record: StoredRefusal): TokenRequestError {
	return new TokenRequestError(record.message, Number(record.status) || 0, true);
}
