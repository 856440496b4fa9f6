/** One page of an offset/limit search (Enkash's Spring-style `{content, totalElements, offset, limit}`). */
export interface OffsetPage<T> {
	content: T[];
	totalElements?: number;
}

/**
 * Reads pages until `max` records (Limit, or Infinity for Return All) or the end of the results.
 * Never asks for more than is still wanted, so Limit 1,234 with pages of 500 asks 500, 500, 234.
 */
export async function collectOffsetPages<T>(
	fetchPage: (offset: number, limit: number) => Promise<OffsetPage<T>>,
	options: { max: number; pageSize: number },
): Promise<T[]> {
	const records: T[] = [];
	const pageSize = Math.max(1, Math.floor(options.pageSize));
	let offset = 0;
	while (records.length < options.max) {
		const limit = Math.min(pageSize, options.max - records.length);
		const page = await fetchPage(offset, limit);
		const content = Array.isArray(page.content) ? page.content : [];
		records.push(...content);
		offset += content.length;
		const total = typeof page.totalElements === 'number' ? page.totalElements : undefined;
		if (content.length < limit || (total !== undefined && offset >= total)) break;
	}
	return records.slice(0, options.max);
}

/** One page of a cursor-paged list (Enboarder's reports: `{count, items, nextKey?}`). */
export interface CursorPage<T> {
	items: T[];
	nextKey?: string;
}

/**
 * Follows `nextKey` until `max` records (Limit, or Infinity for Return All) or the last page. The
 * server sets the page size, so Limit only stops the reading early: no page is asked for once
 * enough records have come.
 */
export async function collectCursorPages<T>(fetchPage: (nextKey: string | undefined) => Promise<CursorPage<T>>, options: { max: number }): Promise<T[]> {
	const records: T[] = [];
	let nextKey: string | undefined;
	do {
		const page = await fetchPage(nextKey);
		records.push(...(Array.isArray(page.items) ? page.items : []));
		nextKey = typeof page.nextKey === 'string' && page.nextKey !== '' ? page.nextKey : undefined;
	} while (nextKey !== undefined && records.length < options.max);
	return records.slice(0, options.max);
}
