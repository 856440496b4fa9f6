/** The Enkash credential: the fields a user fills in; its token lifecycle is its token scheme's. */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { ENKASH_ENVIRONMENTS } from '../shared/auth/enkash';
import { enkashPasswordGrant as scheme } from '../shared/token/schemes/enkashPasswordGrant';

/**
 * Enkash Accounts Receivable: OAuth2 password grant (Basic client header, form body), access and
 * refresh tokens kept in hidden fields. Its token scheme, shared/token/schemes/enkashPasswordGrant.ts,
 * says how tokens are renewed and why a rejected login is never retried.
 */
export class EnkashApi implements ICredentialType {
	name = 'enkashApi';

	displayName = 'Enkash API';

	icon: Icon = { light: 'file:../nodes/Enkash/enkash.svg', dark: 'file:../nodes/Enkash/enkash.dark.svg' };

	documentationUrl = 'https://github.com/token-connectors/n8n-nodes-token-connectors#enkash-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'live',
			description: 'Which Enkash system to call',
			options: [
				{ name: 'Custom URL', value: 'custom', description: 'Another host, such as the local sandbox' },
				{ name: 'Live', value: 'live', description: ENKASH_ENVIRONMENTS.live.replace('https://', '') },
				{ name: 'UAT (Testing)', value: 'uat', description: ENKASH_ENVIRONMENTS.uat.replace('https://', '') },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: ENKASH_ENVIRONMENTS.live,
			description: 'The API host, without a path. Must use HTTPS (loopback addresses excepted).',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'OAuth Client ID',
			name: 'oauthClientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'enkash-client',
			description: 'The OAuth client Enkash gave you; sent with the secret as HTTP Basic authentication to the token endpoint',
		},
		{
			displayName: 'OAuth Client Secret',
			name: 'oauthClientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret that goes with the OAuth Client ID; sent only to the token endpoint',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@example.com',
			description: 'The e-mail address registered with Enkash',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Enkash locks the account after 3 failed logins, so a login Enkash rejects is never retried automatically: correct the password here to try again',
		},
		{
			displayName: 'Company Client ID',
			name: 'companyClientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'CEKFOWV7UQ',
			description: "Your company's Enkash client ID (CEK followed by 7 letters or digits)",
		},
		...scheme.persists,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await scheme.obtain(this.helpers, credentials);
	}

	authenticate = scheme.apply;

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				// The hosts come from ENKASH_ENVIRONMENTS, the one place they are written.
				`={{$credentials.environment === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : ($credentials.environment === "uat" ? "${ENKASH_ENVIRONMENTS.uat}" : "${ENKASH_ENVIRONMENTS.live}")}}`,
			url: '/api/v0/customer/search',
			method: 'POST',
			qs: { limit: 1 },
			body: {},
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'Enkash refused the access token (401 Unauthorized): check the OAuth client, username and password' } },
			{ type: 'responseCode', properties: { value: 403, message: 'Enkash signed you in but this user may not search customers (403 Forbidden): check the Company Client ID and the user\'s role' } },
		],
	};
}
