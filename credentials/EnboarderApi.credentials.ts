/** The Enboarder API key credential: the fields a user fills in, and the key sent as a header. */
import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { ENBOARDER_BASE_URL_PROPERTY, ENBOARDER_TEST_BASE_URL, enboarderRegionProperty } from '../shared/auth/enboarderCredentialFields';

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
		enboarderRegionProperty('api'),
		ENBOARDER_BASE_URL_PROPERTY,
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
			baseURL: ENBOARDER_TEST_BASE_URL,
			url: '/reports/workflows',
			method: 'GET',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'Enboarder refused the API key (401 Unauthorized): check that it is the current key and that the region matches your Enboarder account' } },
			{ type: 'responseCode', properties: { value: 403, message: 'Enboarder accepted the API key but it may not read workflow reports (403 Forbidden): ask your Enboarder administrator for API access' } },
		],
	};
}
