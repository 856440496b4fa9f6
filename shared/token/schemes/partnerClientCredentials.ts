/** The Partner API's token scheme (seed 001): client credentials in a JSON body, a JWT sent as `Authorization: Bearer`, no refresh. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normalizeUrl } from '../../secureUrl';
import { clientCredentialsScheme, type ClientCredentialsGrant } from '../clientCredentials';

/** The Partner API credential's grant. */
export function partnerGrant(credentials: ICredentialDataDecryptedObject): ClientCredentialsGrant {
	return {
		vendor: 'Partner API',
		tokenUrl: normalizeUrl(credentials.tokenUrl),
		clientId: String(credentials.clientId ?? ''),
		clientSecret: String(credentials.clientSecret ?? ''),
		style: 'json-body',
	};
}

export const partnerClientCredentials = clientCredentialsScheme({
	credentialType: 'partnerApi',
	vendor: 'Partner API',
	grant: partnerGrant,
	header: (token) => `Bearer ${token}`,
});
