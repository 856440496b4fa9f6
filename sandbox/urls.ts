/** Path prefixes on the one sandbox port; a vendor's base URL is `${url}${prefix}`. */
export const VENDOR_PREFIXES = {
	enboarder: '/enboarder',
	enboarderAuth: '/enboarder-auth',
	partner: '/partner',
	enkash: '/enkash',
	pat: '/pat',
} as const;

export const CONTROL_PREFIX = '/__control';

/** The stand-in chat model (sandbox/model.ts); not a vendor: no ledger, no faults. */
export const MODEL_PREFIX = '/model';

export interface VendorBaseUrls {
	enboarder: string;
	enboarderTokenUrl: string;
	partner: string;
	partnerTokenUrl: string;
	enkash: string;
	pat: string;
	patAuthorizeUrl: string;
	patTokenUrl: string;
	/** The stand-in chat model (OpenAI Chat Completions) for the example agent workflow: an OpenAI credential's Base URL. */
	model: string;
}

/** Every vendor's base URL (and token URLs) on a sandbox listening at `url`. */
export function vendorBaseUrls(url: string): VendorBaseUrls {
	const root = url.replace(/\/+$/, '');
	return {
		enboarder: `${root}${VENDOR_PREFIXES.enboarder}`,
		enboarderTokenUrl: `${root}${VENDOR_PREFIXES.enboarderAuth}/oauth2/token`,
		partner: `${root}${VENDOR_PREFIXES.partner}`,
		partnerTokenUrl: `${root}${VENDOR_PREFIXES.partner}/api/oauth/token`,
		enkash: `${root}${VENDOR_PREFIXES.enkash}`,
		pat: `${root}${VENDOR_PREFIXES.pat}`,
		patAuthorizeUrl: `${root}${VENDOR_PREFIXES.pat}/oauth/authorize`,
		patTokenUrl: `${root}${VENDOR_PREFIXES.pat}/oauth/token`,
		model: `${root}${MODEL_PREFIX}/v1`,
	};
}
