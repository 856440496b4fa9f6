/**
 * The table of date cases shared by dates.test.ts and by the child processes it starts with a
 * different server `TZ`. Run directly (`node dateProbe.js`), it prints the table's results and
 * what the process believes its own time zone is, as one line of JSON.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { createRequire } from 'node:module';

import { DateTime } from 'luxon';

import { toApiDate, toApiDateTime, todayIn } from '../../../shared/dates';

export type Outcome = { value: string | null } | { error: string; field: string };

export interface DateCase {
	name: string;
	/** Builds the input; Dates and DateTimes are made inside each process, not shipped as JSON. */
	input: () => unknown;
	apply: (input: unknown) => string | undefined;
	expected: Outcome;
}

// A second copy of luxon, like the one n8n's expression engine hands over: same shape, other class.
const load = createRequire(__filename);
const luxonPath = load.resolve('luxon');
const ownLuxon = load.cache[luxonPath];
delete load.cache[luxonPath];
export const foreignLuxon = load('luxon') as typeof import('luxon');
if (ownLuxon) load.cache[luxonPath] = ownLuxon;

const KIRITIMATI = 'Pacific/Kiritimati'; // UTC+14
const PAGO_PAGO = 'Pacific/Pago_Pago'; // UTC-11
const KOLKATA = 'Asia/Kolkata'; // UTC+5:30
const LOS_ANGELES = 'America/Los_Angeles'; // UTC-8, UTC-7 from 2026-03-08 to 2026-11-01
const ALL_ZONES = [KIRITIMATI, PAGO_PAGO, KOLKATA, LOS_ANGELES, 'UTC'];

const ok = (value: string | undefined): Outcome => ({ value: value ?? null });
const fails = (field: string, error: string): Outcome => ({ error, field });

interface Made {
	label: string;
	make: () => unknown;
}
const made = (label: string, make: () => unknown): Made => ({ label, make });
const isMade = (input: unknown): input is Made => typeof input === 'object' && input !== null && 'make' in input;

function label(input: unknown): string {
	if (isMade(input)) return input.label;
	return input === undefined ? 'undefined' : JSON.stringify(input);
}
const zoneLabel = (zone: string | undefined) => zone || String(JSON.stringify(zone));
const build = (input: unknown) => () => (isMade(input) ? input.make() : input);

function date(input: unknown, zone: string | undefined, expected: Outcome): DateCase {
	return { name: `toApiDate(${label(input)}, ${zoneLabel(zone)})`, input: build(input), apply: (v) => toApiDate(v, zone, 'Due Date'), expected };
}

function dateTime(input: unknown, zone: string | undefined, expected: Outcome, endOfDay?: boolean): DateCase {
	return {
		name: `toApiDateTime(${label(input)}, ${zoneLabel(zone)}${endOfDay === undefined ? '' : `, endOfDay ${endOfDay}`})`,
		input: build(input),
		apply: (v) => toApiDateTime(v, zone, 'Created After', endOfDay === undefined ? undefined : { endOfDay }),
		expected,
	};
}

function today(instant: string, zone: string, expected: string): DateCase {
	return { name: `todayIn(${zone}) at ${instant}`, input: () => new Date(instant), apply: (v) => todayIn(zone, v as Date), expected: ok(expected) };
}

const badDate = (received: string, problem: string) => fails('Due Date', `Due Date must be a real calendar date (got ${received}: ${problem})`);
const notADate = (received: string) => fails('Due Date', `Due Date must be a date such as 2026-12-01 (got ${received})`);
const notADateTime = (received: string) =>
	fails('Created After', `Created After must be a date or date-time such as 2026-12-01 or 2026-12-01T09:30:00 (got ${received})`);

export const DATE_CASES: DateCase[] = [
	// A plain date is a calendar date in every zone.
	...ALL_ZONES.map((zone) => date('2026-12-01', zone, ok('2026-12-01'))),
	date(' 2026-12-01 ', KOLKATA, ok('2026-12-01')),
	date('2028-02-29', PAGO_PAGO, ok('2028-02-29')),
	date('2026-12-01', '', ok('2026-12-01')),
	date('2026-12-01', undefined, ok('2026-12-01')),

	// An instant lands on the day it is in the workflow zone.
	date('2026-12-01T23:30:00Z', KOLKATA, ok('2026-12-02')),
	date('2026-12-01T23:30:00Z', LOS_ANGELES, ok('2026-12-01')),
	date('2026-12-01T23:30:00Z', 'UTC', ok('2026-12-01')),
	date('2026-12-01T23:30:00Z', '', ok('2026-12-01')),
	date('2026-12-01T10:30:00Z', KIRITIMATI, ok('2026-12-02')),
	date('2026-12-01T10:30:00Z', PAGO_PAGO, ok('2026-11-30')),
	// What {{ $now.toISO() }} produces, in and out of its own zone.
	date('2026-12-01T23:30:00.000+05:30', KOLKATA, ok('2026-12-01')),
	date('2026-12-01T23:30:00.000+05:30', LOS_ANGELES, ok('2026-12-01')),
	date('2026-12-01T23:30:00.000+05:30', KIRITIMATI, ok('2026-12-02')),
	date('2026-12-01T23:30:00.000+0530', PAGO_PAGO, ok('2026-12-01')),

	// Midnight edges, with and without an offset.
	date('2026-12-01T23:59:59', KIRITIMATI, ok('2026-12-01')),
	date('2026-12-01T00:00:00', PAGO_PAGO, ok('2026-12-01')),
	date('2026-12-01 23:59:59', KOLKATA, ok('2026-12-01')),
	date('2026-12-01T23:59:59-11:00', PAGO_PAGO, ok('2026-12-01')),
	date('2026-12-01T23:59:59-11:00', 'UTC', ok('2026-12-02')),
	date('2026-12-01T00:00:00+14:00', KIRITIMATI, ok('2026-12-01')),
	date('2026-12-01T00:00:00+14:00', 'UTC', ok('2026-11-30')),
	date('2026-12-01T09:59:59Z', KIRITIMATI, ok('2026-12-01')),
	date('2026-12-01T10:00:00Z', KIRITIMATI, ok('2026-12-02')),
	date('2026-12-01T10:59:59Z', PAGO_PAGO, ok('2026-11-30')),
	date('2026-12-01T11:00:00Z', PAGO_PAGO, ok('2026-12-01')),

	// Los Angeles springs forward on 2026-03-08 (02:00 PST → 03:00 PDT) and falls back on 2026-11-01.
	date('2026-03-08T07:59:59Z', LOS_ANGELES, ok('2026-03-07')),
	date('2026-03-08T08:00:00Z', LOS_ANGELES, ok('2026-03-08')),
	date('2026-03-08T02:30:00', LOS_ANGELES, ok('2026-03-08')),
	date('2026-03-09T06:59:59Z', LOS_ANGELES, ok('2026-03-08')),
	date('2026-03-09T07:00:00Z', LOS_ANGELES, ok('2026-03-09')),
	date('2026-11-01T06:59:59Z', LOS_ANGELES, ok('2026-10-31')),
	date('2026-11-01T07:00:00Z', LOS_ANGELES, ok('2026-11-01')),
	date('2026-11-01T01:30:00', LOS_ANGELES, ok('2026-11-01')),
	date('2026-11-02T07:59:59Z', LOS_ANGELES, ok('2026-11-01')),
	date('2026-11-02T08:00:00Z', LOS_ANGELES, ok('2026-11-02')),

	// luxon DateTimes are converted to the workflow zone first.
	date(made('DateTime 2026-12-01T23:30 Asia/Kolkata', () => DateTime.fromISO('2026-12-01T23:30:00', { zone: KOLKATA })), KOLKATA, ok('2026-12-01')),
	date(made('DateTime 2026-12-01T23:30 Asia/Kolkata', () => DateTime.fromISO('2026-12-01T23:30:00', { zone: KOLKATA })), KIRITIMATI, ok('2026-12-02')),
	date(made('$today in Kiritimati (2026-12-01)', () => DateTime.fromISO('2026-12-01', { zone: KIRITIMATI })), KIRITIMATI, ok('2026-12-01')),
	date(made('$today in Kiritimati (2026-12-01)', () => DateTime.fromISO('2026-12-01', { zone: KIRITIMATI })), PAGO_PAGO, ok('2026-11-29')),
	date(made('DateTime.utc 2026-03-08T09:30', () => DateTime.utc(2026, 3, 8, 9, 30)), LOS_ANGELES, ok('2026-03-08')),
	date(
		made('foreign-luxon DateTime 2026-12-01T23:30Z', () => foreignLuxon.DateTime.fromISO('2026-12-01T23:30:00Z', { zone: LOS_ANGELES })),
		KOLKATA,
		ok('2026-12-02'),
	),
	date(
		made('duck-typed DateTime', () => ({ zone: {}, isValid: true, toISO: () => '2026-12-01T23:30:00.000-08:00' })),
		KOLKATA,
		ok('2026-12-02'),
	),

	// JS Dates are instants.
	date(made('Date 2026-12-01T23:30:00Z', () => new Date('2026-12-01T23:30:00Z')), KOLKATA, ok('2026-12-02')),
	date(made('Date 2026-12-01T23:30:00Z', () => new Date('2026-12-01T23:30:00Z')), LOS_ANGELES, ok('2026-12-01')),
	date(made('Date 2026-12-01T10:30:00Z', () => new Date('2026-12-01T10:30:00Z')), PAGO_PAGO, ok('2026-11-30')),

	// Empty means "not given".
	date('', KOLKATA, ok(undefined)),
	date('   ', KOLKATA, ok(undefined)),
	date(null, KOLKATA, ok(undefined)),
	date(undefined, KOLKATA, ok(undefined)),

	// Impossible dates and garbage.
	date('2026-02-30', KOLKATA, badDate('"2026-02-30"', 'February 2026 has 28 days')),
	date('2028-02-30', KOLKATA, badDate('"2028-02-30"', 'February 2028 has 29 days')),
	date('2026-04-31', KOLKATA, badDate('"2026-04-31"', 'April 2026 has 30 days')),
	date('2026-13-01', KOLKATA, badDate('"2026-13-01"', 'there is no month 13')),
	date('2026-00-10', KOLKATA, badDate('"2026-00-10"', 'there is no month 0')),
	date('2026-12-00', KOLKATA, badDate('"2026-12-00"', 'there is no day 0')),
	date('2026-02-30T10:00:00Z', KOLKATA, badDate('"2026-02-30T10:00:00Z"', 'February 2026 has 28 days')),
	date('next tuesday', KOLKATA, notADate('"next tuesday"')),
	date('2026', KOLKATA, notADate('"2026"')),
	date('2026-12', KOLKATA, notADate('"2026-12"')),
	date('2026-W49-2', KOLKATA, notADate('"2026-W49-2"')),
	date('20261201', KOLKATA, notADate('"20261201"')),
	date('12/01/2026', KOLKATA, notADate('"12/01/2026"')),
	date('2026-12-01T24:00:00', KOLKATA, notADate('"2026-12-01T24:00:00"')),
	date('2026-12-01T23:59:60Z', KOLKATA, notADate('"2026-12-01T23:59:60Z"')),
	date('Tue Dec 01 2026 10:00:00 GMT+0530', KOLKATA, notADate('"Tue Dec 01 2026 10:00:00 GMT+0530"')),
	date(20261201, KOLKATA, notADate('20261201')),
	date(true, KOLKATA, notADate('true')),
	date(made('{ date: "2026-12-01" }', () => ({ date: '2026-12-01' })), KOLKATA, notADate('{"date":"2026-12-01"}')),
	date(made('["2026-12-01"]', () => ['2026-12-01']), KOLKATA, notADate('["2026-12-01"]')),
	date(made('invalid Date', () => new Date('nope')), KOLKATA, notADate('an invalid Date')),
	date(made('invalid DateTime', () => DateTime.fromISO('nope')), KOLKATA, notADate('an invalid DateTime')),
	date('x'.repeat(100), KOLKATA, notADate(`"${'x'.repeat(56)}...`)),

	// The zone is checked, and server-dependent names are refused.
	date('2026-12-01', 'Mars/Olympus', fails('Time Zone', 'Time Zone must be an IANA time zone name such as Asia/Kolkata (got "Mars/Olympus")')),
	date('2026-12-01', 'local', fails('Time Zone', 'Time Zone must be an IANA time zone name such as Asia/Kolkata (got "local")')),
	date('', 'UTC+5', fails('Time Zone', 'Time Zone must be an IANA time zone name such as Asia/Kolkata (got "UTC+5")')),

	// Enkash date-time filters.
	...ALL_ZONES.map((zone) => dateTime('2026-12-01', zone, ok('2026-12-01 00:00:00'))),
	...ALL_ZONES.map((zone) => dateTime('2026-12-01', zone, ok('2026-12-01 23:59:59'), true)),
	dateTime('2026-12-01', KOLKATA, ok('2026-12-01 00:00:00'), false),
	dateTime('2026-12-01T23:30:00Z', KOLKATA, ok('2026-12-02 05:00:00')),
	dateTime('2026-12-01T23:30:00Z', KOLKATA, ok('2026-12-02 05:00:00'), true),
	dateTime('2026-12-01T23:30:00Z', LOS_ANGELES, ok('2026-12-01 15:30:00')),
	dateTime('2026-12-01T10:30:00Z', PAGO_PAGO, ok('2026-11-30 23:30:00')),
	dateTime('2026-12-01T10:30:00Z', KIRITIMATI, ok('2026-12-02 00:30:00')),
	dateTime('2026-12-01T23:59:59.999Z', 'UTC', ok('2026-12-01 23:59:59')),
	dateTime('2026-12-01T09:30', KOLKATA, ok('2026-12-01 09:30:00')),
	dateTime('2026-12-01 09:30:15', KOLKATA, ok('2026-12-01 09:30:15')),
	// Wall time that does not exist moves forward; both 01:30s of the repeated hour read as 01:30.
	dateTime('2026-03-08T02:30:00', LOS_ANGELES, ok('2026-03-08 03:30:00')),
	dateTime('2026-11-01T08:30:00Z', LOS_ANGELES, ok('2026-11-01 01:30:00')),
	dateTime('2026-11-01T09:30:00Z', LOS_ANGELES, ok('2026-11-01 01:30:00')),
	dateTime(made('DateTime 2026-12-01T23:30 Asia/Kolkata', () => DateTime.fromISO('2026-12-01T23:30:00', { zone: KOLKATA })), PAGO_PAGO, ok('2026-12-01 07:00:00')),
	dateTime(made('Date 2026-12-01T23:30:00Z', () => new Date('2026-12-01T23:30:00Z')), KIRITIMATI, ok('2026-12-02 13:30:00')),
	dateTime('', KOLKATA, ok(undefined), true),
	dateTime(null, KOLKATA, ok(undefined)),
	dateTime('yesterday', KOLKATA, notADateTime('"yesterday"')),
	dateTime('2026-02-29T10:00:00', KOLKATA, fails('Created After', 'Created After must be a real calendar date (got "2026-02-29T10:00:00": February 2026 has 28 days)')),

	// The same instant is two different days in Kiritimati and Pago Pago.
	today('2026-12-01T09:59:59Z', KIRITIMATI, '2026-12-01'),
	today('2026-12-01T10:00:00Z', KIRITIMATI, '2026-12-02'),
	today('2026-12-01T10:00:00Z', PAGO_PAGO, '2026-11-30'),
	today('2026-12-01T10:59:59Z', PAGO_PAGO, '2026-11-30'),
	today('2026-12-01T11:00:00Z', PAGO_PAGO, '2026-12-01'),
	today('2026-12-01T11:00:00Z', KIRITIMATI, '2026-12-02'),
	today('2026-12-01T23:59:59Z', 'UTC', '2026-12-01'),
	today('2026-12-02T00:00:00Z', 'UTC', '2026-12-02'),
	today('2026-03-08T07:59:59Z', LOS_ANGELES, '2026-03-07'),
	today('2026-03-08T08:00:00Z', LOS_ANGELES, '2026-03-08'),
];

/** Runs one case, turning a DateValueError into data so results can cross a process boundary. */
export function runCase(testCase: DateCase, input: unknown = testCase.input()): Outcome {
	try {
		return ok(testCase.apply(input));
	} catch (error) {
		const { name, message, field } = error as { name?: string; message?: string; field?: string };
		return name === 'DateValueError' ? fails(String(field), String(message)) : { error: `${name}: ${message}`, field: '(not a DateValueError)' };
	}
}

export interface ProbeReport {
	tz: string | undefined;
	resolvedTimeZone: string;
	/** new Date(...).getTimezoneOffset() at 2026-06-01T00:00:00Z: the server's own offset. */
	offsetMinutes: number;
	/** The server-local day of 2026-12-01T10:30:00Z, which differs between the test zones. */
	localDay: number;
	results: Array<{ name: string; outcome: Outcome }>;
}

export function probe(): ProbeReport {
	const instant = new Date('2026-06-01T00:00:00Z');
	return {
		tz: process.env.TZ,
		resolvedTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
		offsetMinutes: instant.getTimezoneOffset(),
		localDay: new Date('2026-12-01T10:30:00Z').getDate(),
		results: DATE_CASES.map((testCase) => ({ name: testCase.name, outcome: runCase(testCase) })),
	};
}

if (require.main === module) {
	process.stdout.write(`${JSON.stringify(probe())}\n`);
}
