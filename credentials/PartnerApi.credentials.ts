/** The Partner API credential: the fields a user fills in; its token lifecycle is its token scheme's. */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { partnerClientCredentials as scheme } from '../shared/token/schemes/partnerClientCredentials';

/**
 * The Partner API's client credentials (seed 001): `POST /api/oauth/token` with a JSON body, a JWT
 * sent as `Authorization: Bearer`. Tokens cannot be refreshed, so a new one is requested before
 * the old one expires. Works from n8n's HTTP Request node ("Predefined Credential Type").
 */
export class PartnerApi implements ICredentialType {
	name = 'partnerApi';

	displayName = 'Partner API';

	icon: Icon = { light: 'file:icons/partner.svg', dark: 'file:icons/partner.dark.svg' };

	documentationUrl = 'https://github.com/token-connectors/n8n-nodes-token-connectors#partner-api-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://partner.example.com/api/oauth/token',
			description: 'The full address of the token endpoint (…/api/oauth/token). Must use HTTPS (loopback addresses excepted).',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The unique client ID the partner programme gave you',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret that goes with the client ID; sent only to the token URL',
		},
		...scheme.persists,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await scheme.obtain(this.helpers, credentials);
	}

	authenticate = scheme.apply;

	// The token request itself is the test: it succeeds only with a valid client ID and secret.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{$credentials.tokenUrl}}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			body: {
				grant_type: 'client_credentials',
				client_id: '={{$credentials.clientId}}',
				client_secret: '={{$credentials.clientSecret}}',
			},
		},
		rules: [
			{ type: 'responseCode', properties: { value: 400, message: 'The token URL refused the request (400 Bad Request): check the client ID and secret' } },
			{ type: 'responseCode', properties: { value: 401, message: 'The token URL refused the client ID or secret (401 Unauthorized): check both, and that the client is still active' } },
			{ type: 'responseCode', properties: { value: 404, message: 'Nothing answers at the token URL (404 Not Found): it should end in /api/oauth/token' } },
		],
	};
}
