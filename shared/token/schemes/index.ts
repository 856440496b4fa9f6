/** The one list of token schemes: a token credential is known to the request layer once it is registered here. */
import type { TokenScheme } from '../scheme';
import { enboarderOAuth2 } from './enboarderOAuth2';
import { enkashPasswordGrant } from './enkashPasswordGrant';
import { partnerClientCredentials } from './partnerClientCredentials';

/** Every token credential of the package, by scheme. Credentials not listed (API keys, n8n's own OAuth2) send what they store. */
export const TOKEN_SCHEMES: readonly TokenScheme[] = [enkashPasswordGrant, enboarderOAuth2, partnerClientCredentials];

const byType = new Map(TOKEN_SCHEMES.map((scheme) => [scheme.credentialType, scheme]));

/** The scheme of a credential type, or undefined when the credential holds no token this package renews. */
export function tokenScheme(credentialType: string): TokenScheme | undefined {
	return byType.get(credentialType);
}
