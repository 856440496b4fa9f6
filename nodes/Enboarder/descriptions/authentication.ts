/** The Enboarder nodes' Authentication field and the credential each choice uses. */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The Enboarder node's and trigger's two credentials, each shown for its Authentication. */
export const enboarderCredentials: INodeCredentialDescription[] = [
	{ name: 'enboarderApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{ name: 'enboarderOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

/** API key (REST API v1) or OAuth2 client credentials (REST API v2); reports are the same for both. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey', description: 'The apikey header; REST API v1' },
		{ name: 'OAuth2 (Client Credentials)', value: 'oAuth2', description: 'A token renewed on its own; REST API v2' },
	],
	default: 'apiKey',
};
