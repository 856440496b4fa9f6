/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import type { IncomingHttpHeaders } from 'node:http';

import type { Ledger } from '../ledger';
import type { Reply } from '../http';
import type { TokenStore } from '../tokens';
import type { RequestEntry, Vendor } from '../types';

/** A request as a vendor module sees it: the path is relative to the vendor's prefix. */
export interface VendorRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** The ledger entry; the vendor module records auth and grant on it. */
	entry: RequestEntry;
	/** Reads the whole body (once; later calls return the same buffer). */
	body(): Promise<Buffer>;
}

/** Why the server, not the route, answers a request. */
export type GeneralError = 'bad-request' | 'not-found' | 'rate-limited' | 'server-error' | 'unavailable';

/** One mounted path prefix. */
export interface VendorMount {
	vendor: Vendor;
	isTokenRequest(method: string, path: string): boolean;
	handle(request: VendorRequest): Promise<Reply>;
	/** The vendor's own error shape for answers the server gives (rate limit, faults, bad bodies, 404). */
	generalError(kind: GeneralError, status: number, message?: string): unknown;
	/** The vendor's refusal of an access token, sent with `status` (for the `unauthorized` fault). */
	refuseToken?(status: number): Reply;
}

/** What every vendor module is built from. */
export interface SandboxServices {
	ledger: Ledger;
	tokens: TokenStore;
	seed: number;
}
