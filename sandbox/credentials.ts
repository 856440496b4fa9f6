/** The sandbox's fixed demo credentials: safe to print, useless anywhere else. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
export const DEMO_CREDENTIALS = {
	enboarder: {
		apiKey: 'sandbox-enboarder-api-key',
		clientId: 'sandbox-enboarder-client',
		clientSecret: 'sandbox-enboarder-secret',
		scopes: ['api/workflow.basic', 'api/workflow.advance', 'api/settings.all'],
		/** A client allowed only `api/workflow.basic`, to exercise missing-scope answers. */
		limitedClientId: 'sandbox-enboarder-basic-client',
		limitedClientSecret: 'sandbox-enboarder-basic-secret',
	},
	partner: {
		/** Scopes bookings:create, bookings:read, bookings:delete. */
		clientId: 'sandbox-partner-client',
		clientSecret: 'sandbox-partner-secret',
		/** Scope bookings:read only. */
		readOnlyClientId: 'sandbox-partner-readonly',
		readOnlyClientSecret: 'sandbox-partner-readonly-secret',
	},
	enkash: {
		oauthClientId: 'enkash-client',
		oauthClientSecret: 'enkash-secret',
		username: 'demo@enkash.example',
		password: 'Sandbox@123',
		companyClientId: 'CEKFOWV7UQ',
	},
	pat: {
		personalAccessToken: 'sandbox-pat-0123456789abcdef',
		oauthClientId: 'sandbox-oauth-client',
		oauthClientSecret: 'sandbox-oauth-secret',
	},
} as const;

export type DemoCredentials = typeof DEMO_CREDENTIALS;
