/** Asks a token endpoint for a token, through the shared retry engine, and reads the answer in either casing. */
import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { brand, isKind } from '../errorKinds';
import { settle } from '../settle';
import { withRetries, type RetryPolicy } from '../transport/retry';
import { renewAtFor, type TokenSet } from './tokenSet';

/** A token endpoint's refusal, worded for the user, carrying no secret. */
export class TokenRequestError extends Error {
	static readonly kind: string = 'TokenRequestError';

	constructor(
		message: string,
		readonly httpStatus: number,
		/** The server answered and refused (wrong credentials, revoked refresh token…), as opposed to a transport failure. */
		readonly rejected: boolean,
	) {
		super(message);
		this.name = 'TokenRequestError';
		brand(this, TokenRequestError.kind);
	}
}

export interface TokenRequest {
	/** The vendor's name, for messages. */
	vendor: string;
	url: string;
	/** Sent as application/x-www-form-urlencoded … */
	form?: Record<string, string>;
	/** … or as JSON. */
	json?: IDataObject;
	/** HTTP Basic client authentication. */
	basic?: { user: string; password: string };
	now?: () => number;
	/** For tests: replaces sleep between attempts. */
	wait?: (ms: number) => Promise<void>;
	/** For tests: the jitter source in [0,1). */
	random?: () => number;
}

/**
 * How a busy or briefly unavailable token endpoint (429, 503, connection refused) is asked again: a
 * few times and never for long, since every item waiting on this token waits with it.
 */
const TOKEN_RETRY_POLICY: Partial<RetryPolicy> = Object.freeze({ maxAttempts: 3, maxWaitMs: 10_000 });

type TokenResponse = { statusCode: number; body: unknown; headers?: IDataObject };

/** A 429 or 503 answer, thrown so the retry engine reads its status and Retry-After like any other. */
class BusyAnswer {
	static readonly kind: string = 'BusyAnswer';
	readonly response: { status: number; headers: IDataObject };
	constructor(readonly answer: TokenResponse) {
		this.response = { status: answer.statusCode, headers: answer.headers ?? {} };
		brand(this, BusyAnswer.kind);
	}
}

/** A request that got no answer, reduced to its code: the HTTP client's error holds the request headers (the secrets). */
class NoAnswer {
	static readonly kind: string = 'NoAnswer';
	constructor(readonly code: string) {
		brand(this, NoAnswer.kind);
	}
}

/**
 * Calls a token endpoint and reads the token in either casing (`access_token` / `accessToken`,
 * `expires_in` / `expiresIn`, `refresh_token` / `refreshToken`). HTTP errors are read here rather
 * than thrown by the HTTP client, whose errors carry the request's headers (and so the secrets).
 */
export async function requestToken(helpers: IHttpRequestHelper['helpers'], request: TokenRequest): Promise<TokenSet> {
	const headers: IDataObject = { Accept: 'application/json' };
	if (request.basic) {
		headers.Authorization = `Basic ${Buffer.from(`${request.basic.user}:${request.basic.password}`).toString('base64')}`;
	}
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: request.url,
		headers,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: true,
	};
	if (request.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		options.body = new URLSearchParams(request.form).toString();
	} else {
		headers['Content-Type'] = 'application/json';
		options.body = request.json ?? {};
	}

	// Neither a busy answer nor a refused connection is a refused login, so the lockout count is not touched.
	let response: TokenResponse | undefined;
	let transportFailure: string | undefined;
	const sent = await settle(
		async () =>
			await withRetries(
				async () => {
					const answer = await settle(async () => (await helpers.httpRequest(options)) as TokenResponse);
					if (!answer.ok) throw new NoAnswer((answer.error as { code?: string }).code ?? 'no response');
					if (answer.value.statusCode === 429 || answer.value.statusCode === 503) throw new BusyAnswer(answer.value);
					return answer.value;
				},
				{ policy: TOKEN_RETRY_POLICY, wait: request.wait, random: request.random },
			),
	);
	if (sent.ok) response = sent.value;
	else if (isKind(sent.error, BusyAnswer)) response = sent.error.answer;
	else if (isKind(sent.error, NoAnswer)) transportFailure = sent.error.code;
	else throw sent.error;
	if (!response) {
		throw new TokenRequestError(`Could not reach the ${request.vendor} token endpoint (${transportFailure})`, 0, false);
	}

	const body = parseBody(response.body);
	if (response.statusCode >= 400) {
		const reason = serverReason(body);
		const status = `HTTP ${response.statusCode}${reason ? `: ${reason}` : ''}`;
		const refused = response.statusCode < 500 && response.statusCode !== 429;
		throw new TokenRequestError(
			refused ? `${request.vendor} refused the token request (${status})` : `${request.vendor}'s token endpoint is busy or unavailable (${status}); try again shortly`,
			response.statusCode,
			refused,
		);
	}
	const accessToken = pick(body, 'access_token', 'accessToken');
	if (typeof accessToken !== 'string' || accessToken === '') {
		throw new TokenRequestError(`${request.vendor}'s token endpoint answered without an access token`, response.statusCode, false);
	}
	const refreshToken = pick(body, 'refresh_token', 'refreshToken');
	return {
		accessToken,
		// expires_in when usable, else the JWT's exp, else a conservative default: see tokenLifetime.
		renewAt: renewAtFor(pick(body, 'expires_in', 'expiresIn'), accessToken, (request.now ?? Date.now)()),
		...(typeof refreshToken === 'string' && refreshToken !== '' ? { refreshToken } : {}),
	};
}

function parseBody(body: unknown): IDataObject {
	if (body && typeof body === 'object') return body as IDataObject;
	if (typeof body === 'string') {
		try {
			const parsed: unknown = JSON.parse(body);
			if (parsed && typeof parsed === 'object') return parsed as IDataObject;
		} catch {
			return {};
		}
	}
	return {};
}

function pick(body: IDataObject, ...names: string[]): unknown {
	for (const name of names) if (body[name] !== undefined && body[name] !== null) return body[name];
	const payload = body.payload;
	if (payload && typeof payload === 'object') return pick(payload as IDataObject, ...names);
	return undefined;
}

/** The server's own words for a refusal: OAuth2 `error_description`/`error`, Enkash's envelope, or `message`. */
function serverReason(body: IDataObject): string | undefined {
	const envelope = body.errorResponse as IDataObject | undefined;
	const candidates = [envelope?.errorMessage, body.error_description, body.error, body.message];
	const reason = candidates.find((value) => typeof value === 'string' && value.trim() !== '') as string | undefined;
	return reason?.slice(0, 200);
}
