/** Enboarder's OAuth2 token scheme (seed 000): client credentials (form, HTTP Basic) from the region's token URL, sent as `Authorization: <token>`. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ENBOARDER_REGIONS } from '../../auth/enboarderRegions';
import { normalizeUrl } from '../../secureUrl';
import { clientCredentialsScheme, type ClientCredentialsGrant } from '../clientCredentials';
import { TokenRequestError } from '../tokenRequest';

/** The Enboarder OAuth2 credential's client-credentials grant; Canada has no published token URL. */
export function enboarderGrant(credentials: ICredentialDataDecryptedObject): ClientCredentialsGrant {
	const region = String(credentials.region ?? 'au');
	let tokenUrl: string | undefined;
	if (region === 'custom') tokenUrl = normalizeUrl(credentials.tokenUrl);
	else tokenUrl = ENBOARDER_REGIONS[region as keyof typeof ENBOARDER_REGIONS]?.tokenUrl;
	if (!tokenUrl) {
		throw new TokenRequestError(
			'Enboarder publishes no OAuth2 token URL for the Canada region. Use the Enboarder API Key credential for Canada, or choose "Custom URL" and enter the token URL Enboarder gave you.',
			0,
			true,
		);
	}
	const scopes = Array.isArray(credentials.scopes) ? (credentials.scopes as string[]) : String(credentials.scopes ?? '').split(/[\s,]+/);
	return {
		vendor: 'Enboarder',
		tokenUrl,
		clientId: String(credentials.clientId ?? ''),
		clientSecret: String(credentials.clientSecret ?? ''),
		scope: scopes.filter(Boolean).join(' '),
		style: 'form-basic',
	};
}

export const enboarderOAuth2 = clientCredentialsScheme({
	credentialType: 'enboarderOAuth2Api',
	vendor: 'Enboarder',
	grant: enboarderGrant,
	// Without a "Bearer" prefix, exactly as Enboarder's sample header shows.
	header: (token) => token,
});
