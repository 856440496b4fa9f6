/**
 * One n8n process of the cross-process tests: runs the Enkash "get an invoice" example through
 * n8n-core against a credential store it shares with other processes through a file, as n8n's
 * main instance, its workers and a restarted n8n share one database. Prints one JSON line.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { createInterface } from 'node:readline';

import type { IDataObject } from 'n8n-workflow';

import { HarnessCredentialsHelper, loadExample, packageTypes, runWorkflow } from '../../harness';

export interface ProcessJob {
	/** The credential store (see HarnessCredentialsHelper's `storeFile`). */
	storeFile: string;
	items: number;
	concurrency: number;
	/** Print "ready" and wait for a line on stdin before running, so several processes start together. */
	barrier?: boolean;
}

export interface ProcessOutcome {
	status: string;
	/** Each output item's error message, or null for an item that succeeded. */
	errors: Array<string | null>;
}

async function main(): Promise<void> {
	const job = JSON.parse(process.argv[2]) as ProcessJob;
	const credentials = new HarnessCredentialsHelper(packageTypes().credentialTypes, job.storeFile);
	const json = loadExample('enkash-get-invoice.json');
	const node = json.nodes.find((n) => n.name === 'Get Invoice')!;
	node.parameters.options = { concurrency: job.concurrency };
	Object.assign(node, { onError: 'continueRegularOutput' });
	const input: IDataObject[] = Array.from({ length: job.items }, (_, i) => ({ invoiceId: `EKINV${1000000001 + i}` }));

	if (job.barrier) {
		process.stdout.write('ready\n');
		const lines = createInterface({ input: process.stdin });
		await new Promise<void>((resolve) => lines.once('line', () => resolve()));
		lines.close();
	}
	const result = await runWorkflow(json, { credentials, input });
	const outcome: ProcessOutcome = {
		status: result.status,
		errors: result.output('Get Invoice').map((item) => (item.json.error === undefined ? null : String(item.json.error))),
	};
	process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

if (require.main === module) {
	main().then(
		() => process.exit(0),
		(error: Error) => {
			process.stderr.write(`${error.stack ?? error.message}\n`);
			process.exit(1);
		},
	);
}
