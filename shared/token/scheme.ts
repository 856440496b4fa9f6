/** What every token credential's lifecycle must say about itself: the one interface the request layer knows. */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { isKind } from '../errorKinds';
import { recordingThrown } from './thrownCause';
import { TokenRequestError } from './tokenRequest';

/**
 * One token scheme: how one credential type obtains, renews and sends its token. Each lives in a file
 * of its own under `schemes/`, is listed once in `schemes/index.ts`, and its credential file delegates
 * to it (`properties` include `persists`, `preAuthentication` is `obtain`, `authenticate` is `apply`).
 * The request layer (`shared/transport/authenticatedRequest.ts`) finds it by credential type and
 * knows nothing else about it.
 */
export interface TokenScheme {
	/** The credential type it serves (`ICredentialType.name`). */
	readonly credentialType: string;

	/** The vendor's name, for messages. */
	readonly vendor: string;

	/**
	 * The hidden fields the credential declares, into which n8n persists what `obtain` returns: at least
	 * `TOKEN_FIELDS` (the token, its refresh token, its renewal time).
	 */
	readonly persists: readonly INodeProperties[];

	/**
	 * The token identity: a fingerprint of everything the token request sends. Tokens are cached,
	 * renewed and refused per identity, so changing any of it (a corrected secret) starts afresh. May
	 * throw, before anything is sent, for a credential that cannot obtain a token (no token URL).
	 */
	identity(credentials: ICredentialDataDecryptedObject): string;

	/**
	 * The credential's `preAuthentication`: a usable token — the one this process already renewed, or
	 * a new one from the token endpoint — as the fields n8n persists into the credential. n8n calls it
	 * when the stored token is empty (first use, or our request layer asking for an early renewal) or
	 * after a 401, when the credential still holds the refused token.
	 */
	obtain(helpers: IHttpRequestHelper['helpers'], credentials: ICredentialDataDecryptedObject): Promise<IDataObject>;

	/**
	 * How a failed token request is read: the refusal when the token endpoint answered and said no (a
	 * wrong secret, a revoked refresh token), which `obtain` acts on; undefined for a failure that says
	 * nothing about the credential (unreachable, busy), which is reported as it is and never remembered.
	 */
	refusal(error: unknown): TokenRequestError | undefined;

	/** The credential's `authenticate`: the stored token applied to a request, unless it is due for renewal. */
	apply(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions>;

	/**
	 * Present when a renewal may end in a password login, which a vendor's lockout makes precious: the
	 * n8n processes sharing the credential then take turns to send it (`loginTurn.ts`), and a refused
	 * login is remembered in the credential (`loginRefusal.ts`) and never sent again. `obtain` must then
	 * honour the login claim (`loginClaim.ts`) and `apply` must stop a call made only to persist it.
	 */
	readonly passwordLogin?: {
		/** Everything the login sends, to match a remembered refusal against: a change to any of it allows one new login. */
		secrets(credentials: ICredentialDataDecryptedObject): unknown[];
	};
}

/**
 * The usual reading of a failed token request: refused when the endpoint answered with a 4xx other than
 * 429 (`TokenRequestError.rejected`, set by `requestToken`), not when it was unreachable or busy.
 */
export function refusedByServer(error: unknown): TokenRequestError | undefined {
	return isKind(error, TokenRequestError) && error.rejected ? error : undefined;
}

/** A scheme whose renewal may end in a password login. */
export type PasswordLoginScheme = TokenScheme & Required<Pick<TokenScheme, 'passwordLogin'>>;

export function hasPasswordLogin(scheme: TokenScheme): scheme is PasswordLoginScheme {
	return scheme.passwordLogin !== undefined;
}

/**
 * A scheme as the package uses it: what its `obtain` and `apply` throw is recorded against the
 * credentials n8n hands them, so the request layer gets it back on n8n releases whose NodeApiError
 * drops it (`thrownCause.ts`). Every scheme is made with this.
 */
export function defineTokenScheme(scheme: TokenScheme): TokenScheme {
	return {
		...scheme,
		identity: rememberedPerObject(scheme.identity.bind(scheme)),
		obtain: recordingThrown(scheme.obtain.bind(scheme), ([, credentials]) => credentials),
		apply: recordingThrown(scheme.apply.bind(scheme), ([credentials]) => credentials),
	};
}

/**
 * A scheme's identity (a SHA-256 digest) is asked for every request, with the same credentials
 * object throughout a node run (`runCredentials`). It is remembered per object together with the
 * field values it was computed from, and computed afresh when any of them changed, so a mutated
 * object never gets a stale identity. An object with a field that is not a plain value (a list of
 * scopes, say) is not remembered. Only references to the object's own values are kept, tied to the
 * object's life: no secret is copied.
 */
function rememberedPerObject(identity: (credentials: ICredentialDataDecryptedObject) => string): (credentials: ICredentialDataDecryptedObject) => string {
	const known = new WeakMap<object, { values: unknown[]; identity: string }>();
	return (credentials) => {
		const values = plainValues(credentials);
		if (!values) return identity(credentials);
		const last = known.get(credentials);
		if (last && last.values.length === values.length && last.values.every((value, index) => value === values[index])) return last.identity;
		const computed = identity(credentials);
		known.set(credentials, { values, identity: computed });
		return computed;
	};
}

/** The object's own keys and values, in order, when every value is plain (text, number, true/false, empty). */
function plainValues(credentials: ICredentialDataDecryptedObject): unknown[] | undefined {
	const values: unknown[] = [];
	for (const key in credentials) {
		if (!Object.hasOwn(credentials, key)) continue;
		const value = credentials[key];
		if (value !== null && typeof value === 'object') return undefined;
		values.push(key, value);
	}
	return values;
}
