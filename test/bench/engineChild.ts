/**
 * Our Enkash node run by n8n-core's real WorkflowExecute in a process of its own (see child.ts):
 * the engine the harness uses, without the harness's after-run secret scan (which serializes the
 * whole run and would count against the node's memory).
 *
 * - `create`: Manual Trigger with pinned invoices → Invoice › Create, per item, at a concurrency.
 * - `returnAll`: Invoice › Search with Return All, with the peak memory it takes.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import '../harness/environment';

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

import type { IDataObject, IRun } from 'n8n-workflow';

import { HarnessCredentialsHelper } from '../harness';
import { packageTypes } from '../harness/packageTypes';
import { executeWorkflow } from '../harness/runWorkflow';
import type { EnkashLogin } from './bareClient';
import { childMain, measureMemory, type MemoryPeak } from './child';
import { enkashCredentialFields } from './common';
import { MINIMAL_NODE_TYPE, MinimalCreate } from './minimalNode';
import { createByNameParameters, createInvoiceParameters, enkashWorkflow, type BenchWorkflow } from './workflows';

export type EngineInput =
	| {
			mode: 'create';
			login: EnkashLogin;
			count: number;
			concurrency: number;
			externalIdPrefix: string;
			customerId: string;
			warmUp: number;
			/** `ours` (default): our Enkash node; `minimal`: the reference node of minimalNode.ts, same credential, same bodies. */
			node?: 'ours' | 'minimal';
			/** `expressions` (default): the four fields mapped by expressions; `byName`: the items are the bodies, nothing to map. */
			fields?: 'expressions' | 'byName';
			/** When set, a CPU profile of the measured run alone (not the warm-up) is written to this file. */
			profile?: string;
	  }
	| { mode: 'returnAll'; login: EnkashLogin; pageSize: number };

export interface EngineCreateResult {
	mode: 'create';
	/** The node's own execution time, as n8n records it. */
	ms: number;
	/** CPU time (user + system) this process spent on the measured run (warm-up excluded). */
	cpuMs?: number;
	items: number;
	errors: number;
}

export interface EngineSearchResult {
	mode: 'returnAll';
	ms: number;
	records: number;
	dataBytes: number;
	memory: MemoryPeak;
}

const NODE = 'Leg';
const CREDENTIAL_ID = 'bench-enkash';

/** One manual run through WorkflowExecute, pinned input on the start node, as the tests run them. */
async function execute(json: BenchWorkflow, credentials: HarnessCredentialsHelper, input?: IDataObject[]): Promise<IRun> {
	const { run } = await executeWorkflow(json, { credentials, input });
	const error = run.data.resultData.error;
	if (error) throw new Error(`the run failed: ${error.message}`);
	return run;
}

function legOf(run: IRun) {
	const nodeRun = run.data.resultData.runData[NODE]?.[0];
	if (!nodeRun) throw new Error(`${NODE} did not run`);
	return { ms: nodeRun.executionTime, items: nodeRun.data?.main?.[0] ?? [] };
}

async function credentialsFor(login: EnkashLogin): Promise<HarnessCredentialsHelper> {
	const credentials = new HarnessCredentialsHelper();
	await credentials.add({ id: CREDENTIAL_ID, name: CREDENTIAL_ID, type: 'enkashApi', data: enkashCredentialFields(login) });
	return credentials;
}

/** The workflow of a create leg: our node, or the reference node with the same fields. */
function createWorkflow(input: Extract<EngineInput, { mode: 'create' }>): BenchWorkflow {
	const byName = input.fields === 'byName';
	if (input.node !== 'minimal') {
		const parameters = byName ? createByNameParameters({ concurrency: input.concurrency }) : createInvoiceParameters({ concurrency: input.concurrency, skipExisting: false });
		return enkashWorkflow(NODE, CREDENTIAL_ID, parameters);
	}
	packageTypes().nodeTypes.register(MINIMAL_NODE_TYPE, new MinimalCreate());
	const workflow = enkashWorkflow(NODE, CREDENTIAL_ID, {});
	const expressions = { customerId: '={{ $json.customerId }}', baseAmount: '={{ $json.amount }}', dueDate: '={{ $json.dueDate }}', externalId: '={{ $json.orderId }}' };
	const leg = { ...workflow.nodes[1], type: MINIMAL_NODE_TYPE, parameters: byName ? { fieldSource: 'json', concurrency: input.concurrency } : { fieldSource: 'fields', ...expressions, concurrency: input.concurrency } };
	return { ...workflow, nodes: [workflow.nodes[0], leg] };
}

/** Runs `work` under the V8 CPU profiler and writes the profile to `file`. */
async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 100 });
	await session.post('Profiler.start');
	try {
		return await work();
	} finally {
		const { profile } = await session.post('Profiler.stop');
		writeFileSync(file, JSON.stringify(profile));
		session.disconnect();
	}
}

async function create(input: Extract<EngineInput, { mode: 'create' }>): Promise<EngineCreateResult> {
	const credentials = await credentialsFor(input.login);
	// By name the items are exactly the bodies (what the reference node sends as they are); with expressions the four fields are mapped from other names.
	const invoices = (prefix: string, count: number): IDataObject[] =>
		Array.from({ length: count }, (_, n) =>
			input.fields === 'byName'
				? { customerId: input.customerId, baseAmount: 1 + (n % 500), dueDate: '2026-12-15', externalId: `${prefix}${n}` }
				: { customerId: input.customerId, amount: 1 + (n % 500), dueDate: '2026-12-15', orderId: `${prefix}${n}` },
		);
	const workflow = createWorkflow(input);
	if (input.warmUp > 0) await execute(workflow, credentials, invoices(`${input.externalIdPrefix}warm-`, input.warmUp));
	const measured = async () => await execute(workflow, credentials, invoices(input.externalIdPrefix, input.count));
	const cpu = process.cpuUsage();
	const leg = legOf(input.profile ? await profiled(input.profile, measured) : await measured());
	const used = process.cpuUsage(cpu);
	return { mode: 'create', ms: leg.ms, cpuMs: (used.user + used.system) / 1000, items: leg.items.length, errors: leg.items.filter((item) => item.json.error !== undefined).length };
}

async function returnAll(input: Extract<EngineInput, { mode: 'returnAll' }>): Promise<EngineSearchResult> {
	const credentials = await credentialsFor(input.login);
	const search = (all: boolean) =>
		enkashWorkflow(NODE, CREDENTIAL_ID, { resource: 'invoice', operation: 'search', returnAll: all, limit: 10, filters: {}, searchOptions: { pageSize: input.pageSize } });
	// Loads every module and obtains the token, so the measured run is the search alone.
	await execute(search(false), credentials);
	const { value: run, memory } = await measureMemory(async () => await execute(search(true), credentials));
	const leg = legOf(run);
	return { mode: 'returnAll', ms: leg.ms, records: leg.items.length, dataBytes: Buffer.byteLength(JSON.stringify(leg.items.map((item) => item.json))), memory };
}

if (require.main === module) {
	childMain<EngineInput, EngineCreateResult | EngineSearchResult>(async (input) => (input.mode === 'create' ? await create(input) : await returnAll(input)));
}
