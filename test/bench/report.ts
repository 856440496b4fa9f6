/** Tables for the terminal and for BENCHMARKS.md, and the hand-written SVG bar chart of scenario 1. */

export interface Table {
	title: string;
	headers: string[];
	/** Columns whose cells are right-aligned (numbers). */
	numeric?: number[];
	rows: string[][];
	notes?: string[];
}

export interface TargetCheck {
	target: string;
	measured: string;
	met: boolean;
}

export function formatNumber(value: number, digits = 0): string {
	if (!Number.isFinite(value)) return '–';
	return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatSeconds(ms: number): string {
	return `${formatNumber(ms / 1000, ms < 10_000 ? 2 : 1)} s`;
}

export function formatBytes(bytes: number): string {
	return `${formatNumber(bytes / (1024 * 1024), 1)} MiB`;
}

export function formatRatio(ratio: number): string {
	return `${formatNumber(ratio, ratio < 10 ? 2 : 1)}×`;
}

/** A table as aligned plain text. */
export function tableText(table: Table): string {
	const widths = table.headers.map((header, column) => Math.max(header.length, ...table.rows.map((row) => (row[column] ?? '').length)));
	const line = (cells: string[]) =>
		cells.map((cell, column) => (table.numeric?.includes(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
	const out = [table.title, line(table.headers), widths.map((width) => '-'.repeat(width)).join('  '), ...table.rows.map(line)];
	for (const note of table.notes ?? []) out.push(`  ${note}`);
	return out.join('\n');
}

const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');

/** A table as GitHub Markdown (without its title). */
export function tableMarkdown(table: Table): string {
	const align = table.headers.map((_, column) => (table.numeric?.includes(column) ? '---:' : '---'));
	return [
		`| ${table.headers.map(escapeCell).join(' | ')} |`,
		`| ${align.join(' | ')} |`,
		...table.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
	].join('\n');
}

export function targetsTable(checks: TargetCheck[]): Table {
	return {
		title: 'Targets',
		headers: ['Target', 'Measured', 'Result'],
		rows: checks.map((check) => [check.target, check.measured, check.met ? 'met' : 'MISSED']),
	};
}

export interface Bar {
	label: string;
	value: number;
	kind: 'ours' | 'bulk' | 'n8n' | 'bare';
}

const BAR_COLOURS: Record<Bar['kind'], string> = { ours: '#1f7a8c', bulk: '#2a9d3f', n8n: '#e07a1f', bare: '#8a8f98' };
const KIND_NAMES: Record<Bar['kind'], string> = { ours: 'Our node, per item', bulk: 'Our node, bulk mode', n8n: "n8n's HTTP Request node", bare: 'Bare HTTP client' };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A horizontal bar chart (one bar per leg), scaled to the largest value; plain SVG 1.1, no fonts to load. */
export function barChartSvg(title: string, subtitle: string, unit: string, bars: Bar[]): string {
	// The label column fits the longest label (about 7 px a character at 12 px).
	const labelWidth = Math.max(330, 24 + Math.ceil(Math.max(...bars.map((bar) => bar.label.length)) * 7));
	const valueWidth = 110;
	const barArea = 360;
	const width = labelWidth + barArea + valueWidth + 20;
	const rowHeight = 26;
	const top = 64;
	const legendHeight = 30;
	const height = top + bars.length * rowHeight + legendHeight + 16;
	const max = Math.max(...bars.map((bar) => bar.value), 1);
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`,
		`<text x="16" y="26" font-size="17" font-weight="bold" fill="#1b1f24">${escapeXml(title)}</text>`,
		`<text x="16" y="46" font-size="12" fill="#57606a">${escapeXml(subtitle)}</text>`,
	];
	bars.forEach((bar, index) => {
		const y = top + index * rowHeight;
		const length = Math.max(1, Math.round((bar.value / max) * barArea));
		out.push(
			`<text x="${labelWidth - 8}" y="${y + 16}" font-size="12" text-anchor="end" fill="#1b1f24">${escapeXml(bar.label)}</text>`,
			`<rect x="${labelWidth}" y="${y + 4}" width="${length}" height="${rowHeight - 8}" rx="2" fill="${BAR_COLOURS[bar.kind]}"/>`,
			`<text x="${labelWidth + length + 6}" y="${y + 16}" font-size="12" fill="#1b1f24">${escapeXml(`${formatNumber(bar.value, bar.value < 100 ? 1 : 0)} ${unit}`)}</text>`,
		);
	});
	const legendY = top + bars.length * rowHeight + 20;
	let x = 16;
	for (const kind of Object.keys(BAR_COLOURS) as Array<Bar['kind']>) {
		if (!bars.some((bar) => bar.kind === kind)) continue;
		out.push(`<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${BAR_COLOURS[kind]}"/>`, `<text x="${x + 18}" y="${legendY}" font-size="12" fill="#1b1f24">${escapeXml(KIND_NAMES[kind])}</text>`);
		x += 28 + KIND_NAMES[kind].length * 7;
	}
	out.push('</svg>');
	return `${out.join('\n')}\n`;
}
