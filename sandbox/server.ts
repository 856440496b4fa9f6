/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleControlRequest, SandboxControl } from './control';
import { FaultInjector, OpenRequestCounter, RateLimiter } from './faults';
import { BodyError, json, readBody, sleep, writeReply } from './http';
import type { Reply } from './http';
import { Ledger } from './ledger';
import { createRandom } from './random';
import { TokenStore } from './tokens';
import { TriggerBoard } from './triggers';
import type { Firing } from './triggers';
import { handleModelRequest } from './model';
import { CONTROL_PREFIX, MODEL_PREFIX, VENDOR_PREFIXES, vendorBaseUrls } from './urls';
import { EnboarderSandbox } from './vendors/enboarder';
import { EnkashSandbox } from './vendors/enkash';
import { PartnerSandbox } from './vendors/partner';
import { PatSandbox } from './vendors/pat';
import type { SandboxServices, VendorMount, VendorRequest } from './vendors/vendor';

export interface SandboxOptions {
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 0: a random free port. */
	port?: number;
	/** PRNG seed for demo data and fault decisions; default 42. */
	seed?: number;
}

export interface Sandbox {
	/** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
	url: string;
	port: number;
	control: SandboxControl;
	close(): Promise<void>;
}

export const DEFAULT_SEED = 42;

/**
 * The state behind one sandbox and the request pipeline every vendor request goes through:
 * triggers, then the concurrency limit (what is open at once), then latency, then rate limit, then
 * faults, then the vendor's route; each request in the ledger.
 */
export class SandboxCore {
	readonly ledger = new Ledger();
	readonly tokens = new TokenStore();
	readonly faults: FaultInjector;
	readonly rateLimiter = new RateLimiter();
	readonly openRequests = new OpenRequestCounter();
	readonly triggers = new TriggerBoard();
	latencyMs = 0;
	readonly enboarder: EnboarderSandbox;
	readonly partner: PartnerSandbox;
	readonly enkash: EnkashSandbox;
	readonly pat: PatSandbox;
	private readonly mounts: Array<{ prefix: string; mount: VendorMount }>;
	/** Chat requests the stand-in model has answered (its completion IDs). */
	private modelTurns = 0;

	constructor(readonly seed: number) {
		const services: SandboxServices = { ledger: this.ledger, tokens: this.tokens, seed };
		this.faults = new FaultInjector(createRandom(seed));
		this.enboarder = new EnboarderSandbox(services);
		this.partner = new PartnerSandbox(services);
		this.enkash = new EnkashSandbox(services);
		this.pat = new PatSandbox(services);
		this.mounts = [
			{ prefix: VENDOR_PREFIXES.enboarderAuth, mount: this.enboarder.auth },
			{ prefix: VENDOR_PREFIXES.enboarder, mount: this.enboarder.api },
			{ prefix: VENDOR_PREFIXES.partner, mount: this.partner },
			{ prefix: VENDOR_PREFIXES.enkash, mount: this.enkash },
			{ prefix: VENDOR_PREFIXES.pat, mount: this.pat },
		];
	}

	reset(): void {
		this.ledger.clear();
		this.tokens.reset();
		this.faults.clear();
		this.faults.reseed(createRandom(this.seed));
		this.rateLimiter.set(null);
		this.openRequests.reset();
		this.triggers.clear();
		this.latencyMs = 0;
		this.enboarder.reset();
		this.partner.reset();
		this.enkash.reset();
		this.pat.reset();
	}

	/** Does what a trigger fired for. */
	fire({ action, vendor }: Firing): void {
		switch (action) {
			case 'revoke':
				this.tokens.revoke(vendor, false);
				break;
			case 'revoke-with-refresh':
				this.tokens.revoke(vendor, true);
				break;
			case 'expire':
				this.tokens.expire(vendor);
				break;
			case 'clear-faults':
				this.faults.clear();
				break;
		}
	}

	async handle(req: IncomingMessage, res: ServerResponse, control: SandboxControl): Promise<void> {
		const rawUrl = req.url ?? '/';
		const queryAt = rawUrl.indexOf('?');
		const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
		const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
		const method = (req.method ?? 'GET').toUpperCase();

		if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
			await handleControlRequest(control, req, res, path.slice(CONTROL_PREFIX.length) || '/', query, this.seed);
			return;
		}
		if (path.startsWith(`${MODEL_PREFIX}/`)) {
			const body = method === 'POST' ? (await readBody(req)).toString('utf8') : '';
			writeReply(res, handleModelRequest(method, path.slice(MODEL_PREFIX.length), body, this.modelTurns++));
			return;
		}
		const mounted = this.mounts.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
		if (!mounted) {
			if (method === 'GET' && path === '/') {
				writeReply(res, json(200, { name: 'n8n-nodes-token-connectors sandbox', vendors: vendorBaseUrls(`http://${req.headers.host ?? 'localhost'}`) }));
			} else writeReply(res, json(404, { message: 'Not Found' }));
			return;
		}
		const { prefix, mount } = mounted;
		const vendorPath = path.slice(prefix.length) || '/';
		const entry = this.ledger.openRequest(mount.vendor, method, vendorPath, mount.isTokenRequest(method, vendorPath) ? 'token' : 'api');
		// Before anything can await: the request that fires a trigger already sees its effect.
		for (const firing of this.triggers.arrive(entry)) this.fire(firing);
		let bodyPromise: Promise<Buffer> | undefined;
		const request: VendorRequest = {
			method,
			path: vendorPath,
			query,
			headers: req.headers,
			entry,
			body: () => (bodyPromise ??= readBody(req)),
		};
		const send = (reply: Reply): void => {
			entry.status = reply.status;
			if (!res.destroyed) writeReply(res, reply);
		};
		const generalReply = (kind: Parameters<VendorMount['generalError']>[0], status: number, headers?: Record<string, string>): Reply =>
			json(status, mount.generalError(kind, status), headers);

		// What is open at once is counted (and limited) as the request arrives, before anything can await.
		const refusedAtOnce = this.openRequests.arrive(mount.vendor);
		if (refusedAtOnce !== undefined) {
			send(generalReply('rate-limited', 429, { 'Retry-After': String(refusedAtOnce) }));
			entry.endedAt = Date.now();
			return;
		}
		let dropAfter = false;
		try {
			if (this.latencyMs > 0) await sleep(this.latencyMs);
			const retryAfter = this.rateLimiter.check(mount.vendor);
			if (retryAfter !== undefined) {
				send(generalReply('rate-limited', 429, { 'Retry-After': String(retryAfter) }));
				return;
			}
			const fault = this.faults.decide(mount.vendor, method, vendorPath);
			if (fault) {
				entry.fault = fault.kind;
				const retryAfterHeader = { 'Retry-After': String(fault.retryAfterSeconds ?? 1) };
				switch (fault.kind) {
					case '429':
						send(generalReply('rate-limited', 429, retryAfterHeader));
						return;
					case '500':
						send(generalReply('server-error', 500));
						return;
					case '503':
						send(generalReply('unavailable', 503, retryAfterHeader));
						return;
					case 'drop':
						entry.status = 0;
						req.socket.destroy();
						return;
					case 'delay':
						await sleep(fault.delayMs ?? 1000);
						break;
					case 'drop-after':
						dropAfter = true;
						break;
					case 'unauthorized':
						// Validation allows this kind only on Enkash, which has refuseToken.
						send(mount.refuseToken?.(fault.status ?? 401) ?? generalReply('server-error', 500));
						return;
					case 'html':
						send({ status: 200, text: '<!doctype html><html><head><title>Sign in to the network</title></head><body><h1>Sign in to continue</h1></body></html>', headers: { 'Content-Type': 'text/html; charset=utf-8' } });
						return;
				}
			}
			const reply = await mount.handle(request);
			if (dropAfter) {
				entry.status = 0;
				req.socket.destroy();
				return;
			}
			send(reply);
		} catch (error) {
			if (dropAfter) {
				entry.status = 0;
				req.socket.destroy();
			} else if (error instanceof BodyError) {
				const status = error.kind === 'too-large' ? 413 : 400;
				send(json(status, mount.generalError('bad-request', status, error.message)));
			} else {
				// A bug in the sandbox, not a simulated fault: answer like the vendor would, and say so.
				console.error(`sandbox: ${method} ${path} failed:`, error);
				send(generalReply('server-error', 500));
			}
		} finally {
			entry.endedAt = Date.now();
			this.openRequests.leave(mount.vendor);
		}
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const core = new SandboxCore(options.seed ?? DEFAULT_SEED);
	const control = new SandboxControl(core);
	const server: Server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
		core.handle(req, res, control).catch(() => {
			if (!res.headersSent) writeReply(res, json(500, { message: 'Internal Server Error' }));
			else res.destroy();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	let closing: Promise<void> | undefined;
	return {
		url: `http://${urlHost}:${port}`,
		port,
		control,
		close: () =>
			(closing ??= new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			})),
	};
}
