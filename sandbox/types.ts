/** Types shared by the sandbox server, its control API and the HTTP client for that API. */

export type Vendor = 'enboarder' | 'partner' | 'enkash' | 'pat';

export const VENDORS: readonly Vendor[] = ['enboarder', 'partner', 'enkash', 'pat'];

export function isVendor(value: unknown): value is Vendor {
	return typeof value === 'string' && (VENDORS as readonly string[]).includes(value);
}

export type Grant = 'password' | 'refresh_token' | 'client_credentials' | 'authorization_code';

export type AuthOutcome = 'ok' | 'missing' | 'invalid' | 'expired' | 'revoked' | 'forbidden' | 'none';

/** One request the sandbox received. Never holds header values, tokens, passwords or bodies. */
export interface RequestEntry {
	seq: number;
	/** Milliseconds since the epoch, when the request arrived. */
	at: number;
	vendor: Vendor;
	method: string;
	/** The path after the vendor prefix (e.g. `/reports/workflows`, `/oauth2/token`), without the query string. */
	path: string;
	/** The HTTP status sent; 0 while in flight or when the connection was dropped. */
	status: number;
	/** Milliseconds since the epoch, when the request ended (answered, refused or dropped); absent while in flight. */
	endedAt?: number;
	kind: 'token' | 'api';
	grant?: Grant;
	auth: AuthOutcome;
	/** The fault kind injected into this request, if any. */
	fault?: string;
}

export type RecordType =
	| 'enboarderWorkflow'
	| 'profile'
	| 'booking'
	| 'customer'
	| 'invoice'
	| 'reminder'
	| 'bcPaymentConfirmation'
	| 'bcInvoiceStatusChange';

/** One record a request created. */
export interface RecordEntry {
	seq: number;
	at: number;
	vendor: Vendor;
	type: RecordType;
	id: string;
	externalId?: string;
}

export interface LedgerSnapshot {
	requests: RequestEntry[];
	records: RecordEntry[];
}

export interface VendorStats {
	requests: number;
	tokenRequests: number;
	status401: number;
	status403: number;
	status429: number;
	faultsInjected: number;
	recordsCreated: number;
}

export type SandboxStats = Record<Vendor, VendorStats> & { totals: VendorStats };

/**
 * `html`: a 200 with an HTML page instead of the API's JSON, as a captive portal or a misrouted proxy answers.
 * `unauthorized` (Enkash only): the UNAUTHORIZED envelope with HTTP `status` (default 401), whatever
 * token was sent — a refusal that persists even for a freshly issued token.
 */
export type FaultKind = '429' | '500' | '503' | 'drop' | 'drop-after' | 'delay' | 'html' | 'unauthorized';

export interface FaultRule {
	vendor?: Vendor;
	method?: string;
	/** A prefix of the path after the vendor prefix, or `/regexp/` (a string starting and ending with `/`). */
	path?: string;
	kind: FaultKind;
	/** Chance the rule fires on a matching request, 0..1 (default 1). */
	probability?: number;
	retryAfterSeconds?: number;
	delayMs?: number;
	/** The HTTP status of an `unauthorized` fault (default 401). */
	status?: number;
}

/**
 * A limit by time. Without `burst`: at most `limit` requests in each fixed window of `windowMs` (the
 * window starts with the first request after the last one closed). With `burst`: a token bucket that
 * holds at most `burst` requests' worth and refills `limit` per `windowMs`, evenly: a steady rate
 * with no double burst at a window's edge.
 */
export interface RateLimitConfig {
	vendor?: Vendor;
	limit: number;
	windowMs: number;
	/** Token bucket: its capacity (> 0); the bucket starts full. */
	burst?: number;
	/** Sent as `Retry-After`; defaults to the seconds left in the current window (token bucket: until the next token), at least 1. */
	retryAfterSeconds?: number;
}

/**
 * A limit by what is open at once rather than by time: a request that arrives while `limit` requests
 * of the vendor (of every vendor when none is named) are open is answered 429 at once, with
 * `Retry-After: retryAfterSeconds` (default 1). Counts do not depend on timing: the same workload
 * sees the same refusals however fast the machine is.
 */
export interface ConcurrencyLimitConfig {
	vendor?: Vendor;
	limit: number;
	retryAfterSeconds?: number;
}

/** Requests open now and the most ever open at once (since the last reset), a refused one included as it arrived. */
export interface OpenCount {
	open: number;
	peak: number;
}

export type OpenRequests = Record<Vendor, OpenCount> & { totals: OpenCount };

export interface EnkashAccountState {
	locked: boolean;
	consecutiveFailures: number;
	loginAttempts: number;
}

export type EnkashTokenCasing = 'camel' | 'snake';

export interface RevokeOptions {
	/** Also revoke refresh tokens (Enkash, PAT OAuth). */
	refreshTokens?: boolean;
}

/**
 * How a token endpoint states a token's lifetime in `expires_in` / `expiresIn`: `number` (the
 * default, the lifetime in whole seconds), `numeric-string` ("300"), `missing` (no such field),
 * `null`, `zero` (0), `negative` (minus the lifetime) or `not-a-number` ("abc"). The token itself
 * still expires after its real lifetime (`setTokenLifetime`).
 */
export type ExpiresInForm = 'number' | 'numeric-string' | 'missing' | 'null' | 'zero' | 'negative' | 'not-a-number';

export const EXPIRES_IN_FORMS: readonly ExpiresInForm[] = ['number', 'numeric-string', 'missing', 'null', 'zero', 'negative', 'not-a-number'];

/**
 * The access token's form: `opaque` (random characters) or `jwt` (a signed JWT whose `exp` is the
 * token's real expiry in seconds, fractions kept, and `iat` its issue time). Partner tokens are JWTs
 * by default, the others opaque.
 */
export type AccessTokenForm = 'opaque' | 'jwt';

export const ACCESS_TOKEN_FORMS: readonly AccessTokenForm[] = ['opaque', 'jwt'];

/** A token endpoint's answers from now on; a field left out keeps (or returns to) the vendor's default. */
export interface TokenResponseForm {
	expiresIn?: ExpiresInForm;
	accessToken?: AccessTokenForm;
}

/** What a trigger does when it fires: to its vendor's tokens (access only, or refresh too), or to every fault rule. */
export type TriggerAction = 'revoke' | 'revoke-with-refresh' | 'expire' | 'clear-faults';

/**
 * An event the sandbox makes happen at a point of the workload instead of at a time: it fires as the
 * `afterRequests`-th matching request arrives, before that request is handled, so that request and
 * every later one see the effect (no timer racing the run; the same run gives the same point).
 */
export interface TriggerRule {
	/** Whose requests are counted, and whose tokens `revoke`, `revoke-with-refresh` and `expire` act on. */
	vendor: Vendor;
	/** Fires on the Nth matching request counted from when the trigger was added (1 = the next one). */
	afterRequests: number;
	/** Which requests count: `api` (default, the vendor's API calls), `token` requests, or `any`. */
	kind?: RequestEntry['kind'] | 'any';
	method?: string;
	/** A prefix of the path after the vendor prefix, or `/regexp/`, as in fault rules. */
	path?: string;
	action: TriggerAction;
	/** true (default): fires once. false: fires on every `afterRequests`-th matching request. */
	once?: boolean;
}

/** A trigger as the sandbox holds it: the rule, what it has counted and where it fired. */
export interface TriggerState extends TriggerRule {
	id: number;
	/** Matching requests counted so far. */
	seen: number;
	/** The ledger `seq` of each request it fired on, in order (its length is how often it fired). */
	firedAtSeq: number[];
}

export interface SeededInvoices {
	/** How many invoices were added. */
	added: number;
	/** How many invoices exist now. */
	total: number;
	firstInvoiceId: string | null;
	lastInvoiceId: string | null;
}

/** The control surface, the same whether used in-process (`SandboxControl`) or over HTTP (`SandboxClient`). */
export interface SandboxControlApi {
	reset(): Promise<void>;
	setTokenLifetime(vendor: Vendor, seconds: number): Promise<void>;
	setTokenResponse(vendor: Vendor, form: TokenResponseForm): Promise<void>;
	revokeTokens(vendor?: Vendor, options?: RevokeOptions): Promise<{ revoked: number }>;
	expireTokens(vendor?: Vendor): Promise<{ expired: number }>;
	addTrigger(rule: TriggerRule): Promise<TriggerState>;
	triggers(): Promise<TriggerState[]>;
	clearTriggers(): Promise<void>;
	setRateLimit(config: RateLimitConfig | null): Promise<void>;
	setConcurrencyLimit(config: ConcurrencyLimitConfig | null): Promise<void>;
	openRequests(): Promise<OpenRequests>;
	setFaults(rules: FaultRule[]): Promise<void>;
	clearFaults(): Promise<void>;
	setLatency(ms: number): Promise<void>;
	ledger(sinceSeq?: number): Promise<LedgerSnapshot>;
	stats(): Promise<SandboxStats>;
	unlockEnkash(): Promise<void>;
	enkashAccount(): Promise<EnkashAccountState>;
	setEnkashTokenCasing(casing: EnkashTokenCasing): Promise<void>;
	setEnkashExpiryInBody(status?: number | null): Promise<void>;
	seedEnkashInvoices(count: number): Promise<SeededInvoices>;
	seedEnboarderReportRows(reportId: string, count: number): Promise<void>;
}
