import type {
	ConcurrencyLimitConfig,
	EnkashAccountState,
	EnkashTokenCasing,
	FaultRule,
	LedgerSnapshot,
	OpenRequests,
	RateLimitConfig,
	RevokeOptions,
	SandboxControlApi,
	SandboxStats,
	SeededInvoices,
	TokenResponseForm,
	TriggerRule,
	TriggerState,
	Vendor,
} from './types';
import { CONTROL_PREFIX } from './urls';
import type { VendorBaseUrls } from './urls';

export interface SandboxHealth {
	status: 'ok';
	seed: number;
	vendors: VendorBaseUrls;
}

/** The sandbox's control API over HTTP, for tests and benchmarks in another process. */
export class SandboxClient implements SandboxControlApi {
	private readonly base: string;

	/** `url` is the sandbox's root URL, e.g. `http://127.0.0.1:5680`. */
	constructor(url: string) {
		this.base = `${url.replace(/\/+$/, '')}${CONTROL_PREFIX}`;
	}

	async health(): Promise<SandboxHealth> {
		return this.call('GET', '/health');
	}

	async reset(): Promise<void> {
		await this.call('POST', '/reset');
	}

	async setTokenLifetime(vendor: Vendor, seconds: number): Promise<void> {
		await this.call('PUT', '/token-lifetime', { vendor, seconds });
	}

	async setTokenResponse(vendor: Vendor, form: TokenResponseForm): Promise<void> {
		await this.call('PUT', '/token-response', { ...form, vendor });
	}

	async revokeTokens(vendor?: Vendor, options: RevokeOptions = {}): Promise<{ revoked: number }> {
		return this.call('POST', '/revoke', { vendor, refreshTokens: options.refreshTokens === true });
	}

	async expireTokens(vendor?: Vendor): Promise<{ expired: number }> {
		return this.call('POST', '/expire', { vendor });
	}

	async addTrigger(rule: TriggerRule): Promise<TriggerState> {
		return this.call('POST', '/triggers', rule);
	}

	async triggers(): Promise<TriggerState[]> {
		return this.call('GET', '/triggers');
	}

	async clearTriggers(): Promise<void> {
		await this.call('DELETE', '/triggers');
	}

	async setRateLimit(config: RateLimitConfig | null): Promise<void> {
		await this.call('PUT', '/rate-limit', config);
	}

	async setConcurrencyLimit(config: ConcurrencyLimitConfig | null): Promise<void> {
		if (config === null) await this.call('DELETE', '/concurrency-limit');
		else await this.call('PUT', '/concurrency-limit', config);
	}

	async openRequests(): Promise<OpenRequests> {
		return this.call('GET', '/open-requests');
	}

	async setFaults(rules: FaultRule[]): Promise<void> {
		await this.call('PUT', '/faults', { rules });
	}

	async clearFaults(): Promise<void> {
		await this.call('DELETE', '/faults');
	}

	async setLatency(ms: number): Promise<void> {
		await this.call('PUT', '/latency', { ms });
	}

	async ledger(sinceSeq?: number): Promise<LedgerSnapshot> {
		return this.call('GET', `/ledger?since=${encodeURIComponent(String(sinceSeq ?? 0))}`);
	}

	async stats(): Promise<SandboxStats> {
		return this.call('GET', '/stats');
	}

	async unlockEnkash(): Promise<void> {
		await this.call('POST', '/enkash/unlock');
	}

	async enkashAccount(): Promise<EnkashAccountState> {
		return this.call('GET', '/enkash/account');
	}

	async setEnkashTokenCasing(casing: EnkashTokenCasing): Promise<void> {
		await this.call('PUT', '/enkash/token-casing', { casing });
	}

	async setEnkashExpiryInBody(status: number | null = 200): Promise<void> {
		if (status === null) await this.call('DELETE', '/enkash/expiry-in-body');
		else await this.call('PUT', '/enkash/expiry-in-body', { status });
	}

	async seedEnkashInvoices(count: number): Promise<SeededInvoices> {
		return this.call('POST', '/enkash/seed-invoices', { count });
	}

	async seedEnboarderReportRows(reportId: string, count: number): Promise<void> {
		await this.call('POST', '/enboarder/report-rows', { reportId, count });
	}

	private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.base}${path}`, {
			method,
			headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const parsed = text ? (JSON.parse(text) as unknown) : undefined;
		if (!response.ok) {
			const message = (parsed as { error?: string } | undefined)?.error ?? `HTTP ${response.status}`;
			throw new Error(`Sandbox control ${method} ${path} failed: ${message}`);
		}
		return parsed as T;
	}
}
