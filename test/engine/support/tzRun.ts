/**
 * Runs in a child process whose TZ is set by the test: creates invoices whose due dates come in
 * every accepted form, through the engine, with the workflow time zone given, and prints the due
 * dates the sandbox stored.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import '../../harness/environment';

import { HarnessCredentialsHelper, runWorkflow } from '../../harness';
import { enkashCredentialData, enkashWorkflow } from './enkash';

async function main(): Promise<void> {
	const [sandboxUrl, workflowZone] = process.argv.slice(2);
	const credentials = new HarnessCredentialsHelper();
	await credentials.add({ id: 'sandbox-enkash', type: 'enkashApi', data: enkashCredentialData(sandboxUrl) });
	const dueDates = [
		'2026-12-01',
		'2026-12-01T23:30:00Z',
		'2026-12-01T10:00:00',
		"={{ $today.plus(1, 'day') }}",
		"={{ DateTime.fromISO('2026-06-30T20:00:00Z') }}",
		"={{ new Date('2026-03-31T22:00:00Z') }}",
	];
	const outputs: string[] = [];
	for (const [index, dueDate] of dueDates.entries()) {
		const json = enkashWorkflow('Create', {
			resource: 'invoice',
			operation: 'create',
			customerId: 'KCDEMOACTIVE0001',
			baseAmount: 10,
			dueDate,
			skipExisting: false,
			additionalFields: { externalId: `tz-${process.env.TZ}-${index}` },
		});
		const result = await runWorkflow(json, { credentials, timezone: workflowZone });
		if (result.status !== 'success') throw new Error(result.error?.message ?? 'run failed');
		outputs.push(String(result.output('Create')[0].json.dueDate));
	}
	const serverOffset = new Date('2026-12-01T00:00:00Z').getTimezoneOffset();
	process.stdout.write(`RESULT ${JSON.stringify({ tz: process.env.TZ, serverOffset, outputs })}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).message}\n`);
	process.exit(1);
});
