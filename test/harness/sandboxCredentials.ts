import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, vendorBaseUrls } from '../../sandbox';

/** The Enkash credential's fields for the sandbox's demo account (engine, e2e and browser tests alike). */
export function enkashCredentialData(sandboxUrl: string, overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	const demo = DEMO_CREDENTIALS.enkash;
	return {
		environment: 'custom',
		baseUrl: vendorBaseUrls(sandboxUrl).enkash,
		oauthClientId: demo.oauthClientId,
		oauthClientSecret: demo.oauthClientSecret,
		username: demo.username,
		password: demo.password,
		companyClientId: demo.companyClientId,
		...overrides,
	};
}
