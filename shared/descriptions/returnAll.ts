/** The Return All and Limit fields, as n8n's own nodes offer them. */
import type { INodeProperties } from 'n8n-workflow';

/** "Return All" and "Limit", as n8n's own nodes offer them, shown for the given operations. */
export function returnAllOrLimit(show: Record<string, string[]>, defaultLimit = 50): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: defaultLimit,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/**
 * The number of records an operation may return: Infinity with Return All, else Limit. A Limit
 * that is not a number (an expression giving text or nothing) is refused, naming the item, rather
 * than read as "no records".
 */
export function resultLimit(returnAll: boolean, limit: unknown, itemIndex = 0): number {
	if (returnAll) return Number.POSITIVE_INFINITY;
	const number = typeof limit === 'string' && limit.trim() !== '' ? Number(limit) : limit;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw new Error(`Item ${itemIndex + 1}: Limit must be a number such as 50 (got ${JSON.stringify(limit) ?? String(limit)})`);
	}
	return Math.max(1, Math.floor(number));
}
