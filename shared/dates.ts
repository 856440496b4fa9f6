/** Date field values to the strings the vendors expect, in an explicit time zone. */
import { DateTime, Info } from 'luxon';

import { brand } from './errorKinds';

/**
 * Turns what users put in a date field into the strings the vendors expect: `YYYY-MM-DD` dates
 * and Enkash's `yyyy-MM-dd HH:mm:ss` filters, both in the workflow's time zone.
 *
 * Nothing here reads the server's clock zone, locale or luxon's global `Settings` (n8n sets
 * `Settings.defaultZone` per workflow): every luxon call gets the zone explicitly and output is
 * built from numbers, because `toFormat` follows the default locale (Thai gives Buddhist years,
 * Arabic gives Arabic-Indic digits).
 */

export type DateInput = unknown;

export class DateValueError extends Error {
	static readonly kind: string = 'DateValueError';

	constructor(
		readonly field: string,
		readonly received: unknown,
		message: string,
	) {
		super(message);
		this.name = 'DateValueError';
		brand(this, DateValueError.kind);
	}
}

const DATE_EXAMPLE = 'a date such as 2026-12-01';
const DATE_TIME_EXAMPLE = 'a date or date-time such as 2026-12-01 or 2026-12-01T09:30:00';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Stricter than luxon's fromISO, which also takes '2026', '2026-12', week and ordinal dates, and
// 'T24:00' (the next day): each would silently send a date the user did not write.
const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})[T ]((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Calendar date as YYYY-MM-DD in `zone` (IANA name; '' or undefined → 'UTC'); undefined for empty input. */
export function toApiDate(value: DateInput, zone: string | undefined, field: string): string | undefined {
	const parsed = parse(value, checkZone(zone), field, DATE_EXAMPLE);
	if (parsed === undefined) return undefined;
	return typeof parsed === 'string' ? parsed : calendarDate(parsed);
}

/** Date-time as 'yyyy-MM-dd HH:mm:ss' in `zone` (Enkash filters). A plain YYYY-MM-DD means the start of that day, or its end (23:59:59) when `endOfDay` is true. */
export function toApiDateTime(
	value: DateInput,
	zone: string | undefined,
	field: string,
	options: { endOfDay?: boolean } = {},
): string | undefined {
	const parsed = parse(value, checkZone(zone), field, DATE_TIME_EXAMPLE);
	if (parsed === undefined) return undefined;
	// A plain date stays a wall-clock day: no instant exists to convert, and the vendor reads the
	// filter as wall time too. Inputs with a time keep their own time, even with `endOfDay`.
	if (typeof parsed === 'string') return `${parsed} ${options.endOfDay ? '23:59:59' : '00:00:00'}`;
	return `${calendarDate(parsed)} ${[parsed.hour, parsed.minute, parsed.second].map(pad2).join(':')}`;
}

/**
 * "Today" as YYYY-MM-DD in the zone (for "overdue" checks). `now` defaults to luxon's clock, which
 * follows `Settings.now` (how tests move the clock across midnight).
 */
export function todayIn(zone: string | undefined, now?: Date): string {
	const instant = now ? DateTime.fromJSDate(now) : DateTime.now();
	return calendarDate(instant.setZone(checkZone(zone)));
}

/**
 * Zone names already found valid. luxon checks a name by building an Intl.DateTimeFormat (about
 * 56 µs); with one date per item that was most of a 10,000-item bulk upload's time.
 */
const validZones = new Set<string>();

/** The zone to work in; 'local'/'system' and offsets are refused because they depend on the server. */
function checkZone(zone: string | undefined): string {
	const name = (zone ?? '').trim() || 'UTC';
	if (validZones.has(name)) return name;
	if (!Info.isValidIANAZone(name)) {
		throw new DateValueError('Time Zone', zone, `Time Zone must be an IANA time zone name such as Asia/Kolkata (got ${describe(zone)})`);
	}
	validZones.add(name);
	return name;
}

/**
 * A plain date comes back as its YYYY-MM-DD string (a calendar day, never moved through a zone);
 * anything with a time comes back as a DateTime in `zone`; empty input as undefined.
 */
function parse(value: DateInput, zone: string, field: string, expected: string): string | DateTime | undefined {
	const fail = (): never => {
		throw new DateValueError(field, value, `${field} must be ${expected} (got ${describe(value)})`);
	};

	if (value === undefined || value === null) return undefined;

	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return undefined;
		const plain = PLAIN_DATE.exec(text);
		if (plain) return checkCalendarDate(plain[0], field, value);
		const dateTime = DATE_TIME.exec(text);
		if (!dateTime) return fail();
		checkCalendarDate(dateTime[1], field, value);
		// Without an offset the time is wall time in `zone`; with one it is an instant, shown in `zone`.
		return validOrFail(DateTime.fromISO(`${dateTime[1]}T${dateTime[2]}`, { zone }), fail);
	}

	if (isDate(value)) {
		return Number.isNaN(value.getTime()) ? fail() : DateTime.fromJSDate(value, { zone });
	}

	if (isDateTimeLike(value)) {
		// Go through the ISO text rather than calling methods on the object: it may come from
		// another copy of luxon (n8n's expression engine), whose DateTime is not ours.
		const iso = value.isValid === false ? null : value.toISO();
		return typeof iso === 'string' ? validOrFail(DateTime.fromISO(iso, { zone }), fail) : fail();
	}

	return fail();
}

/** A Date from any realm: n8n's expression engine may hand over one made in its isolate. */
function isDate(value: unknown): value is Date {
	return Object.prototype.toString.call(value) === '[object Date]';
}

interface DateTimeLike {
	toISO(): unknown;
	isValid?: unknown;
}

function isDateTimeLike(value: unknown): value is DateTimeLike {
	if (DateTime.isDateTime(value)) return true;
	const candidate = value as { toISO?: unknown; zone?: unknown } | null;
	return typeof candidate === 'object' && candidate !== null && typeof candidate.toISO === 'function' && typeof candidate.zone === 'object';
}

function validOrFail(dateTime: DateTime, fail: () => never): DateTime {
	return dateTime.isValid ? dateTime : fail();
}

/** Refuses days the calendar does not have (2026-02-30, 2026-13-01) instead of rolling them over. */
function checkCalendarDate(date: string, field: string, received: unknown): string {
	const [year, month, day] = date.split('-').map(Number);
	let problem: string | undefined;
	if (month < 1 || month > 12) problem = `there is no month ${month}`;
	else if (day < 1) problem = 'there is no day 0';
	else if (day > daysInMonth(year, month)) problem = `${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
	if (problem) throw new DateValueError(field, received, `${field} must be a real calendar date (got ${describe(received)}: ${problem})`);
	return date;
}

function daysInMonth(year: number, month: number): number {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

// From the numbers rather than toFormat(), which follows the default locale and calendar.
function calendarDate(dateTime: DateTime): string {
	return `${String(dateTime.year).padStart(4, '0')}-${pad2(dateTime.month)}-${pad2(dateTime.day)}`;
}

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

/** How a received value is shown in an error message: short, and recognisable to the user. */
function describe(value: unknown): string {
	if (isDate(value)) return Number.isNaN(value.getTime()) ? 'an invalid Date' : value.toISOString();
	if (isDateTimeLike(value) && value.isValid === false) return 'an invalid DateTime';
	if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return `a ${typeof value}`;
	let text: string | undefined;
	try {
		text = JSON.stringify(value);
	} catch {
		text = undefined; // circular objects; the generic wording below is enough
	}
	if (text === undefined) return `a ${typeof value}`;
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
