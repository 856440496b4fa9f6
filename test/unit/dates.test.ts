/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

import { DateTime, Settings } from 'luxon';

import { DateValueError, toApiDate, toApiDateTime, todayIn } from '../../shared/dates';
import { DATE_CASES, foreignLuxon, runCase, type ProbeReport } from './support/dateProbe';

const expectedResults = DATE_CASES.map((testCase) => ({ name: testCase.name, outcome: testCase.expected }));

describe('date table', () => {
	for (const testCase of DATE_CASES) {
		test(testCase.name, () => {
			assert.deepEqual(runCase(testCase), testCase.expected);
		});
	}

	test('has one case per name, so a failure points at a single row', () => {
		const names = DATE_CASES.map((testCase) => testCase.name);
		assert.deepEqual(
			names.filter((name, index) => names.indexOf(name) !== index),
			[],
		);
	});

	test("the foreign DateTime really comes from another copy of luxon", () => {
		assert.notEqual(foreignLuxon.DateTime, DateTime);
		assert.equal(foreignLuxon.DateTime.utc() instanceof DateTime, false);
	});

	test("gives the same results whatever luxon's global Settings say", () => {
		// n8n sets Settings.defaultZone to the workflow zone; other code may set the locale. Inputs are
		// built first so the invalid-DateTime case is not refused by throwOnInvalid while being made.
		const inputs = DATE_CASES.map((testCase) => testCase.input());
		const saved = {
			zone: Settings.defaultZone,
			locale: Settings.defaultLocale,
			numbering: Settings.defaultNumberingSystem,
			calendar: Settings.defaultOutputCalendar,
			throwOnInvalid: Settings.throwOnInvalid,
		};
		let results;
		let hostileYear;
		try {
			Settings.defaultZone = 'Pacific/Kiritimati';
			Settings.defaultLocale = 'th-TH';
			Settings.defaultNumberingSystem = 'arab';
			Settings.defaultOutputCalendar = 'buddhist';
			Settings.throwOnInvalid = true;
			hostileYear = DateTime.utc(2026, 12, 1).toFormat('yyyy');
			results = DATE_CASES.map((testCase, index) => ({ name: testCase.name, outcome: runCase(testCase, inputs[index]) }));
		} finally {
			Settings.defaultZone = saved.zone;
			Settings.defaultLocale = saved.locale;
			Settings.defaultNumberingSystem = saved.numbering;
			Settings.defaultOutputCalendar = saved.calendar;
			Settings.throwOnInvalid = saved.throwOnInvalid;
		}
		assert.notEqual(hostileYear, '2026', 'the settings should have changed how luxon formats');
		assert.deepEqual(results, expectedResults);
		assert.equal(DateTime.utc(2026, 12, 1).toFormat('yyyy'), '2026', 'settings restored');
	});
});

describe('DateValueError', () => {
	test('names the field, keeps what was received, and shows the expected form', () => {
		const received = 'next tuesday';
		assert.throws(
			() => toApiDate(received, 'Asia/Kolkata', 'Due Date'),
			(error: unknown) => {
				assert.ok(error instanceof DateValueError);
				assert.ok(error instanceof Error);
				assert.equal(error.name, 'DateValueError');
				assert.equal(error.field, 'Due Date');
				assert.equal(error.received, received);
				assert.equal(error.message, 'Due Date must be a date such as 2026-12-01 (got "next tuesday")');
				return true;
			},
		);
	});

	test('an unknown zone is reported on the Time Zone field, even for empty input', () => {
		assert.throws(() => toApiDateTime(undefined, 'Asia/Bangalore', 'Created After'), {
			name: 'DateValueError',
			field: 'Time Zone',
			received: 'Asia/Bangalore',
			message: 'Time Zone must be an IANA time zone name such as Asia/Kolkata (got "Asia/Bangalore")',
		});
		assert.throws(() => todayIn('Nowhere/Special'), { field: 'Time Zone' });
	});
});

describe('todayIn', () => {
	test('without `now` uses the current instant', () => {
		for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
			const before = DateTime.now().setZone(zone).toISODate();
			const today = todayIn(zone);
			const after = DateTime.now().setZone(zone).toISODate();
			assert.ok(today === before || today === after, `${zone}: ${today} is neither ${before} nor ${after}`);
		}
	});

	test('Kiritimati and Pago Pago are two calendar days apart at the same instant', () => {
		const now = new Date('2026-12-01T10:30:00Z');
		assert.equal(todayIn('Pacific/Kiritimati', now), '2026-12-02');
		assert.equal(todayIn('Pacific/Pago_Pago', now), '2026-11-30');
		assert.equal(todayIn(undefined, now), '2026-12-01');
	});
});

describe("todayIn: the day in the workflow's zone, not the server's", () => {
	test('the overdue boundary: due 2026-12-01 is overdue in Kolkata (already 12-02), not yet in Los Angeles', () => {
		const now = new Date('2026-12-01T19:00:00Z'); // already 2026-12-02 00:30 in Kolkata
		assert.equal(toApiDate('2026-12-01', 'Asia/Kolkata', 'Due Date'), '2026-12-01');
		assert.equal(todayIn('Asia/Kolkata', now), '2026-12-02');
		assert.equal(todayIn('America/Los_Angeles', now), '2026-12-01');
	});
});

describe('the server TZ does not change any result', () => {
	const probeScript = join(__dirname, 'support', 'dateProbe.js');
	// What each server zone must look like from inside the child: its offset on 2026-06-01, and the
	// server-local day of 2026-12-01T10:30Z (the naive answer our module must not give).
	const servers = [
		{ tz: 'Pacific/Kiritimati', offsetMinutes: -840, localDay: 2 },
		{ tz: 'Pacific/Pago_Pago', offsetMinutes: 660, localDay: 30 },
		{ tz: 'UTC', offsetMinutes: 0, localDay: 1 },
	];

	const runProbe = async (tz: string): Promise<ProbeReport> => {
		const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz };
		delete env.NODE_TEST_CONTEXT; // the child is a plain script, not part of this test run
		const { stdout } = await promisify(execFile)(process.execPath, [probeScript], { env, timeout: 8000 });
		return JSON.parse(stdout) as ProbeReport;
	};
	// Start all children at once; attach a no-op handler so an early failure is reported by its test.
	const reports = new Map(servers.map(({ tz }) => [tz, runProbe(tz)]));
	for (const report of reports.values()) report.catch(() => undefined);

	for (const server of servers) {
		test(`TZ=${server.tz}`, async () => {
			const report = await reports.get(server.tz);
			assert.ok(report);
			assert.equal(report.tz, server.tz);
			assert.equal(report.resolvedTimeZone, server.tz);
			assert.equal(report.offsetMinutes, server.offsetMinutes);
			assert.equal(report.localDay, server.localDay);
			assert.deepEqual(report.results, expectedResults);
		});
	}

	test('the children really ran in different zones', async () => {
		const all = await Promise.all(reports.values());
		assert.equal(new Set(all.map((report) => report.offsetMinutes)).size, servers.length);
		assert.equal(new Set(all.map((report) => report.localDay)).size, servers.length);
	});
});
