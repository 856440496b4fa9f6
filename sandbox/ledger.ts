import type {
	LedgerSnapshot,
	RecordEntry,
	RecordType,
	RequestEntry,
	SandboxStats,
	Vendor,
	VendorStats,
} from './types';
import { VENDORS } from './types';

/**
 * What the sandbox saw: every vendor request and every record those requests created, in one
 * sequence. Entries are appended in seq order, so "since" is a binary search, not a scan.
 */
export class Ledger {
	private seq = 0;
	private requests: RequestEntry[] = [];
	private records: RecordEntry[] = [];

	clear(): void {
		this.seq = 0;
		this.requests = [];
		this.records = [];
	}

	/** Opens the entry for a request; the server fills in status, auth and grant as it goes. */
	openRequest(vendor: Vendor, method: string, path: string, kind: RequestEntry['kind']): RequestEntry {
		const entry: RequestEntry = { seq: ++this.seq, at: Date.now(), vendor, method, path, status: 0, kind, auth: 'none' };
		this.requests.push(entry);
		return entry;
	}

	addRecord(vendor: Vendor, type: RecordType, id: string, externalId?: string): void {
		const entry: RecordEntry = { seq: ++this.seq, at: Date.now(), vendor, type, id };
		if (externalId !== undefined && externalId !== null && externalId !== '') entry.externalId = String(externalId);
		this.records.push(entry);
	}

	snapshot(sinceSeq = 0): LedgerSnapshot {
		return {
			requests: this.requests.slice(firstAfter(this.requests, sinceSeq)).map((entry) => ({ ...entry })),
			records: this.records.slice(firstAfter(this.records, sinceSeq)).map((entry) => ({ ...entry })),
		};
	}

	stats(): SandboxStats {
		const byVendor = {} as Record<Vendor, VendorStats>;
		for (const vendor of VENDORS) byVendor[vendor] = emptyStats();
		for (const entry of this.requests) {
			const stats = byVendor[entry.vendor];
			stats.requests++;
			if (entry.kind === 'token') stats.tokenRequests++;
			if (entry.status === 401) stats.status401++;
			else if (entry.status === 403) stats.status403++;
			else if (entry.status === 429) stats.status429++;
			if (entry.fault) stats.faultsInjected++;
		}
		for (const record of this.records) byVendor[record.vendor].recordsCreated++;
		const totals = emptyStats();
		for (const vendor of VENDORS) {
			for (const key of Object.keys(totals) as Array<keyof VendorStats>) totals[key] += byVendor[vendor][key];
		}
		return { ...byVendor, totals };
	}
}

function emptyStats(): VendorStats {
	return { requests: 0, tokenRequests: 0, status401: 0, status403: 0, status429: 0, faultsInjected: 0, recordsCreated: 0 };
}

function firstAfter(entries: Array<{ seq: number }>, sinceSeq: number): number {
	let low = 0;
	let high = entries.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (entries[mid].seq <= sinceSeq) low = mid + 1;
		else high = mid;
	}
	return low;
}
