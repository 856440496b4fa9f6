/** The token module's public face: token schemes, their registry, the token cache and the pieces schemes are made of. */
export { clientCredentialsKey, clientCredentialsScheme, type ClientCredentialsGrant, type ClientCredentialsScheme } from './clientCredentials';
export { bearerAuthenticate, TOKEN_FIELDS, TokenDueError, withStoredToken } from './credentialFields';
export { fingerprint } from './fingerprint';
export { heldToken, tokenFields, withToken, type TokenFields } from './heldToken';
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
export { sendInLoginTurns } from './loginTurn';
export { hasPasswordLogin, refusedByServer, type PasswordLoginScheme, type TokenScheme } from './scheme';
export { TOKEN_SCHEMES, tokenScheme } from './schemes';
export { loginCoordination, logins, tokens } from './state';
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
