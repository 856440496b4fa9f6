import { randomBytes } from 'node:crypto';

import { DEMO_CREDENTIALS } from '../credentials';
import { basicCredentials, bearerToken, json, mediaType, parseForm, parseJson } from '../http';
import type { Reply } from '../http';
import { isPlainObject } from '../validate';
import type { GeneralError, SandboxServices, VendorMount, VendorRequest } from './vendor';

export const PAT_USER = { id: 'usr_sandbox_demo', name: 'Sandbox Demo User', email: 'demo@pat.example' } as const;
export const PAT_CODE_LIFETIME_SECONDS = 600;
export const PAT_REFRESH_LIFETIME_SECONDS = 30 * 86_400;
export const PAT_DEFAULT_SCOPE = 'read';

interface AuthorizationCode {
	clientId: string;
	redirectUri: string;
	scope: string;
	expiresAt: number;
	used: boolean;
}

/**
 * Personal-access-token API: a never-expiring PAT, or OAuth2 authorization code (auto-consented)
 * with refresh. Refresh tokens rotate: each refresh returns a new one and retires the old.
 */
export class PatSandbox implements VendorMount {
	readonly vendor = 'pat' as const;
	private readonly codes = new Map<string, AuthorizationCode>();

	constructor(private readonly services: SandboxServices) {}

	reset(): void {
		this.codes.clear();
	}

	isTokenRequest(method: string, path: string): boolean {
		return method === 'POST' && path === '/oauth/token';
	}

	generalError(kind: GeneralError, _status: number, message?: string): unknown {
		if (kind === 'bad-request') return { error: 'invalid_request', error_description: message ?? 'Malformed request body' };
		if (kind === 'not-found') return { error: 'not_found' };
		const fallback = { 'rate-limited': 'Too Many Requests', 'server-error': 'Internal Server Error', unavailable: 'Service Unavailable' };
		return { message: message ?? fallback[kind] };
	}

	async handle(request: VendorRequest): Promise<Reply> {
		const { method, path } = request;
		if (method === 'GET' && path === '/oauth/authorize') return this.authorizeEndpoint(request);
		if (this.isTokenRequest(method, path)) return this.token(request);
		if (method === 'GET' && path === '/api/me') return this.me(request);
		return json(404, { error: 'not_found' });
	}

	private authorizeEndpoint(request: VendorRequest): Reply {
		const query = request.query;
		const clientId = query.get('client_id');
		const redirectUri = query.get('redirect_uri');
		if (clientId !== DEMO_CREDENTIALS.pat.oauthClientId) {
			request.entry.auth = clientId ? 'invalid' : 'missing';
			return json(400, { error: 'invalid_client', error_description: 'Unknown client_id' });
		}
		if (!redirectUri || !/^https?:\/\/[^\s]+$/i.test(redirectUri)) {
			return json(400, { error: 'invalid_request', error_description: 'redirect_uri must be an absolute http(s) URL' });
		}
		request.entry.auth = 'ok';
		const target = new URL(redirectUri);
		const state = query.get('state');
		if (query.get('response_type') !== 'code') {
			target.searchParams.set('error', 'unsupported_response_type');
		} else {
			const code = randomBytes(20).toString('base64url');
			this.codes.set(code, {
				clientId,
				redirectUri,
				scope: query.get('scope') || PAT_DEFAULT_SCOPE,
				expiresAt: Date.now() + PAT_CODE_LIFETIME_SECONDS * 1000,
				used: false,
			});
			target.searchParams.set('code', code);
		}
		if (state !== null) target.searchParams.set('state', state);
		return { status: 302, headers: { Location: target.toString() } };
	}

	private async token(request: VendorRequest): Promise<Reply> {
		const type = mediaType(request.headers);
		const raw = await request.body();
		let params: Record<string, unknown>;
		if (type === 'application/json') {
			const body = parseJson(raw);
			if (!isPlainObject(body)) return json(400, { error: 'invalid_request', error_description: 'The body must be a JSON object' });
			params = body;
		} else if (type === 'application/x-www-form-urlencoded') {
			params = parseForm(raw);
		} else {
			return json(400, { error: 'invalid_request', error_description: 'Send form-urlencoded or JSON' });
		}
		const grant = params.grant_type;
		if (grant === 'authorization_code' || grant === 'refresh_token') request.entry.grant = grant;

		const basic = basicCredentials(request.headers);
		const clientId = basic?.user ?? (typeof params.client_id === 'string' ? params.client_id : undefined);
		const clientSecret = basic?.password ?? (typeof params.client_secret === 'string' ? params.client_secret : undefined);
		if (!clientId || clientSecret === undefined) {
			request.entry.auth = 'missing';
			return oauthError(401, 'invalid_client', 'Client authentication failed');
		}
		if (clientId !== DEMO_CREDENTIALS.pat.oauthClientId || clientSecret !== DEMO_CREDENTIALS.pat.oauthClientSecret) {
			request.entry.auth = 'invalid';
			return oauthError(401, 'invalid_client', 'Client authentication failed');
		}
		if (grant === 'authorization_code') return this.codeGrant(request, params, clientId);
		if (grant === 'refresh_token') return this.refreshGrant(request, params, clientId);
		request.entry.auth = 'ok';
		return oauthError(400, 'unsupported_grant_type', 'Supported grants: authorization_code, refresh_token');
	}

	private codeGrant(request: VendorRequest, params: Record<string, unknown>, clientId: string): Reply {
		const code = typeof params.code === 'string' ? this.codes.get(params.code) : undefined;
		if (typeof params.code !== 'string' || params.code === '') {
			request.entry.auth = 'missing';
			return oauthError(400, 'invalid_request', 'code is required');
		}
		if (!code || code.used || code.clientId !== clientId || Date.now() >= code.expiresAt) {
			request.entry.auth = code && Date.now() >= code.expiresAt ? 'expired' : 'invalid';
			if (code) code.used = true;
			return oauthError(400, 'invalid_grant', 'The authorization code is invalid, expired or already used');
		}
		code.used = true;
		if (params.redirect_uri !== code.redirectUri) {
			request.entry.auth = 'invalid';
			return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
		}
		request.entry.auth = 'ok';
		return this.issue(clientId, code.scope);
	}

	private refreshGrant(request: VendorRequest, params: Record<string, unknown>, clientId: string): Reply {
		if (typeof params.refresh_token !== 'string' || params.refresh_token === '') {
			request.entry.auth = 'missing';
			return oauthError(400, 'invalid_request', 'refresh_token is required');
		}
		const check = this.services.tokens.check(params.refresh_token, 'pat', 'refresh');
		if (check.auth !== 'ok' || check.token.clientId !== clientId) {
			request.entry.auth = check.auth === 'ok' ? 'invalid' : check.auth;
			return oauthError(400, 'invalid_grant', 'The refresh token is invalid, expired or revoked');
		}
		request.entry.auth = 'ok';
		const requested = typeof params.scope === 'string' && params.scope !== '' ? params.scope : undefined;
		if (requested && requested.split(/\s+/).some((scope) => !check.token.scopes.includes(scope))) {
			return oauthError(400, 'invalid_scope', 'The requested scope exceeds the original grant');
		}
		this.services.tokens.revokeOne(params.refresh_token);
		return this.issue(clientId, requested ?? check.token.scopes.join(' '));
	}

	private issue(clientId: string, scope: string): Reply {
		const tokens = this.services.tokens;
		const scopes = scope.split(/\s+/).filter(Boolean);
		const details = { vendor: 'pat' as const, clientId, scopes, subject: PAT_USER.id };
		const { accessToken, expiresIn } = tokens.issueAccess(details);
		const refreshToken = tokens.issue({ ...details, kind: 'refresh' }, PAT_REFRESH_LIFETIME_SECONDS);
		return json(
			200,
			{ access_token: accessToken, token_type: 'Bearer', ...(expiresIn.stated ? { expires_in: expiresIn.value } : {}), refresh_token: refreshToken, scope: scopes.join(' ') },
			{ 'Cache-Control': 'no-store', Pragma: 'no-cache' },
		);
	}

	private me(request: VendorRequest): Reply {
		const token = bearerToken(request.headers);
		if (!token) {
			request.entry.auth = request.headers.authorization ? 'invalid' : 'missing';
			return unauthorized('Bearer token required');
		}
		if (token === DEMO_CREDENTIALS.pat.personalAccessToken) {
			request.entry.auth = 'ok';
			return json(200, { ...PAT_USER, authenticatedBy: 'pat' });
		}
		const check = this.services.tokens.check(token, 'pat', 'access');
		request.entry.auth = check.auth;
		if (check.auth !== 'ok') {
			const descriptions = { invalid: 'The access token is invalid', expired: 'The access token expired', revoked: 'The access token was revoked' };
			return unauthorized(descriptions[check.auth]);
		}
		return json(200, { ...PAT_USER, authenticatedBy: 'oauth2' });
	}
}

function oauthError(status: number, error: string, description: string): Reply {
	return json(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}

function unauthorized(description: string): Reply {
	return json(401, { error: 'invalid_token', error_description: description }, {
		'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
	});
}
