/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

import { DateTime } from 'luxon';

import { useEnkashSandbox } from './support/enkash';

const run = promisify(execFile);

/**
 * The server's TZ at both ends of the clock (UTC+14 and UTC−11), with a workflow time zone at the
 * other end: every due date is the calendar date in the workflow's zone, never shifted by a day.
 */
const CASES: Array<{ serverTz: string; workflowZone: string; expected: string[] }> = [
	{
		serverTz: 'Pacific/Kiritimati',
		workflowZone: 'Pacific/Pago_Pago',
		expected: ['2026-12-01', '2026-12-01', '2026-12-01', 'tomorrow', '2026-06-30', '2026-03-31'],
	},
	{
		serverTz: 'Pacific/Pago_Pago',
		workflowZone: 'Pacific/Kiritimati',
		expected: ['2026-12-01', '2026-12-02', '2026-12-01', 'tomorrow', '2026-07-01', '2026-04-01'],
	},
	{
		serverTz: 'UTC',
		workflowZone: 'Asia/Kolkata',
		expected: ['2026-12-01', '2026-12-02', '2026-12-01', 'tomorrow', '2026-07-01', '2026-04-01'],
	},
];

describe('Enkash due dates under server time zones at both ends of the clock (engine, sandbox)', () => {
	const suite = useEnkashSandbox();
	const offsets = new Set<number>();

	for (const { serverTz, workflowZone, expected } of CASES) {
		test(`server TZ ${serverTz}, workflow zone ${workflowZone}`, async () => {
			const { stdout } = await run(process.execPath, [join(__dirname, 'support', 'tzRun.js'), suite.sandbox.url, workflowZone], {
				env: { ...process.env, TZ: serverTz },
			});
			const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
			assert.ok(line, stdout);
			const result = JSON.parse(line.slice(7)) as { tz: string; serverOffset: number; outputs: string[] };
			assert.equal(result.tz, serverTz);
			offsets.add(result.serverOffset);
			const tomorrow = DateTime.now().setZone(workflowZone).plus({ days: 1 }).toISODate();
			assert.deepEqual(
				result.outputs,
				expected.map((value) => (value === 'tomorrow' ? tomorrow : value)),
			);
		});
	}

	test('the child processes really ran under three different server offsets', () => {
		assert.deepEqual([...offsets].sort((a, b) => a - b), [-840, 0, 660]);
	});
});
