import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Enboarder REST API key, sent as the `apikey` header on every request (Enboarder seed document).
 * The base URL follows the account's region; "Custom URL" points the nodes at another host, such as
 * the project's sandbox.
 */
export class EnboarderApi implements ICredentialType {
	name = 'enboarderApi';

	displayName = 'Enboarder API Key API';

	icon: Icon = { light: 'file:../nodes/Enboarder/enboarder.svg', dark: 'file:../nodes/Enboarder/enboarder.dark.svg' };

	documentationUrl = 'https://github.com/token-connectors/n8n-nodes-token-connectors#enboarder-credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'au',
			description: 'The Enboarder region your account lives in; it decides the API host',
			options: [
				{ name: 'Australia (Sydney)', value: 'au', description: 'api.syd.e1.enboarder.com' },
				{ name: 'Canada', value: 'ca', description: 'api.can.e1.enboarder.com' },
				{ name: 'Custom URL', value: 'custom', description: 'Another host, such as the local sandbox' },
				{ name: 'Europe (Frankfurt)', value: 'eu', description: 'api.fra.e1.enboarder.com' },
				{ name: 'United States (Oregon)', value: 'us', description: 'api.ore.e1.enboarder.com' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.syd.e1.enboarder.com',
			description: 'The API host, without a path. Must use HTTPS (loopback addresses excepted).',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"From Enboarder's Settings → Integration → Our Extensions, with the REST API turned on for the account",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				apikey: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.region === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : "https://api." + ({ au: "syd", eu: "fra", us: "ore", ca: "can" })[$credentials.region] + ".e1.enboarder.com"}}',
			url: '/reports/workflows',
			method: 'GET',
		},
	};
}
