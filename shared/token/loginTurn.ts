/** Sends a password login only in this process's turn, coordinated with other n8n processes through the credential. */
import {
	sleep,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
} from 'n8n-workflow';

import { isKind, isN8nError } from '../errorKinds';
import { settle } from '../settle';
import { heldToken } from './heldToken';
import { CLAIM_POLL_MS, CLAIM_SETTLE_MS, CLAIM_TTL_MS, ClaimWritten, claimValue, newClaim, parseClaim, PasswordLoginNeedsClaim } from './loginClaim';
import { refusalFor } from './loginRefusal';
import type { PasswordLoginScheme } from './scheme';
import { loginCoordination, logins, tokens } from './state';
import { withThrownCause } from './thrownCause';
import { isUsable } from './tokenSet';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * `granted`: this process holds the claim and may send the password. Otherwise `fresh` is the
 * credential as another process left it: holding a new token, or a refusal.
 */
type LoginTurn = { granted: true } | { granted: false; fresh: ICredentialDataDecryptedObject };

/** How often one request may wait for a login turn: once normally; again if a token adopted from another process was refused. */
const LOGIN_TURNS = 2;

/** One turn-taking per token identity in this process: every item waiting for a login shares it. */
const turns = new Map<string, Promise<LoginTurn>>();

/**
 * Sends `send(credentials)` for a scheme with a password login. When the renewal it needs would send
 * the password and this process does not hold the login claim (the scheme's preAuthentication throws
 * `PasswordLoginNeedsClaim`), waits for its turn and sends again: with the token or refusal another
 * process left in the credential, or — its turn come — with an empty token, so that the password
 * login is sent at once. Errors are thrown as they are; the request layer words them.
 */
export async function sendInLoginTurns<T>(
	context: RequestContext,
	scheme: PasswordLoginScheme,
	key: string,
	credentials: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
	send: (held: ICredentialDataDecryptedObject) => Promise<T>,
): Promise<T> {
	return await loginCoordination.within(key, async () => {
		let held = credentials;
		for (let turnsTaken = 0; ; turnsTaken++) {
			const answered = await settle(async () => await send(held));
			if (answered.ok) return answered.value;
			if (!isKind(causeOf(answered.error), PasswordLoginNeedsClaim) || turnsTaken === LOGIN_TURNS) throw answered.error;
			const outcome = await loginTurn(context, scheme, key, async (fresh, claim) => await writeClaim(context, scheme, key, request, fresh, claim));
			if (outcome.granted) {
				// Our turn: log in with the password straight away. The refresh token was refused or is
				// missing; what this process still knows of the old token must not be tried again first.
				tokens.forget(key);
				held = { ...credentials, accessToken: '', tokenRenewAt: 0, refreshToken: '' };
			} else held = outcome.fresh;
		}
	});
}

/**
 * Persists `claim` into the credential. n8n offers a node one way to write its credential: a
 * preAuthentication whose result n8n saves. So the request is handed to n8n with an empty token; the
 * scheme's preAuthentication, seeing `claimToWrite`, returns only the claim, and its authenticate,
 * seeing the claim being written, stops the call before anything is sent (`ClaimWritten`).
 */
async function writeClaim(
	context: RequestContext,
	scheme: PasswordLoginScheme,
	key: string,
	request: IHttpRequestOptions,
	fresh: ICredentialDataDecryptedObject,
	claim: string,
): Promise<void> {
	const type = scheme.credentialType;
	const details = context.getNode().credentials?.[type];
	const written = await settle(async () =>
		await loginCoordination.writingClaim(key, claim, async () => {
			const data: ICredentialDataDecryptedObject = { ...fresh, accessToken: '' };
			return await withThrownCause(data, async () =>
				await context.helpers.httpRequestWithAuthentication.call(context, type, request, {
					credentialsDecrypted: { id: details?.id ?? '', name: details?.name ?? '', type, data },
				}),
			);
		}),
	);
	if (!written.ok && !isKind(causeOf(written.error), ClaimWritten)) throw written.error;
}

async function loginTurn(
	context: RequestContext,
	scheme: PasswordLoginScheme,
	key: string,
	write: (fresh: ICredentialDataDecryptedObject, claim: string) => Promise<void>,
): Promise<LoginTurn> {
	let turn = turns.get(key);
	if (!turn) {
		turn = takeTurn(context, scheme, key, write);
		turns.set(key, turn);
		const done = turn;
		const forget = () => {
			if (turns.get(key) === done) turns.delete(key);
		};
		done.then(forget, forget);
	}
	return await turn;
}

/**
 * Claim, settle, verify: write a claim, wait until every contender's write has landed, read the
 * credential again; the one claim left standing logs in. While another process's claim stands, wait
 * for its outcome (a claimer that died mid-login frees its claim after `CLAIM_TTL_MS`). Bounded: after
 * twice a claim's lifetime without a turn, the request fails rather than wait on.
 */
async function takeTurn(
	context: RequestContext,
	scheme: PasswordLoginScheme,
	key: string,
	write: (fresh: ICredentialDataDecryptedObject, claim: string) => Promise<void>,
): Promise<LoginTurn> {
	const giveUpAt = Date.now() + 2 * CLAIM_TTL_MS;
	while (Date.now() < giveUpAt) {
		// Read afresh (not the run's cached copy): what matters is what other processes wrote since.
		const fresh = await context.getCredentials(scheme.credentialType);
		const held = heldToken(fresh);
		if (isUsable(held, Date.now()) && !tokens.wasRefused(key, held.accessToken)) {
			tokens.adopt(key, held);
			return { granted: false, fresh };
		}
		const refusal = refusalFor(fresh.loginRefusal, scheme.passwordLogin.secrets(fresh));
		if (refusal) {
			logins.remember(key, refusal);
			return { granted: false, fresh };
		}
		const standing = parseClaim(fresh.loginClaim);
		if (standing && standing.until > Date.now()) {
			await sleep(CLAIM_POLL_MS);
			continue;
		}
		const mine = newClaim(Date.now());
		await write(fresh, claimValue(mine));
		await sleep(CLAIM_SETTLE_MS);
		const after = await context.getCredentials(scheme.credentialType);
		if (parseClaim(after.loginClaim)?.nonce === mine.nonce) {
			loginCoordination.grant(key, mine);
			return { granted: true };
		}
		// Another process's claim landed after ours: it logs in; wait for its outcome.
	}
	throw new PasswordLoginNeedsClaim(scheme.vendor);
}

/** What our credential code threw, from inside the NodeApiError n8n wraps it in (made by n8n's copy of n8n-workflow). */
function causeOf(error: unknown): unknown {
	return isN8nError(error, 'NodeApiError') ? error.cause : error;
}
