import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

import { DEMO_CREDENTIALS } from '../credentials';
import { bearerToken, json, mediaType, parseJson } from '../http';
import type { Reply } from '../http';
import { Router } from '../router';
import type { Params } from '../router';
import { isEmail, isNonEmptyString, isPlainObject } from '../validate';
import type { GeneralError, SandboxServices, VendorMount, VendorRequest } from './vendor';

export const PARTNER_SCOPES = { create: 'bookings:create', read: 'bookings:read', delete: 'bookings:delete' } as const;

interface PartnerClient {
	secret: string;
	scopes: string[];
	/** Stable ids the JWT carries, like the real API's. */
	userId: string;
	partnerId: string;
}

const CLIENTS: Record<string, PartnerClient> = {
	[DEMO_CREDENTIALS.partner.clientId]: {
		secret: DEMO_CREDENTIALS.partner.clientSecret,
		scopes: [PARTNER_SCOPES.create, PARTNER_SCOPES.read, PARTNER_SCOPES.delete],
		userId: '842902db-54e5-4614-b348-002e8ce5da12',
		partnerId: 'f31120ee-b5cb-41c4-9529-288d02e91cd6',
	},
	[DEMO_CREDENTIALS.partner.readOnlyClientId]: {
		secret: DEMO_CREDENTIALS.partner.readOnlyClientSecret,
		scopes: [PARTNER_SCOPES.read],
		userId: '1d7c9a55-2f0e-4f7b-9d0e-6a3c1b2e4f10',
		partnerId: 'f31120ee-b5cb-41c4-9529-288d02e91cd6',
	},
};

export interface PartnerBooking {
	id: string;
	status: 'confirmed' | 'cancelled';
	customer_name: string;
	customer_email: string;
	starts_at: string;
	party_size: number;
	notes: string | null;
	external_reference: string | null;
	created_at: string;
}

export interface PartnerJwtClaims {
	aud: string;
	jti: string;
	iat: number;
	nbf: number;
	exp: number;
	sub: string;
	scopes: string[];
	user_id: string;
	partner_id: string;
	is_test: boolean;
}

type Route = (request: VendorRequest, params: Params) => Promise<Reply>;

/** Partner API: client-credentials tokens that are real HS256 JWTs, and a small bookings resource. */
export class PartnerSandbox implements VendorMount {
	readonly vendor = 'partner' as const;
	readonly bookings = new Map<string, PartnerBooking>();
	/** The sandbox's own signing key; tokens from another sandbox (or an earlier run) never verify. */
	private readonly signingKey = randomBytes(32);
	private readonly router = new Router<Route>();

	constructor(private readonly services: SandboxServices) {
		this.router
			.add('POST', '/api/bookings', (q) => this.createBooking(q))
			.add('GET', '/api/bookings/:id', async (q, p) => this.getBooking(q, p.id))
			.add('DELETE', '/api/bookings/:id', async (q, p) => this.deleteBooking(q, p.id));
	}

	reset(): void {
		this.bookings.clear();
	}

	isTokenRequest(method: string, path: string): boolean {
		return method === 'POST' && path === '/api/oauth/token';
	}

	generalError(kind: GeneralError, _status: number, message?: string): unknown {
		const fallback: Record<GeneralError, string> = {
			'bad-request': 'The request body is not valid JSON.',
			'not-found': 'Not Found',
			'rate-limited': 'Too Many Requests',
			'server-error': 'Server Error',
			unavailable: 'Service Unavailable',
		};
		return { message: message ?? fallback[kind] };
	}

	async handle(request: VendorRequest): Promise<Reply> {
		if (this.isTokenRequest(request.method, request.path)) return this.token(request);
		const found = this.router.match(request.method, request.path);
		if (!found) return json(404, { message: 'Not Found' });
		return found.handler(request, found.params);
	}

	/** Verifies a JWT this sandbox signed; `undefined` when the signature or shape is wrong. */
	verifyJwt(token: string): PartnerJwtClaims | undefined {
		const parts = token.split('.');
		if (parts.length !== 3) return undefined;
		const expected = this.sign(`${parts[0]}.${parts[1]}`);
		const given = Buffer.from(parts[2]);
		if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) return undefined;
		try {
			return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as PartnerJwtClaims;
		} catch {
			return undefined;
		}
	}

	private sign(input: string): string {
		return createHmac('sha256', this.signingKey).update(input).digest('base64url');
	}

	private async token(request: VendorRequest): Promise<Reply> {
		if (mediaType(request.headers) !== 'application/json') {
			return json(415, { message: 'Unsupported Media Type: send Content-Type: application/json' });
		}
		const body = parseJson(await request.body());
		if (!isPlainObject(body)) return json(400, { error: 'invalid_request', error_description: 'The request body must be a JSON object.', message: 'The request body must be a JSON object.' });
		if (body.grant_type === 'client_credentials') request.entry.grant = 'client_credentials';
		const clientId = typeof body.client_id === 'string' ? body.client_id : '';
		const client = CLIENTS[clientId];
		if (!client || body.client_secret !== client.secret) {
			request.entry.auth = clientId === '' ? 'missing' : 'invalid';
			return json(401, { error: 'invalid_client', error_description: 'Client authentication failed', message: 'Client authentication failed' });
		}
		request.entry.auth = 'ok';
		if (body.grant_type !== 'client_credentials') {
			return json(400, {
				error: 'unsupported_grant_type',
				error_description: 'The authorization grant type is not supported by the authorization server.',
				message: 'The authorization grant type is not supported by the authorization server.',
			});
		}
		// A JWT whose exp is the token's real expiry (or an opaque token), and expires_in as configured.
		const { accessToken, expiresIn } = this.services.tokens.issueAccess({ vendor: 'partner', clientId, scopes: client.scopes }, ({ issuedAt, expiresAt }) => {
			const claims: PartnerJwtClaims = {
				aud: clientId,
				jti: randomBytes(40).toString('hex'),
				iat: issuedAt / 1000,
				nbf: issuedAt / 1000,
				exp: expiresAt / 1000,
				sub: '',
				scopes: client.scopes,
				user_id: client.userId,
				partner_id: client.partnerId,
				is_test: true,
			};
			const header = Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'HS256' })).toString('base64url');
			const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
			return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
		});
		return json(200, { token_type: 'Bearer', ...(expiresIn.stated ? { expires_in: expiresIn.value } : {}), access_token: accessToken });
	}

	/** Bearer JWT: signature, then the sandbox's own record (expiry, revocation), then the scope. */
	private authorize(request: VendorRequest, scope: string): Reply | undefined {
		const token = bearerToken(request.headers);
		if (!token) {
			request.entry.auth = request.headers.authorization ? 'invalid' : 'missing';
			return json(401, { message: 'Unauthenticated.' });
		}
		// A JWT must bear this sandbox's signature; an opaque token (setTokenResponse) is known by its record alone.
		const claims = this.verifyJwt(token);
		const jwtShaped = token.split('.').length === 3;
		const check = claims || !jwtShaped ? this.services.tokens.check(token, 'partner', 'access') : { auth: 'invalid' as const };
		if (check.auth !== 'ok') {
			request.entry.auth = check.auth;
			return json(401, { message: 'Unauthenticated.' });
		}
		if (!(claims?.scopes ?? check.token.scopes).includes(scope)) {
			request.entry.auth = 'forbidden';
			return json(403, { message: `Forbidden: missing scope ${scope}` });
		}
		request.entry.auth = 'ok';
		return undefined;
	}

	private async createBooking(request: VendorRequest): Promise<Reply> {
		const denied = this.authorize(request, PARTNER_SCOPES.create);
		if (denied) return denied;
		const body = parseJson(await request.body());
		const input = isPlainObject(body) ? body : {};
		const errors: Record<string, string[]> = {};
		const add = (field: string, message: string): void => {
			(errors[field] ??= []).push(message);
		};
		if (!isNonEmptyString(input.customer_name)) add('customer_name', 'The customer name field is required.');
		else if (input.customer_name.length > 255) add('customer_name', 'The customer name must not be greater than 255 characters.');
		if (!isNonEmptyString(input.customer_email)) add('customer_email', 'The customer email field is required.');
		else if (!isEmail(input.customer_email)) add('customer_email', 'The customer email must be a valid email address.');
		if (!isNonEmptyString(input.starts_at)) add('starts_at', 'The starts at field is required.');
		else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(input.starts_at) || Number.isNaN(Date.parse(input.starts_at))) {
			add('starts_at', 'The starts at must be a valid ISO 8601 date-time.');
		}
		if (input.party_size === undefined) add('party_size', 'The party size field is required.');
		else if (!Number.isInteger(input.party_size) || (input.party_size as number) < 1 || (input.party_size as number) > 50) {
			add('party_size', 'The party size must be an integer between 1 and 50.');
		}
		if (input.notes !== undefined && input.notes !== null && typeof input.notes !== 'string') add('notes', 'The notes must be a string.');
		if (input.external_reference !== undefined && input.external_reference !== null && typeof input.external_reference !== 'string') {
			add('external_reference', 'The external reference must be a string.');
		}
		const fields = Object.keys(errors);
		if (fields.length > 0) {
			const first = errors[fields[0]][0];
			const more = fields.reduce((count, field) => count + errors[field].length, 0) - 1;
			return json(422, { message: more > 0 ? `${first} (and ${more} more error${more > 1 ? 's' : ''})` : first, errors });
		}
		const booking: PartnerBooking = {
			id: randomUUID(),
			status: 'confirmed',
			customer_name: input.customer_name as string,
			customer_email: input.customer_email as string,
			starts_at: input.starts_at as string,
			party_size: input.party_size as number,
			notes: (input.notes as string | null | undefined) ?? null,
			external_reference: (input.external_reference as string | null | undefined) ?? null,
			created_at: new Date().toISOString(),
		};
		this.bookings.set(booking.id, booking);
		this.services.ledger.addRecord('partner', 'booking', booking.id, booking.external_reference ?? undefined);
		return json(201, booking);
	}

	private getBooking(request: VendorRequest, id: string): Reply {
		const denied = this.authorize(request, PARTNER_SCOPES.read);
		if (denied) return denied;
		const booking = this.bookings.get(id);
		return booking ? json(200, booking) : json(404, { message: 'Booking not found.' });
	}

	private deleteBooking(request: VendorRequest, id: string): Reply {
		const denied = this.authorize(request, PARTNER_SCOPES.delete);
		if (denied) return denied;
		if (!this.bookings.delete(id)) return json(404, { message: 'Booking not found.' });
		return { status: 204 };
	}
}
