/** The hidden fields where every token credential of this package keeps its token, read and written. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { TokenSet } from './tokenSet';

/**
 * Every token credential of this package keeps its token in the same hidden fields:
 * `accessToken` (n8n's expirable field), `refreshToken` and `tokenRenewAt`.
 */
export function heldToken(credentials: ICredentialDataDecryptedObject): Partial<TokenSet> {
	return {
		accessToken: typeof credentials.accessToken === 'string' ? credentials.accessToken : '',
		renewAt: Number(credentials.tokenRenewAt ?? 0),
		refreshToken: typeof credentials.refreshToken === 'string' && credentials.refreshToken !== '' ? credentials.refreshToken : undefined,
	};
}

/** What a token credential's preAuthentication returns; n8n persists it into those hidden fields. */
export interface TokenFields {
	accessToken: string;
	refreshToken: string;
	tokenRenewAt: number;
	[key: string]: string | number;
}

export function tokenFields(token: TokenSet): TokenFields {
	return { accessToken: token.accessToken, refreshToken: token.refreshToken ?? '', tokenRenewAt: token.renewAt };
}

/**
 * The credential with `token` in its token fields — or with an empty token when there is none to send,
 * so that n8n runs preAuthentication (the renewal) before the request. The refresh token held stays.
 */
export function withToken(credentials: ICredentialDataDecryptedObject, token: TokenSet | undefined): ICredentialDataDecryptedObject {
	return {
		...credentials,
		accessToken: token?.accessToken ?? '',
		tokenRenewAt: token?.renewAt ?? 0,
		refreshToken: token?.refreshToken ?? credentials.refreshToken ?? '',
	};
}
