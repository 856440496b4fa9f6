/**
 * Preloaded into each n8n process of the queue-mode test (`NODE_OPTIONS=--require …`): notes every
 * outgoing HTTP request the process starts, through Node's own `http.client.request.start`
 * diagnostics channel (observing only; n8n's requests are not touched), one JSON line per request
 * in QUEUE_TEST_TAP_FILE, labelled QUEUE_TEST_TAP_LABEL. The sandbox ledger counts requests but
 * cannot tell which worker sent them; this can.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import type { ClientRequest } from 'node:http';

export interface TappedRequest {
	label: string;
	pid: number;
	at: number;
	method: string;
	host: string;
	path: string;
}

const file = process.env.QUEUE_TEST_TAP_FILE;
const label = process.env.QUEUE_TEST_TAP_LABEL;

if (file && label) {
	subscribe('http.client.request.start', (message) => {
		const { request } = message as { request: ClientRequest };
		const entry: TappedRequest = {
			label,
			pid: process.pid,
			at: Date.now(),
			method: request.method,
			host: String(request.getHeader('host') ?? request.host),
			path: request.path,
		};
		try {
			appendFileSync(file, `${JSON.stringify(entry)}\n`);
		} catch {
			/* never disturb n8n */
		}
	});
}
