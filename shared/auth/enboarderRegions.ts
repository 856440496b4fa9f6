/** Enboarder's published API hosts, by region (API-CONTRACTS.md section 1). */
export const ENBOARDER_REGIONS = {
	au: { name: 'Australia (Sydney)', apiBaseUrl: 'https://api.syd.e1.enboarder.com', tokenUrl: 'https://auth.syd.e1.enboarder.com/oauth2/token' },
	eu: { name: 'Europe (Frankfurt)', apiBaseUrl: 'https://api.fra.e1.enboarder.com', tokenUrl: 'https://auth.fra.e1.enboarder.com/oauth2/token' },
	us: { name: 'United States (Oregon)', apiBaseUrl: 'https://api.ore.e1.enboarder.com', tokenUrl: 'https://auth.ore.e1.enboarder.com/oauth2/token' },
	// Enboarder publishes no OAuth2 token URL for Canada.
	ca: { name: 'Canada', apiBaseUrl: 'https://api.can.e1.enboarder.com', tokenUrl: undefined },
} as const;

export type EnboarderRegion = keyof typeof ENBOARDER_REGIONS | 'custom';

export function enboarderApiBaseUrl(region: string, customBaseUrl: unknown): string {
	if (region === 'custom') return String(customBaseUrl ?? '').replace(/\/+$/, '');
	const known = ENBOARDER_REGIONS[region as keyof typeof ENBOARDER_REGIONS];
	if (!known) throw new Error(`Unknown Enboarder region "${region}"`);
	return known.apiBaseUrl;
}
