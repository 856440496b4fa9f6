/** One CSV cell: quoted when it holds a comma, quote, or line break (RFC 4180). */
function cell(value: unknown): string {
	if (value === undefined || value === null) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file with a header row of `columns` and one line per record (missing fields left empty). */
export function toCsv(columns: string[], records: Array<Record<string, unknown>>): string {
	const lines = [columns.map(cell).join(',')];
	for (const record of records) lines.push(columns.map((column) => cell(record[column])).join(','));
	return `${lines.join('\r\n')}\r\n`;
}
