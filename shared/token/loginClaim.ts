/** Which n8n process may send a password login now: a claim kept in the credential, and this process's part in it. */
import { randomBytes } from 'node:crypto';

import type { INodeProperties } from 'n8n-workflow';

import { brand } from '../errorKinds';
import { TokenRequestError } from './tokenRequest';

/**
 * The hidden field where a process announces "I am about to log in". Several queue-mode workers
 * whose executions start at the same moment all find the credential without a token; without
 * coordination each would send the password once, and three wrong passwords lock an Enkash account.
 * n8n gives a community package no lock and no compare-and-swap, only the credential it persists,
 * so the claim works by "last writer wins": each contender writes its claim, waits for the others'
 * writes to land (`CLAIM_SETTLE_MS`), reads the credential again, and only the process whose claim
 * survived logs in. The others wait for its outcome — a token or a refusal — in the credential.
 */
export const LOGIN_CLAIM_FIELD: INodeProperties = {
	displayName: 'Login Claim',
	name: 'loginClaim',
	type: 'hidden',
	typeOptions: { password: true },
	default: '',
};

/** How long a claim holds other processes back: a login is at most 3 token requests with short waits. */
export const CLAIM_TTL_MS = 45_000;

/**
 * How long a claimer waits before reading back whose claim survived: longer than a credential write
 * takes to reach the database from a busy worker, short beside a login that happens once per
 * refresh-token lifetime.
 */
export const CLAIM_SETTLE_MS = 500;

/** How often a process waiting on another's claim reads the credential again. */
export const CLAIM_POLL_MS = 250;

export interface LoginClaim {
	nonce: string;
	/** Until when (ms since the epoch) the claim holds; a claimer that died frees it then. */
	until: number;
}

export function newClaim(now: number): LoginClaim {
	return { nonce: randomBytes(12).toString('hex'), until: now + CLAIM_TTL_MS };
}

export const claimValue = (claim: LoginClaim): string => `${claim.nonce}.${claim.until}`;

export function parseClaim(value: unknown): LoginClaim | undefined {
	if (typeof value !== 'string') return undefined;
	const match = /^([0-9a-f]{24})\.(\d+)$/.exec(value);
	return match ? { nonce: match[1], until: Number(match[2]) } : undefined;
}

/**
 * A preAuthentication that must not send a password login before this process holds the claim. Our
 * request layer catches it and takes its turn; its words are what a user reads only if the turn
 * never came (another process kept claiming, or a token it left was refused as well).
 */
export class PasswordLoginNeedsClaim extends TokenRequestError {
	static readonly kind: string = 'PasswordLoginNeedsClaim';

	constructor(vendor: string) {
		super(
			`Another n8n process was signing in to ${vendor} with this credential and no usable token came of it, so the request was not sent. Run the execution again.`,
			0,
			false,
		);
		this.name = 'PasswordLoginNeedsClaim';
		brand(this, PasswordLoginNeedsClaim.kind);
	}
}

/** Thrown by `authenticate` after a claim was persisted: that call's only job was the write. */
export class ClaimWritten extends Error {
	static readonly kind: string = 'ClaimWritten';

	constructor() {
		super('Login claim written');
		this.name = 'ClaimWritten';
		brand(this, ClaimWritten.kind);
	}
}

/**
 * This process's side of the claim, per token identity. Our request layer registers the identities
 * it coordinates; preAuthentication consults it. Requests that n8n sends for our credential without
 * our request layer (the HTTP Request node, the credential's Test button) are not coordinated: a user
 * pressed a button, or the credential is used outside our nodes.
 */
export class LoginCoordination {
	private readonly coordinated = new Map<string, number>();

	/** Keys this process holds the claim for, until when the claim holds. */
	private readonly granted = new Map<string, number>();

	private readonly writing = new Map<string, string>();

	/** Marks requests through our request layer for `key` as coordinated while `run` lasts. */
	async within<T>(key: string, run: () => Promise<T>): Promise<T> {
		this.coordinated.set(key, (this.coordinated.get(key) ?? 0) + 1);
		try {
			return await run();
		} finally {
			const left = (this.coordinated.get(key) ?? 1) - 1;
			if (left > 0) this.coordinated.set(key, left);
			else this.coordinated.delete(key);
		}
	}

	/** Whether preAuthentication may send a password login for `key` now. */
	mayLogIn(key: string, now = Date.now()): boolean {
		return !this.coordinated.has(key) || now < (this.granted.get(key) ?? 0);
	}

	grant(key: string, claim: LoginClaim): void {
		this.granted.set(key, claim.until);
	}

	/** The login was sent and answered (or failed): the next one needs a new claim. */
	release(key: string): void {
		this.granted.delete(key);
	}

	/** The claim value the next preAuthentication for `key` persists, instead of doing anything else. */
	claimToWrite(key: string): string | undefined {
		return this.writing.get(key);
	}

	isBeingWritten(value: unknown): boolean {
		return typeof value === 'string' && value !== '' && [...this.writing.values()].includes(value);
	}

	async writingClaim<T>(key: string, value: string, run: () => Promise<T>): Promise<T> {
		this.writing.set(key, value);
		try {
			return await run();
		} finally {
			this.writing.delete(key);
		}
	}

	clear(): void {
		this.coordinated.clear();
		this.granted.clear();
		this.writing.clear();
	}
}
