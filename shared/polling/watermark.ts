/** What is new since the last poll, for records that carry a creation time. */
/**
 * "What is new since the last poll" for records that carry a creation time: the poll remembers the
 * latest creation time it has seen (the watermark) and the IDs seen at exactly that time, asks the
 * vendor for records created at or after the watermark, and emits those it has not seen. Records
 * created in the same second as the watermark are neither lost nor emitted twice.
 */
export interface Watermark {
	/** The latest creation time seen, in the vendor's sortable format (e.g. `yyyy-MM-dd HH:mm:ss`). */
	at: string;
	/** The IDs of the records created at exactly `at`. */
	ids: string[];
}

export function newSinceWatermark<T>(
	records: T[],
	watermark: Watermark | undefined,
	createdAt: (record: T) => string,
	idOf: (record: T) => string,
): { fresh: T[]; next: Watermark | undefined } {
	const seenAtMark = new Set(watermark?.ids ?? []);
	const fresh = records.filter((record) => {
		if (!watermark) return true;
		const at = createdAt(record);
		return at > watermark.at || (at === watermark.at && !seenAtMark.has(idOf(record)));
	});
	return { fresh, next: advance(watermark, records, createdAt, idOf) };
}

/** The watermark after seeing `records`: their latest creation time and every ID at that time. */
export function advance<T>(watermark: Watermark | undefined, records: T[], createdAt: (record: T) => string, idOf: (record: T) => string): Watermark | undefined {
	let next = watermark ? { at: watermark.at, ids: [...watermark.ids] } : undefined;
	for (const record of records) {
		const at = createdAt(record);
		if (!at) continue;
		if (!next || at > next.at) next = { at, ids: [idOf(record)] };
		else if (at === next.at && !next.ids.includes(idOf(record))) next.ids.push(idOf(record));
	}
	return next;
}

/**
 * Membership that changes between polls (e.g. "overdue"): the records in `current` that were not
 * in the previous set, and the set to remember. A record that leaves and later re-enters is new again.
 */
export function enteredSet<T>(current: T[], previous: string[] | undefined, idOf: (record: T) => string): { entered: T[]; next: string[] } {
	const before = new Set(previous ?? []);
	return { entered: current.filter((record) => !before.has(idOf(record))), next: current.map(idOf) };
}

/**
 * Rows appended to a list since the last poll (Enboarder's report rows come in a fixed order, new
 * rows at the end). The state is the ID of the last row seen and how many rows there were: new rows
 * are those after that row; if that row is gone, those beyond the previous count.
 */
export interface RowMark {
	lastId: string | null;
	count: number;
}

export function rowsAfter<T>(rows: T[], mark: RowMark | undefined, idOf: (row: T) => string): { fresh: T[]; next: RowMark } {
	const next: RowMark = { lastId: rows.length ? idOf(rows[rows.length - 1]) : (mark?.lastId ?? null), count: rows.length };
	if (!mark) return { fresh: rows, next };
	const position = mark.lastId === null ? -1 : rows.findIndex((row) => idOf(row) === mark.lastId);
	const fresh = position >= 0 ? rows.slice(position + 1) : mark.lastId === null ? rows : rows.slice(mark.count);
	return { fresh, next };
}
