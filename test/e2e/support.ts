/** What the real-n8n tests share: the plain-ESM helpers in scripts/ and a prepared n8n user folder. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { packageTypes, repoRoot } from '../harness/packageTypes';
import { assertNoSecrets, registerBasicPair, registerSecret } from '../harness/secretAudit';

export interface N8nApp {
	appDir: string;
	n8nBin: string;
	nodeBin: string;
	n8nVersion: string;
	nodeVersion: string;
}

/** How scripts/n8n-app.mjs installs one n8n release (see its COMPAT_RELEASES). */
export interface InstallOptions {
	n8nVersion: string;
	nodeVersion: string;
	nativeModules: string[];
	overrides: Record<string, string>;
	dir: string;
}

/** The subset of scripts/n8n-app.mjs the tests use. */
export interface N8nAppScript {
	N8N_VERSION: string;
	COMPAT_RELEASES: Array<{ n8n: string; node: string; env: Record<string, string>; drop: string[] }>;
	compatInstall(n8nVersion: string): InstallOptions;
	ensureN8nApp(options: { log: (line: string) => void } & Partial<InstallOptions>): Promise<N8nApp>;
}

/**
 * How the package got into n8n (scripts/e2e-lib.mjs INSTALL_WAYS): `community-nodes` as Settings →
 * Community Nodes installs it (peer dependencies dropped, n8n's n8n-workflow), `manual` as `npm install
 * <package>` in ~/.n8n/nodes does (with an n8n-workflow of its own).
 */
export type InstallWay = 'community-nodes' | 'manual';

export interface ExecuteResult {
	ok: boolean;
	code: number | null;
	signal?: string | null;
	run?: { status?: string; data?: { resultData?: { lastNodeExecuted?: string; runData?: Record<string, Array<{ executionStatus?: string }>> } } };
	error?: { message?: string; description?: string; httpCode?: string; messages?: string[]; node?: { type?: string } };
	stdout: string;
	stderr: string;
}

export interface Credential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** The subset of scripts/e2e-lib.mjs the tests use (plain ESM, shared with `npm start`). */
export interface E2eLib {
	n8nEnv(options: { userFolder: string; brokerPort: number; n8nVersion?: string }): Record<string, string>;
	startN8nServer(app: N8nApp, options: { env: Record<string, string>; userFolder: string }): Promise<{ baseUrl: string; output(): string; stop(): Promise<void> }>;
	freePort(): Promise<number>;
	packProject(options: { destination: string; build: boolean; log: (line: string) => void }): Promise<string>;
	distIsStale(): boolean;
	installPackageIntoUserFolder(options: { tarball: string; userFolder: string }): Promise<{ name: string; version: string; dir: string }>;
	INSTALL_WAYS: InstallWay[];
	/** Installs the tarball the given way n8n documents (see scripts/e2e-lib.mjs INSTALL_WAYS). */
	installPackage(way: InstallWay, options: { tarball: string; userFolder: string; log?: (line: string) => void }): Promise<{ name: string; version: string; dir: string; n8nWorkflowVersion?: string }>;
	importCredentials(app: N8nApp, options: { env: Record<string, string>; userFolder: string; credentials: Credential[] }): Promise<unknown>;
	importWorkflows(app: N8nApp, options: { env: Record<string, string>; userFolder: string; workflows: unknown[] }): Promise<unknown>;
	executeWorkflow(app: N8nApp, options: { env: Record<string, string>; userFolder: string; workflowId: string }): Promise<ExecuteResult>;
	nodeOutputJson(run: ExecuteResult['run'], nodeName: string): Array<Record<string, unknown>> | undefined;
	/** Any n8n CLI command (e.g. `publish:workflow --id=…`), with the user folder's environment. */
	runN8n(app: N8nApp, args: string[], options: { env: Record<string, string>; cwd: string }): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** tsc compiles `import()` to `require()` under CommonJS, which cannot load the .mjs scripts. */
export const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

export const log = (line: string) => console.log(`# ${line}`);

/**
 * Asserts that an `n8n execute` run succeeded. On failure the message always carries the exit code,
 * n8n's error and the tails of stdout and stderr: a run can fail before n8n prints a run at all
 * (start-up, database, task broker), and then only the process output says why.
 */
export function assertRan(result: ExecuteResult, label: string): void {
	if (result.ok) return;
	const error = result.error ? `${result.error.message ?? ''} ${result.error.description ?? ''}`.trim() : '(n8n printed no run error)';
	assert.fail(`${label}: n8n execute failed (${result.signal ? `signal ${result.signal}` : `exit ${result.code}`}, run status ${result.run?.status ?? 'none'}): ${error}\n--- stdout (tail) ---\n${result.stdout.slice(-3000)}\n--- stderr (tail) ---\n${result.stderr.slice(-3000)}`);
}

export interface PreparedN8n {
	lib: E2eLib;
	app: N8nApp;
	installWay: InstallWay;
	/** The n8n-workflow the package resolves: its own copy's version (manual install), or undefined (n8n's). */
	packageN8nWorkflow?: string;
	userFolder: string;
	env: Record<string, string>;
	/** Runs a workflow headless, failing with n8n's own output when it cannot run. */
	execute(workflowId: string): Promise<ExecuteResult>;
	dispose(): void;
}

/** Registers a credential's secrets for the audit: every password-type field, and the Basic header its client pair makes. */
function registerCredentialSecrets(credential: Credential): void {
	const { credentialTypes } = packageTypes();
	let names: string[];
	try {
		names = credentialTypes.getProperties(credential.type).filter((property) => property.typeOptions?.password).map((property) => property.name);
	} catch {
		names = Object.keys(credential.data).filter((name) => /secret|password|token|key/i.test(name));
	}
	for (const name of names) registerSecret(`${credential.type}.${name} (${credential.id})`, credential.data[name]);
	const data = credential.data as Record<string, unknown>;
	registerBasicPair(credential.type, data.oauthClientId ?? data.clientId, data.oauthClientSecret ?? data.clientSecret);
}

/**
 * The secret audit for the real n8n: every credential imported registers its secrets, and every
 * `n8n execute` is checked: n8n's own log output (stdout and stderr, where n8n logs) and the run it
 * printed, for each secret in plain, URL-encoded and base64 form.
 */
export function audited(lib: E2eLib): E2eLib {
	return {
		...lib,
		importCredentials: async (app, options) => {
			for (const credential of options.credentials) registerCredentialSecrets(credential);
			return await lib.importCredentials(app, options);
		},
		executeWorkflow: async (app, options) => {
			const result = await lib.executeWorkflow(app, options);
			assertNoSecrets(`n8n execute ${options.workflowId} (stdout: n8n's log and the run)`, result.stdout);
			assertNoSecrets(`n8n execute ${options.workflowId} (stderr)`, result.stderr);
			return result;
		},
	};
}

/** scripts/n8n-app.mjs, loaded as the ES module it is. */
export async function n8nAppScript(): Promise<N8nAppScript> {
	return await importEsm<N8nAppScript>(join(repoRoot(), 'scripts', 'n8n-app.mjs'));
}

/**
 * The pinned n8n app (installed on first use) with a fresh user folder holding our packed package,
 * installed the way n8n installs a community package from Settings → Community Nodes, or another way
 * n8n documents (`installWay`). Its `lib` is audited for secrets. Given an n8n version (one of
 * COMPAT_RELEASES), that release instead, with the environment it needs.
 */
export async function prepareN8n(options: { n8nVersion?: string; installWay?: InstallWay } = {}): Promise<PreparedN8n> {
	const installWay = options.installWay ?? 'community-nodes';
	const root = repoRoot();
	const script = await n8nAppScript();
	const lib = audited(await importEsm<E2eLib>(join(root, 'scripts', 'e2e-lib.mjs')));
	const install = options.n8nVersion === undefined ? {} : script.compatInstall(options.n8nVersion);
	const app = await script.ensureN8nApp({ log, ...install });
	const workDir = mkdtempSync(join(tmpdir(), 'token-connectors-e2e-'));
	const userFolder = join(workDir, 'user');
	// Tests run from dist-dev/, built with dist/ by `npm run build`; rebuild only when a source is newer.
	const tarball = await lib.packProject({ destination: workDir, build: lib.distIsStale(), log });
	const installed = await lib.installPackage(installWay, { tarball, userFolder, log });
	const env = lib.n8nEnv({ userFolder, brokerPort: await lib.freePort(), n8nVersion: app.n8nVersion });
	return {
		lib,
		app,
		installWay,
		packageN8nWorkflow: installed.n8nWorkflowVersion,
		userFolder,
		env,
		execute: async (workflowId) => await lib.executeWorkflow(app, { env, userFolder, workflowId }),
		dispose: () => {
			if (process.env.E2E_KEEP !== '1') rmSync(workDir, { recursive: true, force: true });
		},
	};
}
