/** The personal access token credential: the fields a user fills in, and the token sent as a Bearer header. */
import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * A long-lived Personal Access Token (seed 003, "direct system integration"), sent as
 * `Authorization: Bearer`. Works from n8n's HTTP Request node ("Predefined Credential Type").
 */
export class PersonalAccessTokenApi implements ICredentialType {
	name = 'personalAccessTokenApi';

	displayName = 'Personal Access Token API';

	icon: Icon = { light: 'file:icons/pat.svg', dark: 'file:icons/pat.dark.svg' };

	documentationUrl = 'https://github.com/token-connectors/n8n-nodes-token-connectors#personal-access-token-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.example.com',
			description: 'The API host the token belongs to; the Test button calls GET /api/me there',
		},
		{
			displayName: 'Personal Access Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Treat it like a password: it acts as you',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/me',
			method: 'GET',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'The API refused the personal access token (401 Unauthorized): it may be wrong, expired or revoked' } },
			{ type: 'responseCode', properties: { value: 403, message: 'The personal access token may not read /api/me (403 Forbidden): check its scopes' } },
		],
	};
}
