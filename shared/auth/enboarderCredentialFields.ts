/** The Region and Base URL fields both Enboarder credentials share, and their Test button's base URL. */
import type { INodeProperties } from 'n8n-workflow';

import { ENBOARDER_REGIONS } from './enboarderRegions';

/** The Region field of both Enboarder credentials; each option names the host it leads to. */
export function enboarderRegionProperty(purpose: 'api' | 'oauth2'): INodeProperties {
	const regions = Object.entries(ENBOARDER_REGIONS).map(([value, region]) => ({
		name: region.name,
		value,
		description:
			purpose === 'api'
				? new URL(region.apiBaseUrl).host
				: region.tokenUrl
					? new URL(region.tokenUrl).host
					: `No OAuth2 token URL is published for ${region.name}`,
	}));
	return {
		displayName: 'Region',
		name: 'region',
		type: 'options',
		default: 'au',
		description:
			purpose === 'api'
				? 'The Enboarder region your account lives in; it decides the API host'
				: 'The Enboarder region your account lives in; it decides the API host and the token URL',
		options: [...regions, { name: 'Custom URL', value: 'custom', description: 'Another host, such as the local sandbox' }].sort((a, b) =>
			a.name.localeCompare(b.name),
		),
	};
}

export const ENBOARDER_BASE_URL_PROPERTY: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'https://api.syd.e1.enboarder.com',
	description: 'The API host, without a path. Must use HTTPS (loopback addresses excepted).',
	displayOptions: { show: { region: ['custom'] } },
};

/** The credential test's base URL: the same region table as the nodes, as an n8n expression. */
export const ENBOARDER_TEST_BASE_URL = `={{$credentials.region === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : (${JSON.stringify(
	Object.fromEntries(Object.entries(ENBOARDER_REGIONS).map(([key, region]) => [key, region.apiBaseUrl])),
)})[$credentials.region]}}`;
