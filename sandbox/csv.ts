/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */

export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
	for (; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/** Rows as objects keyed by the header row; `line` is the 1-based data row number (header excluded). */
export function csvRecords(text: string): { header: string[]; rows: Array<{ line: number; values: Record<string, string> }> } {
	const [header = [], ...data] = parseCsv(text);
	const names = header.map((name) => name.trim());
	return {
		header: names,
		rows: data.map((cells, index) => {
			const values: Record<string, string> = {};
			names.forEach((name, column) => {
				const cell = cells[column];
				if (name && cell !== undefined && cell.trim() !== '') values[name] = cell.trim();
			});
			return { line: index + 1, values };
		}),
	};
}

export function toCsv(header: string[], rows: Array<Array<string | number | boolean | null | undefined>>): string {
	const cell = (value: string | number | boolean | null | undefined): string => {
		const text = value === null || value === undefined ? '' : String(value);
		return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return [header, ...rows].map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}
