import { LoginCoordination } from './loginClaim';
import { LoginGuard } from './loginGuard';
import { TokenManager } from './tokenManager';

export { fingerprint } from './fingerprint';
export { heldToken, tokenFields, type TokenFields } from './heldToken';
export { LoginGuard } from './loginGuard';
export {
	CLAIM_POLL_MS,
	CLAIM_SETTLE_MS,
	CLAIM_TTL_MS,
	ClaimWritten,
	LOGIN_CLAIM_FIELD,
	LoginCoordination,
	PasswordLoginNeedsClaim,
	claimValue,
	newClaim,
	parseClaim,
	type LoginClaim,
} from './loginClaim';
export { LOGIN_REFUSAL_FIELD, refusalFor, refusalRecord, storedRefusal } from './loginRefusal';
export { TokenManager, type AcquireOptions, type TokenFetcher } from './tokenManager';
export { TokenRequestError, requestToken, type TokenRequest } from './tokenRequest';
export { jwtTimes, type JwtTimes } from './jwt';
export { recordingThrown, withThrownCause } from './thrownCause';
export {
	DEFAULT_TOKEN_LIFETIME_MS,
	MAX_TOKEN_LIFETIME_MS,
	MIN_TOKEN_LIFETIME_MS,
	RENEWAL_MARGIN_MS,
	isUsable,
	renewAtFor,
	renewalMargin,
	statedSeconds,
	tokenLifetime,
	type LifetimeSource,
	type TokenLifetime,
	type TokenSet,
} from './tokenSet';

/**
 * Process-wide instances: n8n loads a package's credential and node files once per process, so
 * every item, execution and node of that process shares these.
 */
export const tokens = new TokenManager();
export const logins = new LoginGuard();
export const loginCoordination = new LoginCoordination();
export { bearerAuthenticate, TOKEN_FIELDS, TokenDueError, withStoredToken } from './credentialFields';
