/** Checks shared by the vendor modules. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar date written `YYYY-MM-DD`. */
export function isDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real date-time written `yyyy-MM-dd HH:mm:ss`. */
export function isDateTime(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = DATE_TIME.exec(value);
	if (!match || !isDate(value.slice(0, 10))) return false;
	return Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6]) < 60;
}

export function isEmail(value: unknown): value is string {
	return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}

export function isNonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
