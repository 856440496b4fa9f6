/** The Enboarder OAuth2 credential: the fields a user fills in; its token lifecycle is its token scheme's. */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { ENBOARDER_BASE_URL_PROPERTY, ENBOARDER_TEST_BASE_URL, enboarderRegionProperty } from '../shared/auth/enboarderCredentialFields';
import { enboarderOAuth2 as scheme } from '../shared/token/schemes/enboarderOAuth2';

/**
 * Enboarder's OAuth2 client-credentials flow (seed 000): a token from the region's token URL, valid
 * one hour, sent as `Authorization: <token>` — without a "Bearer" prefix, exactly as Enboarder's
 * sample header shows. Renewed on its own before it expires.
 */
export class EnboarderOAuth2Api implements ICredentialType {
	name = 'enboarderOAuth2Api';

	displayName = 'Enboarder OAuth2 API';

	icon: Icon = { light: 'file:../nodes/Enboarder/enboarder.svg', dark: 'file:../nodes/Enboarder/enboarder.dark.svg' };

	documentationUrl = 'https://github.com/token-connectors/n8n-nodes-token-connectors#enboarder-credentials';

	properties: INodeProperties[] = [
		enboarderRegionProperty('oauth2'),
		{
			displayName: 'Enboarder publishes no OAuth2 token URL for Canada: use the Enboarder API Key credential, or Custom URL with the token URL Enboarder gave you',
			name: 'canadaNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { region: ['ca'] } },
		},
		ENBOARDER_BASE_URL_PROPERTY,
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://auth.syd.e1.enboarder.com/oauth2/token',
			description: 'Where tokens are requested. Must use HTTPS (loopback addresses excepted).',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: "From Enboarder's Settings → Integration → Our Extensions → Activate OAuth2",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown once, beside the client ID, when OAuth2 is activated in Enboarder. Sent only to the token URL.',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'multiOptions',
			default: ['api/workflow.basic', 'api/workflow.advance', 'api/settings.all'],
			description: 'What the token may do. Launching advanced workflows needs api/workflow.advance; profiles need api/settings.all.',
			options: [
				{ name: 'Profiles and Settings (api/settings.all)', value: 'api/settings.all' },
				{ name: 'Workflows, Advanced (api/workflow.advance)', value: 'api/workflow.advance' },
				{ name: 'Workflows, Basic (api/workflow.basic)', value: 'api/workflow.basic' },
			],
		},
		...scheme.persists,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await scheme.obtain(this.helpers, credentials);
	}

	// Renewed first when due, like every token credential (shared/token/credentialFields.ts).
	authenticate = scheme.apply;

	test: ICredentialTestRequest = {
		request: {
			baseURL: ENBOARDER_TEST_BASE_URL,
			url: '/reports/workflows',
			method: 'GET',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'Enboarder refused the access token (401 Unauthorized): check the client ID, client secret and region' } },
			{ type: 'responseCode', properties: { value: 403, message: 'Enboarder issued a token that may not read workflow reports (403 Forbidden): add the api/workflow.basic scope' } },
		],
	};
}
