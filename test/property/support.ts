/**
 * Property tests over every operation's parameters. One case is one input item: the operation's
 * parameters are expressions reading `$json`, the node runs with Continue on Fail, and each output
 * item is then either a success or an error item naming its item and a field. A generated case
 * knows which of its fields it made invalid, so every case is checked both ways: a case without a
 * bad field must go through, a case with one must be refused locally, naming one of them. The
 * sandbox ledger proves the rest: no request was answered 400 or 422 (the vendor refusing what it
 * was sent), so nothing invalid reached the server.
 *
 * All cases of an operation go through the engine in one workflow run (n8n-core's WorkflowExecute,
 * the real node, the sandbox over HTTP), which is how 200 cases per operation stay fast.
 *
 * `PROPERTY_RUNS` (default 200) sets the cases per operation; `PROPERTY_SEED` replays a run.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';

import fc from 'fast-check';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { RequestEntry } from '../../sandbox/types';
import { assertNoSecrets, runWorkflow, type HarnessCredentialsHelper, type WorkflowJson } from '../harness';

export const PROPERTY_RUNS = Math.max(1, Number(process.env.PROPERTY_RUNS ?? 200) || 200);
export const PROPERTY_SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : Math.floor(Math.random() * 2 ** 31);

/** One generated value and the labels of the fields it made invalid (empty: valid). */
export interface Drawn<T = unknown> {
	value: T;
	bad: string[];
	/** Cases of one shape run together (e.g. the number of entries of a list parameter, which expressions cannot vary). */
	shape?: string;
}

/** Leave the key out of the item (an optional field not given). */
export const OMIT: unique symbol = Symbol('omit');

export type Part = fc.Arbitrary<Drawn>;

/** A valid value. */
export const ok = (arbitrary: fc.Arbitrary<unknown>): Part => arbitrary.map((value) => ({ value, bad: [] }));

/** A value the node must refuse, naming `label`. */
export const bad = (label: string, arbitrary: fc.Arbitrary<unknown>): Part => arbitrary.map((value) => ({ value, bad: [label] }));

/**
 * A field: mostly valid, sometimes one of the invalid values (about 1 in `1 + goodWeight`
 * draws when `invalid` is given), sometimes absent when `optional`.
 */
export function field(label: string, valid: fc.Arbitrary<unknown>, invalid?: fc.Arbitrary<unknown>, options: { optional?: boolean; goodWeight?: number } = {}): Part {
	const choices: Array<fc.WeightedArbitrary<Drawn>> = [{ arbitrary: ok(valid), weight: options.goodWeight ?? 6 }];
	if (invalid) choices.push({ arbitrary: bad(label, invalid), weight: 1 });
	if (options.optional) choices.push({ arbitrary: fc.constant({ value: OMIT, bad: [] }), weight: 3 });
	return fc.oneof(...choices);
}

/** An object of fields (absent ones left out); bad when any field is. */
export function group(fields: Record<string, Part>): fc.Arbitrary<Drawn<IDataObject>> {
	return fc.record(fields).map((drawn) => {
		const value: IDataObject = {};
		const badLabels: string[] = [];
		for (const [key, part] of Object.entries(drawn)) {
			if (part.value !== OMIT) value[key] = part.value as IDataObject[string];
			badLabels.push(...part.bad);
		}
		return { value, bad: badLabels };
	});
}

/** A list of parts (e.g. contacts), bad when any entry is. */
export function list(entry: Part, constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<Drawn<unknown[]>> {
	return fc.array(entry, constraints).map((entries) => ({ value: entries.map((e) => e.value), bad: entries.flatMap((e) => e.bad) }));
}

/** Marks a whole drawn value bad under `label` when `when` holds (a rule across fields). */
/** Sets the shape of the cases `arbitrary` draws. */
export function shaped<T>(arbitrary: fc.Arbitrary<Drawn<T>>, shape: (value: T) => string): fc.Arbitrary<Drawn<T>> {
	return arbitrary.map((drawn) => ({ ...drawn, shape: shape(drawn.value) }));
}

/** A collection parameter whose every option reads the case's `path.option`. */
export function options(path: string, names: string[]): IDataObject {
	return Object.fromEntries(names.map((name) => [name, `={{ $json.${path}.${name} }}`]));
}

export function badWhen<T>(arbitrary: fc.Arbitrary<Drawn<T>>, label: string, when: (value: T) => boolean): fc.Arbitrary<Drawn<T>> {
	return arbitrary.map((drawn) => (when(drawn.value) ? { value: drawn.value, bad: [...drawn.bad, label] } : drawn));
}

// --- values every field draws from ---------------------------------------------------------------

/** Values of the wrong type for any text field: numbers and booleans are turned into text by some fields, so only structured ones. */
export const notText = fc.oneof(fc.constant(null), fc.constant({}), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { minKeys: 1, maxKeys: 2, noNullPrototype: true }));
/** Blank text: empty or only white space. */
export const blank = fc.constantFrom('', ' ', '\t', '  \n ');
/** Printable text without leading/trailing white space, some of it not ASCII. */
export const words = (maxLength = 40) =>
	fc
		.string({ minLength: 1, maxLength, unit: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,\'&/'.split('')) }, { weight: 1, arbitrary: fc.constantFrom('é', 'ü', 'ß', 'क', '名', '😀') }) })
		.map((text) => text.trim())
		.filter((text) => text.length > 0);
export const emails = fc
	.tuple(fc.stringMatching(/^[a-z][a-z0-9._+-]{0,14}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/), fc.constantFrom('com', 'in', 'co.uk', 'io', 'org'))
	.filter(([local]) => !local.includes('..'))
	.map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
export const notEmails = fc.constantFrom('billing-at-acme', 'a@b', '@example.com', 'name@', 'a b@example.com', 'name@@example.com', 'x'.repeat(250) + '@example.com');
/** Valid calendar dates, written as the nodes document (YYYY-MM-DD) or as a date-time with zone. */
export const dates = fc.oneof(
	fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
	fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
);
export const notDates = fc.constantFrom('2026-02-30', '2026-13-01', '2025-02-29', 'next tuesday', '12/15/2026', '2026-1-5', '31-12-2026', '2026-12-01T25:00:00', 'yesterday', 'not a date', '2026');

// --- the run and its checks ------------------------------------------------------------------------

export interface PropertySpec {
	/** e.g. 'Enkash › Invoice › Create'. */
	name: string;
	/** The node's parameters for cases of a shape; read the case's fields with `={{ $json.x }}`. */
	parameters: IDataObject | ((shape: string) => IDataObject);
	/** One case (one input item). `index` is the case's position, for values that must be unique. */
	cases: (index: number) => fc.Arbitrary<Drawn<IDataObject>>;
	/** More checks of a successful case's output items. */
	success?: (items: IDataObject[], input: IDataObject, index: number) => void;
	/** Requests the operation makes and legitimately answers with one of these statuses (e.g. a probe answered 404). */
	expectedStatuses?: (request: RequestEntry) => boolean;
	/** How a refusal may name a label that is not in its words (e.g. "Update Fields" → "choose at least one field to update"). */
	aliases?: Record<string, RegExp>;
	/** An error message that means the vendor refused what was sent (when it answers 200 with per-row errors). */
	serverRefusal?: RegExp;
	/** Batch operations may put no output for a valid case that produces no record (searches). */
	mayBeEmpty?: boolean;
}

export interface PropertyEnvironment {
	sandbox: Sandbox;
	credentials: HarnessCredentialsHelper;
	/** Manual Trigger → the node with these parameters and settings. */
	workflow: (parameters: IDataObject, settings: IDataObject) => WorkflowJson;
	nodeName: string;
}

export interface PropertyOutcome {
	cases: number;
	valid: number;
	refused: number;
	requests: number;
}

/** The labels a refusal message names: the text after "Item N: ". */
function names(message: string, label: string, aliases: Record<string, RegExp>): boolean {
	return message.includes(label) || (aliases[label]?.test(message) ?? false);
}

function seedFor(name: string): number {
	let hash = PROPERTY_SEED;
	for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
	return hash >>> 0;
}

/** Generates `PROPERTY_RUNS` cases, runs them (one workflow per shape), and checks every case and the ledger. */
export async function checkOperation(env: PropertyEnvironment, spec: PropertySpec): Promise<PropertyOutcome> {
	const seed = seedFor(spec.name);
	const drawn = Array.from({ length: PROPERTY_RUNS }, (_, index) => fc.sample(spec.cases(index), { numRuns: 1, seed: seed + index })[0]);
	const { requests: before } = await env.sandbox.control.ledger();
	const mark = before.at(-1)?.seq ?? 0;
	const replay = `(replay: PROPERTY_SEED=${PROPERTY_SEED}${process.env.PROPERTY_RUNS ? ` PROPERTY_RUNS=${PROPERTY_RUNS}` : ''})`;

	// The cases of each shape are the input items of one run; `position` is a case's item index there.
	const shapes = new Map<string, number[]>();
	drawn.forEach((d, index) => shapes.set(d.shape ?? '', [...(shapes.get(d.shape ?? '') ?? []), index]));
	const position = new Map<number, number>();
	const byItem = new Map<number, INodeExecutionData[]>();
	for (const [shape, indices] of shapes) {
		indices.forEach((index, at) => position.set(index, at));
		const parameters = typeof spec.parameters === 'function' ? spec.parameters(shape) : spec.parameters;
		const workflow = env.workflow({ ...parameters, options: { concurrency: 10, ...((parameters.options as IDataObject) ?? {}) } }, { onError: 'continueRegularOutput' });
		const result = await runWorkflow(workflow, { credentials: env.credentials, input: indices.map((index) => drawn[index].value) });
		assert.equal(result.status, 'success', `${spec.name}: the run failed instead of reporting error items: ${result.error?.message} ${replay}`);
		for (const item of result.output(env.nodeName)) {
			const paired = item.pairedItem;
			assert.ok(paired && !Array.isArray(paired) && typeof paired === 'object', `${spec.name}: an output item is not paired to one input item ${replay}`);
			const index = indices[(paired as { item: number }).item];
			assert.ok(index !== undefined, `${spec.name}: an output item is paired to no input item ${replay}`);
			byItem.set(index, [...(byItem.get(index) ?? []), item]);
		}
	}

	const problems: string[] = [];
	let valid = 0;
	let refused = 0;
	drawn.forEach((d, index) => {
		const items = byItem.get(index) ?? [];
		const errors = items.filter((item) => item.json.error !== undefined);
		const show = () => `case ${index + 1}${d.shape ? ` (${d.shape})` : ''} ${JSON.stringify(d.value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))}`;
		if (errors.length > 0) {
			const message = String(errors[0].json.error);
			if (spec.serverRefusal?.test(message)) problems.push(`${show()}: the vendor refused what was sent: "${message}"`);
			else if (items.length !== 1) problems.push(`${show()}: an error item and ${items.length - 1} other items`);
			else if (!message.startsWith(`Item ${position.get(index)! + 1}: `)) problems.push(`${show()}: the error does not name item ${position.get(index)! + 1}: "${message}"`);
			else if (d.bad.length === 0) problems.push(`${show()}: a valid case was refused: "${message}"`);
			else if (!d.bad.some((label) => names(message, label, spec.aliases ?? {}))) problems.push(`${show()}: the error names none of ${JSON.stringify(d.bad)}: "${message}"`);
			else refused++;
			return;
		}
		if (d.bad.length > 0) {
			problems.push(`${show()}: invalid (${d.bad.join(', ')}) but not refused: ${JSON.stringify(items.map((item) => item.json)).slice(0, 300)}`);
			return;
		}
		if (items.length === 0 && !spec.mayBeEmpty) {
			problems.push(`${show()}: no output item`);
			return;
		}
		try {
			spec.success?.(
				items.map((item) => item.json),
				d.value,
				index,
			);
			valid++;
		} catch (error) {
			problems.push(`${show()}: ${(error as Error).message}`);
		}
	});

	const { requests, records } = await env.sandbox.control.ledger(mark);
	assertNoSecrets(`the sandbox ledger during ${spec.name}`, JSON.stringify({ requests, records }));
	const refusedByServer = requests.filter((request) => request.kind === 'api' && (request.status === 400 || request.status === 422 || request.status >= 500) && !spec.expectedStatuses?.(request));
	for (const request of refusedByServer.slice(0, 5)) problems.push(`the sandbox answered ${request.status} to ${request.method} ${request.path}: something invalid was sent`);

	assert.deepEqual(problems.slice(0, 10), [], `${spec.name}: ${problems.length} problems ${replay}`);
	// Not vacuous: both kinds of case were generated and checked.
	assert.ok(valid > 0, `${spec.name}: no valid case ${replay}`);
	assert.ok(refused > 0, `${spec.name}: no invalid case ${replay}`);
	return { cases: drawn.length, valid, refused, requests: requests.length };
}
