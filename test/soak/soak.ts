/**
 * The fault soak (`npm run soak`): every operation of both nodes, driven through n8n-core's engine
 * at concurrency against the local sandbox (loopback only) while the sandbox answers 429, 500 and
 * 503 at random, drops connections before and after handling a request, answers slowly, revokes
 * tokens mid-run and issues tokens that live three seconds. Then, with faults off, it proves from
 * the sandbox's ledger and by reading every changed record back through the nodes that nothing was
 * lost, nothing doubled and every failed item came out as an error item; and it runs the property
 * tests with more cases. The figures are printed and written into SECURITY.md.
 *
 *   npm run soak                       # about four minutes
 *   npm run soak -- --quick            # about half a minute, for development (SECURITY.md untouched)
 *   npm run soak -- --seed 1234        # replay a seed (the order of concurrent requests still varies)
 *   options: --minutes M (fault phase), --items N (items per job), --property-runs N, --write / --no-write
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { DEMO_CREDENTIALS, SEED_FACTS, startSandbox, vendorBaseUrls, type Sandbox } from '../../sandbox';
import type { FaultRule, RecordType } from '../../sandbox/types';
import { enkashCredentialData } from '../engine/support/enkash';
import { ENBOARDER_CREDENTIALS, type Authentication } from '../engine/support/enboarder';
import { assertNoSecretsInLedger, assertNoSecretsInOutput, HarnessCredentialsHelper, repoRoot, resetTokenState, runWorkflow } from '../harness';
import { enboarderJobs, enkashJobs, NODE, outcomes, type ItemOutcome, type Job } from './jobs';

// --- options -----------------------------------------------------------------------------------------

function option(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? process.argv[at + 1] : undefined;
}
const QUICK = process.argv.includes('--quick');
const SEED = option('seed') !== undefined ? Number(option('seed')) : Math.floor(Math.random() * 2 ** 31);
const FAULT_SECONDS = Number(option('minutes') ?? (QUICK ? 0.4 : 2.5)) * 60;
const ITEMS = Number(option('items') ?? (QUICK ? 8 : 30));
const PROPERTY_RUNS = Number(option('property-runs') ?? (QUICK ? 0 : 500));
const WRITE = process.argv.includes('--write') || (!QUICK && !process.argv.includes('--no-write'));
const PARALLEL_WORKFLOWS = 4;
const RERUN_PASSES = 3;
const TOKEN_LIFETIME_SECONDS = 3;

/** A small PRNG from the seed, so the same seed draws the same items and revocation points. */
function prng(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 2 ** 32;
	};
}
const random = prng(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Faults on every request of both vendors, token requests included. */
const FAULTS: FaultRule[] = (['enkash', 'enboarder'] as const).flatMap((vendor): FaultRule[] => [
	{ vendor, kind: '429', probability: 0.03, retryAfterSeconds: 0 },
	{ vendor, kind: '503', probability: 0.03, retryAfterSeconds: 0 },
	{ vendor, kind: '500', probability: 0.01 },
	{ vendor, kind: 'drop', probability: 0.01 },
	{ vendor, kind: 'drop-after', probability: 0.015 },
	{ vendor, kind: 'delay', probability: 0.03, delayMs: 600 },
]);

// --- bookkeeping ---------------------------------------------------------------------------------------

interface Tracked {
	job: Job;
	/** The last outcome of each input item (after re-runs). */
	finals: ItemOutcome[];
	firstErrors: number;
	reruns: number;
}
const tracked: Tracked[] = [];
const log = (line: string) => console.log(`soak: ${line}`);

async function runJob(credentials: HarnessCredentialsHelper, job: Job): Promise<ItemOutcome[]> {
	if (job.input.length === 0) return [];
	const result = await runWorkflow(job.workflow, { credentials, input: job.input });
	if (result.status !== 'success') {
		// With Continue on Fail the node reports errors per item; a failed run is itself a finding.
		return job.input.map((input) => ({ input, silent: `the run failed: ${result.error?.message ?? 'unknown'}` }));
	}
	const nodeError = result.nodeError(NODE);
	const found = outcomes(job, result.output(NODE));
	// n8n passes the input items through when a node throws under Continue on Fail: they are neither records nor error items.
	return nodeError ? found.map((outcome) => (outcome.error ? outcome : { input: outcome.input, silent: `the node failed as a whole (${nodeError.message}); n8n passed the item through` })) : found;
}

/** Runs jobs a few at a time, then runs the failed items of re-runnable jobs again (as a user re-runs a workflow). */
async function runStage(credentials: HarnessCredentialsHelper, jobs: Job[]): Promise<Tracked[]> {
	const stage = jobs.filter((job) => job.input.length > 0).map((job): Tracked => ({ job, finals: [], firstErrors: 0, reruns: 0 }));
	let next = 0;
	await Promise.all(
		Array.from({ length: PARALLEL_WORKFLOWS }, async () => {
			while (next < stage.length) {
				const entry = stage[next++];
				entry.finals = await runJob(credentials, entry.job);
				entry.firstErrors = entry.finals.filter((outcome) => outcome.error).length;
				for (let pass = 0; pass < RERUN_PASSES && entry.job.rerunnable; pass++) {
					const failed = entry.finals.map((outcome, index) => ({ outcome, index })).filter(({ outcome }) => outcome.error);
					if (failed.length === 0) break;
					entry.reruns += failed.length;
					const again = await runJob(credentials, { ...entry.job, input: failed.map(({ outcome }) => outcome.input) });
					failed.forEach(({ index }, at) => (entry.finals[index] = again[at]));
				}
			}
		}),
	);
	tracked.push(...stage);
	return stage;
}

const succeeded = (entry: Tracked | undefined) => (entry ? entry.finals.filter((outcome) => outcome.outputs) : []);

// --- the run -------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const started = Date.now();
	log(`seed ${SEED} (replay: npm run soak -- --seed ${SEED}${QUICK ? ' --quick' : ''}); fault phase ${Math.round(FAULT_SECONDS)} s, ${ITEMS} items a job`);
	const sandbox = await startSandbox({ port: 0, seed: SEED });
	const urls = vendorBaseUrls(sandbox.url);
	const credentials = new HarnessCredentialsHelper();
	await credentials.add({ id: 'sandbox-enkash', name: 'Enkash sandbox', type: 'enkashApi', data: enkashCredentialData(sandbox.url) });
	const demo = DEMO_CREDENTIALS.enboarder;
	await credentials.add({ ...ENBOARDER_CREDENTIALS.apiKey, data: { region: 'custom', baseUrl: urls.enboarder, apiKey: demo.apiKey } });
	await credentials.add({
		...ENBOARDER_CREDENTIALS.oAuth2,
		data: { region: 'custom', baseUrl: urls.enboarder, tokenUrl: urls.enboarderTokenUrl, clientId: demo.clientId, clientSecret: demo.clientSecret },
	});
	resetTokenState();

	// Customers to invoice and remind, found before the faults start (as a user would pick them).
	const pool = await activeCustomers(credentials);
	// Seed profiles 41…300 have no workflows.
	const idleProfiles = Array.from({ length: SEED_FACTS.enboarder.profileCount - 40 }, (_, n) => 41 + n);
	const seededInvoices = Array.from({ length: SEED_FACTS.enkash.invoiceCount }, (_, n) => `EKINV${1_000_000_001 + n}`);

	await sandbox.control.setTokenLifetime('enkash', TOKEN_LIFETIME_SECONDS);
	await sandbox.control.setTokenLifetime('enboarder', TOKEN_LIFETIME_SECONDS);
	await sandbox.control.setFaults(FAULTS);
	// Revocations at points of the workload, not on a timer: each vendor's tokens are revoked every so
	// many of its API requests (drawn from the seed; about one revocation in three takes the refresh
	// tokens too), so a replayed seed revokes at the same requests however fast the machine is.
	for (const vendor of ['enkash', 'enboarder'] as const) {
		await sandbox.control.addTrigger({ vendor, afterRequests: 250 + Math.floor(random() * 250), action: 'revoke', once: false });
		await sandbox.control.addTrigger({ vendor, afterRequests: 700 + Math.floor(random() * 600), action: 'revoke-with-refresh', once: false });
	}
	const faultPhaseStarted = Date.now();

	const expectations = new Expectations();
	let toActivate: IDataObject[] = [];
	let round = 0;
	while (Date.now() - faultPhaseStarted < FAULT_SECONDS * 1000) {
		round++;
		const key = (kind: string, i: number) => `S${SEED}-${kind}-${round}-${i}`;
		const auth: Authentication = round % 2 ? 'apiKey' : 'oAuth2';
		const items = (count: number, make: (i: number) => IDataObject) => Array.from({ length: count }, (_, i) => make(i));
		const invoiceItems = (kind: string) => items(ITEMS, (i) => ({ customerId: pick(pool), amount: 100 + i, key: key(kind, i) }));

		// Stage A: creates and reads.
		const a = await runStage(credentials, [
			enkashJobs.invoiceCreate(invoiceItems('inv')),
			enkashJobs.invoiceBulk(invoiceItems('bulk'), 'invoice'),
			enkashJobs.invoiceBulk(invoiceItems('bcbulk'), 'bharatConnect'),
			enkashJobs.customerCreate(items(ITEMS, (i) => ({ name: `Soak Customer ${round}-${i}`, key: key('cust', i) }))),
			enkashJobs.customerBulkCreate(items(ITEMS, (i) => ({ name: `Soak Bulk Customer ${round}-${i}`, key: key('cbulk', i) }))),
			enkashJobs.reminderCreate(items(ITEMS, (i) => ({ customerId: pick(pool), key: key('rem', i) }))),
			enkashJobs.paymentConfirmation(items(Math.ceil(ITEMS / 2), (i) => ({ invoiceIds: [pick(seededInvoices), pick(seededInvoices)].join(', '), key: key('pay', i) }))),
			enkashJobs.statusChange(items(Math.ceil(ITEMS / 2), (i) => ({ key: key('bcs', i) }))),
			enkashJobs.invoiceGet(items(ITEMS, () => ({ invoiceId: pick(seededInvoices) }))),
			enkashJobs.invoiceSearch(items(Math.ceil(ITEMS / 3), () => ({ customerId: pick(pool) }))),
			enkashJobs.customerAction(items(ITEMS, () => ({ customerId: pick(pool) })), 'get'),
			enkashJobs.customerContacts(items(Math.ceil(ITEMS / 2), () => ({ customerId: pick(pool) }))),
			enkashJobs.reminderGetMany(items(Math.ceil(ITEMS / 3), () => ({ customerId: pick(pool) }))),
			enboarderJobs.launch(auth, items(ITEMS, (i) => ({ name: `Soak Hire ${round}-${i}`, email: `hire.${round}.${i}@example.com`, key: key('wf', i) })), false),
			enboarderJobs.launch(auth, items(ITEMS, (i) => ({ name: `Soak Hire ${round}-${i}`, email: `hire.${round}.${i}@example.com`, key: key('wfa', i) })), true),
			enboarderJobs.profileCreate(auth, items(ITEMS, (i) => ({ name: `Hire ${round}-${i}`, email: `p.${round}.${i}@example.com`, key: key('prof', i) }))),
			enboarderJobs.profileAction(auth, items(ITEMS, () => ({ profileId: pick(idleProfiles) })), 'get'),
			enboarderJobs.profileAction(auth, items(Math.ceil(ITEMS / 3), () => ({ profileId: 1 + Math.floor(random() * 40) })), 'listWorkflows'),
			enboarderJobs.report(auth, [{}], 'listWorkflows'),
			enboarderJobs.report(auth, [{}], 'listForms'),
			enboarderJobs.report(auth, [{}, {}], 'getWorkflowProperties', 'wf-offboarding'),
			enboarderJobs.report(auth, [{}, {}], 'getFormProperties', 'form-bank-details'),
			enboarderJobs.report(auth, [{}], 'getWorkflowData', 'wf-preboarding'),
			enboarderJobs.report(auth, [{}], 'getFormData', 'form-tax-declaration'),
		]);
		const byOperation = (stage: Tracked[], prefix: string) => stage.find((entry) => entry.job.operation.startsWith(prefix));

		// Stage B: changes to what stage A created (each record changed by one item only, so the end state is known).
		const invoices = succeeded(byOperation(a, 'Enkash › Invoice › Create')).map((outcome) => String(outcome.outputs![0].invoiceId));
		const customers = succeeded(byOperation(a, 'Enkash › Customer › Create')).map((outcome) => String(outcome.outputs![0].customerId));
		const reminders = succeeded(byOperation(a, 'Enkash › Payment Reminder › Create')).map((outcome) => ({ customerId: outcome.input.customerId, reminderId: outcome.outputs![0].reminderId }));
		const launched = succeeded(byOperation(a, 'Enboarder › Workflow › Launch (')).map((outcome) => String(outcome.input.key));
		const profiles = succeeded(byOperation(a, 'Enboarder › Profile › Create')).map((outcome) => Number(outcome.outputs![0].id));
		const referenceOf = new Map(succeeded(byOperation(a, 'Enkash › Customer › Create')).map((outcome) => [String(outcome.outputs![0].customerId), outcome.input.key]));
		const thirds = <T>(list: T[]) => [list.filter((_, i) => i % 3 === 0), list.filter((_, i) => i % 3 === 1), list.filter((_, i) => i % 3 === 2)];
		const quarters = <T>(list: T[]) => [0, 1, 2, 3].map((q) => list.filter((_, i) => i % 4 === q));
		const [toUpdate, toDispatch, toDelete] = thirds(invoices);
		const [custUpdate, custBulk, custDeactivate, custDelete] = quarters(customers);
		const [remUpdate, remGet, remDelete] = thirds(reminders);
		const [wfUpdate, wfCancel] = [launched.filter((_, i) => i % 2 === 0), launched.filter((_, i) => i % 2 === 1)];
		const [profUpdate, profDelete] = [profiles.filter((_, i) => i % 2 === 0), profiles.filter((_, i) => i % 2 === 1)];

		const b = await runStage(credentials, [
			enkashJobs.invoiceUpdate(toUpdate.map((invoiceId) => ({ invoiceId, description: `updated ${invoiceId} in round ${round}` }))),
			enkashJobs.dispatch(toDispatch.map((invoiceId) => ({ invoiceId }))),
			enkashJobs.deleteCollection(toDelete.map((invoiceId) => ({ invoiceId }))),
			enkashJobs.customerUpdate(custUpdate.map((customerId) => ({ customerId, legalName: `Renamed ${customerId}` }))),
			enkashJobs.customerBulkUpdate(custBulk.map((customerId) => ({ customerId, state: `State ${round}` }))),
			enkashJobs.customerAction(custDeactivate.map((customerId) => ({ customerId })), 'deactivate'),
			enkashJobs.customerAction(toActivate, 'activate'),
			enkashJobs.customerAction(custDelete.map((customerId) => ({ customerId })), 'delete'),
			// Customers this stage only renames (the first quarter), so each is found by its reference exactly once.
			enkashJobs.customerSearch(custUpdate.slice(0, 5).map((customerId) => ({ key: referenceOf.get(customerId) }))),
			enkashJobs.reminderUpdate(remUpdate.map((pair, i) => ({ ...pair, offsetDays: -(i % 30) - 1 }))),
			enkashJobs.reminderAction(remGet, 'get'),
			enkashJobs.reminderAction(remDelete, 'delete'),
			enboarderJobs.workflowUpdate(auth, wfUpdate.map((externalId) => ({ key: externalId, name: `Renamed ${externalId}` }))),
			enboarderJobs.cancel(auth, wfCancel.map((externalId) => ({ key: externalId }))),
			enboarderJobs.profileUpdate(auth, profUpdate.map((profileId) => ({ profileId, name: `Renamed ${profileId}` }))),
			enboarderJobs.profileAction(auth, profDelete.map((profileId) => ({ profileId })), 'delete'),
			enboarderJobs.profileAction(auth, profUpdate.slice(0, 3).map((profileId) => ({ profileId })), 'listWorkflows'),
		]);
		expectations.learn(b);
		// The customers switched off this round are switched on again next round.
		toActivate = succeeded(byOperation(b, 'Enkash › Customer › Deactivate')).map((outcome) => ({ customerId: outcome.input.customerId }));
		const done = tracked.reduce((sum, entry) => sum + entry.finals.length, 0);
		log(`round ${round} done: ${done} items so far, ${Math.round((Date.now() - faultPhaseStarted) / 1000)} s`);
	}
	const faultSeconds = (Date.now() - faultPhaseStarted) / 1000;
	const revocations = (await sandbox.control.triggers()).reduce((sum, trigger) => sum + trigger.firedAtSeq.length, 0);
	await sandbox.control.clearTriggers();
	await sandbox.control.clearFaults();
	await sandbox.control.setTokenLifetime('enkash', 3600);
	await sandbox.control.setTokenLifetime('enboarder', 3600);
	const ledger = await sandbox.control.ledger();
	const stats = await sandbox.control.stats();

	// --- after the faults: read everything back -----------------------------------------------------
	const verification = await expectations.verify(credentials);
	const figures = account(ledger, stats, revocations, faultSeconds, round, verification, await reminderDoubles(credentials));
	await assertNoSecretsInLedger(sandbox.control);
	await sandbox.close();

	// --- the property tests with more cases -----------------------------------------------------------
	let property = 'not run (--quick)';
	let propertyOk = true;
	if (PROPERTY_RUNS > 0) {
		log(`property tests with ${PROPERTY_RUNS} cases per operation…`);
		const propertyStarted = Date.now();
		const dir = join(repoRoot(), 'dist-dev', 'test', 'property');
		const result = spawnSync(process.execPath, ['--test', '--test-reporter=dot', '--test-concurrency=1', join(dir, 'enkash.property.test.js'), join(dir, 'enboarder.property.test.js')], {
			env: { ...process.env, PROPERTY_RUNS: String(PROPERTY_RUNS), PROPERTY_SEED: String(SEED) },
			encoding: 'utf8',
		});
		propertyOk = result.status === 0;
		property = `${PROPERTY_RUNS} cases × 40 operations (seed ${SEED}): ${propertyOk ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - propertyStarted) / 1000)} s`;
		if (!propertyOk) console.log(result.stdout.slice(-6000), result.stderr.slice(-2000));
	}

	assertNoSecretsInOutput('the soak’s own output');
	const totalSeconds = (Date.now() - started) / 1000;
	const table = report(figures, property, totalSeconds);
	console.log(`\n${table}`);
	const ok = propertyOk && figures.lost === 0 && figures.doubled === 0 && figures.silent === 0 && figures.mismatches === 0 && figures.unexplained === 0;
	if (WRITE) writeSecurityFigures(table, ok);
	log(ok ? 'PASSED: nothing lost, nothing doubled, every failed item an error item' : 'FAILED: see the figures above');
	return ok ? 0 : 1;
}

async function activeCustomers(credentials: HarnessCredentialsHelper): Promise<string[]> {
	const json = enkashJobs.customerSearch([]).workflow;
	const node = json.nodes.find((n) => n.name === NODE)!;
	node.parameters = { resource: 'customer', operation: 'search', returnAll: false, limit: 300, customerFilters: { active: 'yes' } };
	const result = await runWorkflow(json, { credentials, input: [{}] });
	return result.output(NODE).map((item) => String(item.json.customerId));
}

// --- what the changes must have left behind --------------------------------------------------------------

interface Verification {
	checked: number;
	mismatches: string[];
}

/** Reads back, through the nodes and without faults, every record a successful item changed or deleted. */
class Expectations {
	private readonly invoices = new Map<string, { description?: string; dispatched?: boolean; deleted?: boolean }>();
	private readonly customers = new Map<string, { legalName?: string; state?: string; active?: boolean | 'unknown'; deleted?: boolean }>();
	private readonly reminders = new Map<string, { customerId: string; offsetDays?: number; deleted?: boolean }>();
	private readonly profiles = new Map<number, { lastName?: string; deleted?: boolean; authentication: Authentication }>();
	private readonly cancelled = new Map<string, Authentication>();

	learn(stage: Tracked[]): void {
		for (const { job, finals } of stage) {
			const auth: Authentication = job.operation.includes('(oAuth2)') ? 'oAuth2' : 'apiKey';
			for (const outcome of finals) {
				const input = outcome.input;
				const ok = outcome.outputs !== undefined;
				const customer = (id: unknown) => this.customers.get(String(id)) ?? this.customers.set(String(id), {}).get(String(id))!;
				switch (job.operation.replace(/ \((apiKey|oAuth2)\)$/, '')) {
					case 'Enkash › Invoice › Update':
						if (ok) this.invoices.set(String(input.invoiceId), { description: String(input.description) });
						break;
					case 'Enkash › Invoice › Dispatch':
						if (ok) this.invoices.set(String(input.invoiceId), { dispatched: true });
						break;
					case 'Enkash › Invoice › Delete Collection':
						if (ok) this.invoices.set(String(input.invoiceId), { deleted: true });
						break;
					case 'Enkash › Customer › Update':
						if (ok) customer(input.customerId).legalName = String(input.legalName);
						break;
					case 'Enkash › Customer › Bulk Update':
						if (ok) customer(input.customerId).state = String(input.state);
						break;
					case 'Enkash › Customer › Deactivate':
					case 'Enkash › Customer › Activate':
						// A failed switch may or may not have gone through: the state is then unknown.
						customer(input.customerId).active = ok ? job.operation === 'Enkash › Customer › Activate' : 'unknown';
						break;
					case 'Enkash › Customer › Delete':
						if (ok) customer(input.customerId).deleted = true;
						break;
					case 'Enkash › Payment Reminder › Update':
						if (ok) this.reminders.set(String(input.reminderId), { customerId: String(input.customerId), offsetDays: Number(input.offsetDays) });
						break;
					case 'Enkash › Payment Reminder › Delete':
						if (ok) this.reminders.set(String(input.reminderId), { customerId: String(input.customerId), deleted: true });
						break;
					case 'Enboarder › Profile › Update':
						if (ok) this.profiles.set(Number(input.profileId), { lastName: String(input.name), authentication: auth });
						break;
					case 'Enboarder › Profile › Delete':
						if (ok) this.profiles.set(Number(input.profileId), { deleted: true, authentication: auth });
						break;
					case 'Enboarder › Workflow › Cancel':
						if (ok) this.cancelled.set(String(input.key), auth);
						break;
				}
			}
		}
	}

	async verify(credentials: HarnessCredentialsHelper): Promise<Verification> {
		const result: Verification = { checked: 0, mismatches: [] };
		const read = async (job: Job, expect: (outcome: ItemOutcome) => string | undefined) => {
			if (job.input.length === 0) return;
			const found = outcomes({ ...job, check: () => undefined }, (await runWorkflow(job.workflow, { credentials, input: job.input })).output(NODE));
			for (const outcome of found) {
				result.checked++;
				const problem = expect(outcome);
				if (problem) result.mismatches.push(`${job.operation}: ${problem}`);
			}
		};
		const gone = (what: string) => (outcome: ItemOutcome) => (outcome.error ? undefined : `${what} ${JSON.stringify(outcome.input)} still exists after a successful delete`);

		const invoices = [...this.invoices];
		await read(enkashJobs.invoiceGet(invoices.filter(([, e]) => !e.deleted).map(([invoiceId]) => ({ invoiceId }))), (outcome) => {
			const expected = this.invoices.get(String(outcome.input.invoiceId))!;
			const invoice = outcome.outputs?.[0];
			if (!invoice) return `invoice ${String(outcome.input.invoiceId)} could not be read: ${outcome.error ?? outcome.silent}`;
			if (expected.description !== undefined && invoice.description !== expected.description) return `invoice ${String(invoice.invoiceId)} lost its update`;
			if (expected.dispatched && invoice.dispatched !== true) return `invoice ${String(invoice.invoiceId)} was reported dispatched but is not`;
			return undefined;
		});
		await read(enkashJobs.invoiceGet(invoices.filter(([, e]) => e.deleted).map(([invoiceId]) => ({ invoiceId }))), gone('invoice'));

		const customers = [...this.customers];
		await read(enkashJobs.customerAction(customers.filter(([, e]) => !e.deleted).map(([customerId]) => ({ customerId })), 'get'), (outcome) => {
			const expected = this.customers.get(String(outcome.input.customerId))!;
			const customer = outcome.outputs?.[0];
			if (!customer) return `customer ${String(outcome.input.customerId)} could not be read: ${outcome.error ?? outcome.silent}`;
			if (expected.legalName !== undefined && customer.legalName !== expected.legalName) return `customer ${String(customer.customerId)} lost its new name`;
			if (expected.state !== undefined && customer.state !== expected.state) return `customer ${String(customer.customerId)} lost its bulk update`;
			if (typeof expected.active === 'boolean' && customer.active !== expected.active) return `customer ${String(customer.customerId)} active is ${String(customer.active)}, expected ${String(expected.active)}`;
			return undefined;
		});
		await read(enkashJobs.customerAction(customers.filter(([, e]) => e.deleted).map(([customerId]) => ({ customerId })), 'get'), gone('customer'));

		const reminders = [...this.reminders].map(([reminderId, e]) => ({ reminderId, customerId: e.customerId, e }));
		await read(enkashJobs.reminderAction(reminders.filter(({ e }) => !e.deleted).map(({ reminderId, customerId }) => ({ reminderId, customerId })), 'get'), (outcome) => {
			const expected = this.reminders.get(String(outcome.input.reminderId))!;
			const reminder = outcome.outputs?.[0];
			if (!reminder) return `reminder ${String(outcome.input.reminderId)} could not be read: ${outcome.error ?? outcome.silent}`;
			return reminder.offsetDays === expected.offsetDays ? undefined : `reminder ${String(reminder.reminderId)} lost its update`;
		});
		await read(enkashJobs.reminderAction(reminders.filter(({ e }) => e.deleted).map(({ reminderId, customerId }) => ({ reminderId, customerId })), 'get'), gone('reminder'));

		const profiles = [...this.profiles];
		await read(enboarderJobs.profileAction('apiKey', profiles.filter(([, e]) => !e.deleted).map(([profileId]) => ({ profileId })), 'get'), (outcome) => {
			const expected = this.profiles.get(Number(outcome.input.profileId))!;
			const profile = outcome.outputs?.[0];
			if (!profile) return `profile ${String(outcome.input.profileId)} could not be read: ${outcome.error ?? outcome.silent}`;
			return profile.lastName === expected.lastName ? undefined : `profile ${String(profile.id)} lost its update`;
		});
		await read(enboarderJobs.profileAction('apiKey', profiles.filter(([, e]) => e.deleted).map(([profileId]) => ({ profileId })), 'get'), gone('profile'));

		// A cancelled workflow is no longer active: an update of it must be refused as such.
		await read(enboarderJobs.workflowUpdate('apiKey', [...this.cancelled.keys()].map((key) => ({ key, name: 'After cancel' }))), (outcome) =>
			outcome.error && /not active/i.test(outcome.error) ? undefined : `workflow ${String(outcome.input.key)} was reported cancelled but is still active`,
		);
		return result;
	}
}

/** Reminders of one customer with the same soak name (the ledger keeps no name): each one beyond the first is a double. */
async function reminderDoubles(credentials: HarnessCredentialsHelper): Promise<{ doubled: number; ambiguous: number }> {
	const creates = tracked.filter((entry) => entry.job.operation === 'Enkash › Payment Reminder › Create');
	const customers = [...new Set(creates.flatMap((entry) => entry.finals.map((outcome) => String(outcome.input.customerId))))];
	const job = enkashJobs.reminderGetMany(customers.map((customerId) => ({ customerId })));
	const result = await runWorkflow(job.workflow, { credentials, input: job.input });
	const count = new Map<string, number>();
	for (const item of result.output(NODE)) {
		const name = String(item.json.name ?? '');
		if (name.startsWith(`S${SEED}-rem-`)) count.set(`${String(item.json.customerId)} ${name}`, (count.get(`${String(item.json.customerId)} ${name}`) ?? 0) + 1);
	}
	let ambiguous = 0;
	for (const entry of creates) for (const outcome of entry.finals) if (!outcome.outputs && count.has(`${String(outcome.input.customerId)} ${String(outcome.input.key)}`)) ambiguous++;
	return { doubled: [...count.values()].reduce((sum, n) => sum + n - 1, 0), ambiguous };
}

// --- the figures ----------------------------------------------------------------------------------------

interface Figures {
	requests: number;
	tokenRequests: number;
	status401: number;
	faults: Record<string, number>;
	revocations: number;
	faultSeconds: number;
	rounds: number;
	operations: number;
	items: number;
	succeeded: number;
	errorItems: number;
	firstRunErrors: number;
	reruns: number;
	silent: number;
	silentExamples: string[];
	intended: number;
	created: number;
	doubled: number;
	lost: number;
	ambiguous: number;
	unexplained: number;
	byType: Array<{ type: RecordType; intended: number; created: number; doubled: number; lost: number; ambiguous: number }>;
	checked: number;
	mismatches: number;
	mismatchExamples: string[];
	errorKinds: Array<[string, number]>;
}

function account(
	ledger: Awaited<ReturnType<Sandbox['control']['ledger']>>,
	stats: Awaited<ReturnType<Sandbox['control']['stats']>>,
	revocations: number,
	faultSeconds: number,
	rounds: number,
	verification: Verification,
	reminders: { doubled: number; ambiguous: number },
): Figures {
	const faults: Record<string, number> = {};
	for (const request of ledger.requests) if (request.fault) faults[request.fault] = (faults[request.fault] ?? 0) + 1;
	const finals = tracked.flatMap((entry) => entry.finals.map((outcome) => ({ entry, outcome })));
	const silent = finals.filter(({ outcome }) => outcome.silent);
	const errorKinds = new Map<string, number>();
	for (const { outcome } of finals) {
		if (!outcome.error) continue;
		const kind = outcome.error.replace(/^Item \d+: /, '').replace(/EKINV\d+|KC[A-Z0-9]{14}|REM\d+|EBWF-\d+|\d+/g, '…').slice(0, 90);
		errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
	}

	// Records: what successful items report against what the sandbox created.
	const byType: Figures['byType'] = [];
	let unexplained = 0;
	for (const type of ['invoice', 'customer', 'reminder', 'bcPaymentConfirmation', 'bcInvoiceStatusChange', 'enboarderWorkflow', 'profile'] as RecordType[]) {
		const entries = tracked.filter((entry) => entry.job.creates?.type === type);
		const records = ledger.records.filter((record) => record.type === type);
		const reported = new Map<string, string>();
		const failedKeys = new Set<string>();
		const keyed = entries.some((entry) => entry.job.creates?.key);
		for (const entry of entries) {
			for (const outcome of entry.finals) {
				const key = entry.job.creates!.key?.(outcome.input);
				if (outcome.outputs?.[0]) reported.set(key ?? String(reported.size), entry.job.creates!.id(outcome.outputs[0])!);
				else if (key) failedKeys.add(key);
			}
		}
		const row = { type, intended: new Set(reported.values()).size, created: records.length, doubled: 0, lost: 0, ambiguous: 0 };
		if (keyed) {
			const byKey = new Map<string, string[]>();
			for (const record of records) byKey.set(record.externalId ?? '', [...(byKey.get(record.externalId ?? '') ?? []), record.id]);
			for (const [key, ids] of byKey) {
				row.doubled += ids.length - 1;
				if (!reported.has(key)) {
					if (failedKeys.has(key)) row.ambiguous++;
					else unexplained++;
				}
			}
			for (const [key, id] of reported) if (!byKey.get(key)?.includes(id)) row.lost++;
		} else {
			const created = new Set(records.map((record) => record.id));
			const ids = new Set(reported.values());
			row.lost = [...ids].filter((id) => !created.has(id)).length;
			const extra = [...created].filter((id) => !ids.has(id)).length;
			if (type === 'reminder') {
				row.doubled = reminders.doubled;
				row.ambiguous = reminders.ambiguous;
				unexplained += Math.max(0, extra - reminders.doubled - reminders.ambiguous);
			} else {
				// No key to look for: the node does not resend these, so each record no item reports must be a
				// request whose answer was lost after the sandbox handled it (drop-after).
				const path = type === 'bcPaymentConfirmation' ? '/api/v0/invoice/payment-confirmation' : '/api/v0/invoice/req-status-change-invoice';
				const lostAnswers = ledger.requests.filter((request) => request.path === path && request.fault === 'drop-after').length;
				row.ambiguous = Math.min(extra, lostAnswers);
				row.doubled = Math.max(0, extra - lostAnswers);
			}
		}
		byType.push(row);
	}
	const sum = (key: 'intended' | 'created' | 'doubled' | 'lost' | 'ambiguous') => byType.reduce((total, row) => total + row[key], 0);
	return {
		requests: stats.totals.requests,
		tokenRequests: stats.totals.tokenRequests,
		status401: stats.totals.status401,
		faults,
		revocations,
		faultSeconds,
		rounds,
		operations: new Set(tracked.map((entry) => entry.job.operation.replace(/ \((apiKey|oAuth2)\)$/, ''))).size,
		items: finals.length,
		succeeded: finals.filter(({ outcome }) => outcome.outputs).length,
		errorItems: finals.filter(({ outcome }) => outcome.error).length,
		firstRunErrors: tracked.reduce((total, entry) => total + entry.firstErrors, 0),
		reruns: tracked.reduce((total, entry) => total + entry.reruns, 0),
		silent: silent.length,
		silentExamples: silent.slice(0, 5).map(({ entry, outcome }) => `${entry.job.operation}: ${outcome.silent}`),
		intended: sum('intended'),
		created: sum('created'),
		doubled: sum('doubled'),
		lost: sum('lost'),
		ambiguous: sum('ambiguous'),
		unexplained,
		byType,
		checked: verification.checked,
		mismatches: verification.mismatches.length,
		mismatchExamples: verification.mismatches.slice(0, 5),
		errorKinds: [...errorKinds].sort((a, b) => b[1] - a[1]).slice(0, 8),
	};
}

function report(f: Figures, property: string, totalSeconds: number): string {
	const faultList = Object.entries(f.faults)
		.sort((a, b) => b[1] - a[1])
		.map(([kind, n]) => `${kind} ${n}`)
		.join(', ');
	const faultTotal = Object.values(f.faults).reduce((a, b) => a + b, 0);
	const lines = [
		`| Figure | Value |`,
		`|---|---|`,
		`| Seed | ${SEED}${QUICK ? ' (quick run)' : ''} |`,
		`| Duration | ${Math.round(totalSeconds)} s in all; fault phase ${Math.round(f.faultSeconds)} s, ${f.rounds} rounds |`,
		`| Operations driven | ${f.operations} (both nodes; Enboarder under API key and OAuth2 in turn) |`,
		`| Requests to the sandbox | ${f.requests} (${f.tokenRequests} token requests, ${f.status401} answered 401) |`,
		`| Faults injected | ${faultTotal}: ${faultList} |`,
		`| Token revocations | ${f.revocations}; tokens lived ${TOKEN_LIFETIME_SECONDS} s |`,
		`| Items | ${f.items}: ${f.succeeded} succeeded, ${f.errorItems} error items (first runs: ${f.firstRunErrors} errors; ${f.reruns} items re-run) |`,
		`| Items neither a result nor an error item | ${f.silent} |`,
		`| Records intended (reported by successful items) | ${f.intended} |`,
		`| Records created (sandbox ledger) | ${f.created} |`,
		`| Records doubled | ${f.doubled} |`,
		`| Records lost | ${f.lost} |`,
		`| Records created whose item is an error item (answer lost; the node could not check, so did not resend) | ${f.ambiguous} |`,
		`| Records nobody accounts for | ${f.unexplained} |`,
		`| Changes read back after the run | ${f.checked} checked, ${f.mismatches} wrong |`,
		`| Property tests | ${property} |`,
	];
	const perType = [
		'',
		'| Record type | intended | created | doubled | lost | created, item an error |',
		'|---|---|---|---|---|---|',
		...f.byType.map((row) => `| ${row.type} | ${row.intended} | ${row.created} | ${row.doubled} | ${row.lost} | ${row.ambiguous} |`),
	];
	const errors = ['', 'Most frequent error items:', '', ...f.errorKinds.map(([kind, n]) => `- ${n} × ${kind.replace(/\|/g, '\\|')}`)];
	const problems = [...f.silentExamples, ...f.mismatchExamples];
	return [...lines, ...perType, ...errors, ...(problems.length ? ['', 'Problems:', '', ...problems.map((p) => `- ${p}`)] : [])].join('\n');
}

const BEGIN = '<!-- soak-figures:begin -->';
const END = '<!-- soak-figures:end -->';

function writeSecurityFigures(table: string, ok: boolean): void {
	const path = join(repoRoot(), 'SECURITY.md');
	const when = new Date().toISOString().replace('T', ' ').slice(0, 16);
	const args = process.argv.slice(2).join(' ');
	const command = process.env.npm_lifecycle_event === 'soak' ? `npm run soak${args ? ` -- ${args}` : ''}` : `node dist-dev/test/soak/soak.js${args ? ` ${args}` : ''} (what npm run soak runs after building)`;
	const section = `${BEGIN}\n_Last run: ${when} UTC, \`${command}\`, Node ${process.version}, ${os.cpus().length} CPU cores — ${ok ? 'passed' : 'FAILED'}._\n\n${table}\n${END}`;
	const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Security\n';
	const updated = text.includes(BEGIN) && text.includes(END) ? text.slice(0, text.indexOf(BEGIN)) + section + text.slice(text.indexOf(END) + END.length) : `${text.trimEnd()}\n\n## Soak figures\n\n${section}\n`;
	writeFileSync(path, updated);
	log(`figures written to ${path}`);
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
