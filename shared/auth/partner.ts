import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normalizeUrl } from '../secureUrl';
import { clientCredentialsKey, type ClientCredentialsGrant } from './clientCredentials';

/** The Partner API credential's grant (seed 001): JSON body, no refresh. */
export function partnerGrant(credentials: ICredentialDataDecryptedObject): ClientCredentialsGrant {
	return {
		vendor: 'Partner API',
		tokenUrl: normalizeUrl(credentials.tokenUrl),
		clientId: String(credentials.clientId ?? ''),
		clientSecret: String(credentials.clientSecret ?? ''),
		style: 'json-body',
	};
}

export function partnerTokenKey(credentials: ICredentialDataDecryptedObject): string {
	return clientCredentialsKey(partnerGrant(credentials));
}
