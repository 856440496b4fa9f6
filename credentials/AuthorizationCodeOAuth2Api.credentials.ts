/** The OAuth2 authorization-code credential: n8n's own oAuth2Api flow, pointed at the vendor's consent screen. */
import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * OAuth2 authorization code for third-party applications (seed 003): built on n8n's own
 * `oAuth2Api`, so n8n runs the consent screen ("Connect my account"), stores the access and
 * refresh tokens, sends `Authorization: Bearer`, and refreshes the token when it expires.
 * Works from n8n's HTTP Request node ("Predefined Credential Type").
 */
export class AuthorizationCodeOAuth2Api implements ICredentialType {
	name = 'authorizationCodeOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Authorization Code OAuth2 API';

	icon: Icon = { light: 'file:icons/pat.svg', dark: 'file:icons/pat.dark.svg' };

	documentationUrl = 'https://github.com/token-connectors/n8n-nodes-token-connectors#oauth2-authorization-code-credentials';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.example.com/oauth/authorize',
			description: 'Where n8n sends you to grant access. Must use HTTPS (loopback addresses excepted).',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.example.com/oauth/token',
			description: 'Where n8n exchanges the code, and later the refresh token, for an access token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			description: 'Space-separated scopes to ask for; ask only for what the workflows need',
		},
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'header',
			description: 'How the client ID and secret are sent to the token URL',
			options: [
				{ name: 'Basic Auth Header', value: 'header' },
				{ name: 'In the Request Body', value: 'body' },
			],
		},
	];
}
