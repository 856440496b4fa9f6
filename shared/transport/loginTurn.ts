/** Waits for this process's turn to send a password login, coordinated with other n8n processes through the credential. */
import { sleep, type ICredentialDataDecryptedObject, type IExecuteFunctions, type ILoadOptionsFunctions, type IPollFunctions } from 'n8n-workflow';

import {
	CLAIM_POLL_MS,
	CLAIM_SETTLE_MS,
	CLAIM_TTL_MS,
	claimValue,
	heldToken,
	isUsable,
	loginCoordination,
	logins,
	newClaim,
	parseClaim,
	PasswordLoginNeedsClaim,
	refusalFor,
	tokens,
} from '../token';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface PasswordLogin {
	/** The vendor's name, for the message when no turn came. */
	vendor: string;
	/** The token identity (see `shared/token`). */
	key: string;
	/** Everything the login sends, to check a refusal remembered in the credential against. */
	secrets(credentials: ICredentialDataDecryptedObject): unknown[];
	/** Persists `claim` into the credential (through n8n's preAuthentication, the only way a node can). */
	writeClaim(fresh: ICredentialDataDecryptedObject, claim: string): Promise<void>;
}

/**
 * `granted`: this process holds the claim and may send the password. Otherwise `fresh` is the
 * credential as another process left it: holding a new token, or a refusal.
 */
export type LoginTurn = { granted: true } | { granted: false; fresh: ICredentialDataDecryptedObject };

/** One turn-taking per token identity in this process: every item waiting for a login shares it. */
const turns = new Map<string, Promise<LoginTurn>>();

export async function loginTurn(context: RequestContext, credentialType: string, login: PasswordLogin): Promise<LoginTurn> {
	let turn = turns.get(login.key);
	if (!turn) {
		turn = takeTurn(context, credentialType, login);
		turns.set(login.key, turn);
		const done = turn;
		const forget = () => {
			if (turns.get(login.key) === done) turns.delete(login.key);
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
async function takeTurn(context: RequestContext, credentialType: string, login: PasswordLogin): Promise<LoginTurn> {
	const giveUpAt = Date.now() + 2 * CLAIM_TTL_MS;
	while (Date.now() < giveUpAt) {
		// Read afresh (not the run's cached copy): what matters is what other processes wrote since.
		const fresh = await context.getCredentials(credentialType);
		const held = heldToken(fresh);
		if (isUsable(held, Date.now()) && !tokens.wasRefused(login.key, held.accessToken)) {
			tokens.adopt(login.key, held);
			return { granted: false, fresh };
		}
		const refusal = refusalFor(fresh.loginRefusal, login.secrets(fresh));
		if (refusal) {
			logins.remember(login.key, refusal);
			return { granted: false, fresh };
		}
		const standing = parseClaim(fresh.loginClaim);
		if (standing && standing.until > Date.now()) {
			await sleep(CLAIM_POLL_MS);
			continue;
		}
		const mine = newClaim(Date.now());
		await login.writeClaim(fresh, claimValue(mine));
		await sleep(CLAIM_SETTLE_MS);
		const after = await context.getCredentials(credentialType);
		if (parseClaim(after.loginClaim)?.nonce === mine.nonce) {
			loginCoordination.grant(login.key, mine);
			return { granted: true };
		}
		// Another process's claim landed after ours: it logs in; wait for its outcome.
	}
	throw new PasswordLoginNeedsClaim(login.vendor);
}
