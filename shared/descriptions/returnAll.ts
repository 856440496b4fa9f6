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

/** The number of records an operation may return: Infinity with Return All, else Limit. */
export function resultLimit(returnAll: boolean, limit: number): number {
	return returnAll ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(limit));
}
