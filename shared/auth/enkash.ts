/** Enkash's published hosts, and the one a credential leads to. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { normalizeUrl } from '../secureUrl';

/** Enkash's published hosts (API-CONTRACTS.md section 3). */
export const ENKASH_ENVIRONMENTS = {
	live: 'https://api.enkash.in',
	uat: 'https://ekpayout-uat.enkash.in',
} as const;

export function enkashBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'live');
	if (environment === 'custom') return normalizeUrl(credentials.baseUrl);
	return ENKASH_ENVIRONMENTS[environment as keyof typeof ENKASH_ENVIRONMENTS] ?? ENKASH_ENVIRONMENTS.live;
}
