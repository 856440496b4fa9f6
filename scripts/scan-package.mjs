#!/usr/bin/env node
/**
 * `npm run scan`: n8n's own community-package scanner, `@n8n/scan-community-package` (pinned below), on this
 * package as `npm pack` packs it, without publishing it or fetching anything of it from the registry.
 *
 * What the scanner's command (`npx @n8n/scan-community-package <name>`) does, in its scanner/scanner.mjs:
 *   1. reads the package's metadata from the npm registry and requires an npm provenance attestation
 *      (predicate type SLSA provenance v1) on the version;
 *   2. downloads the GitHub source at the commit that attestation names and lints it:
 *      `analyzePackage(sourceDir, SOURCE_FILE_PATTERNS)`, i.e. package.json and
 *      `{nodes,credentials}/**\/*.{js,ts,json}`;
 *   3. downloads the published tarball (`npm pack <name>@<version>`), extracts it and lints it:
 *      `analyzePackage(packageDir, ['**\/*.js', 'package.json'])`.
 * Both lints use the ESLint configuration of its `buildScanConfig()`: `@n8n/eslint-plugin-community-nodes`'
 * recommended rules on every file, `no-console`, and `eslint-plugin-n8n-nodes-base`'s community rules on
 * package.json, its credentials rules on credentials/**\/*.ts and its nodes rules on nodes/**\/*.ts, with
 * inline `eslint-disable` comments ignored. Any error fails the scan.
 *
 * This script runs steps 2 and 3 by calling the scanner's own exported `analyzePackage` with those same
 * arguments: step 2 on this working tree (the source a release is built from), step 3 on the tarball
 * `npm pack` makes of the current build, extracted as the scanner extracts it. Step 1 needs a published
 * version: the Publish workflow (.github/workflows/publish.yml) publishes with provenance. A last check
 * lints a two-file package that breaks two rules and requires the scanner to reject it, so a scanner that
 * silently lints nothing cannot pass.
 *
 * The scanner (about 220 MB with ESLint 9 and TypeScript 7) is no dependency of this package: the first run
 * installs the pinned version into .cache/ (git-ignored) with `npm install --ignore-scripts` (its only
 * install scripts are native builds and a pnpm-only guard, none of which linting needs); later runs reuse it.
 *
 * Usage: `npm run scan` (builds first), or `node scripts/scan-package.mjs` on an existing build (what
 * test/unit/scanCommunityPackage.test.ts runs). Exits 0 when both lints pass, 1 otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCANNER = '@n8n/scan-community-package';
const SCANNER_VERSION = '0.32.0';
/** The files the scanner lints in the tarball: scanner.mjs passes these to analyzePackage inline. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cacheRoot = join(repoRoot, '.cache');
const installDir = join(cacheRoot, `scan-community-package-${SCANNER_VERSION}`);
const scannerDir = join(installDir, 'node_modules', ...SCANNER.split('/'));

const log = (line) => console.log(`scan: ${line}`);
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function installedVersion(dir) {
	try {
		return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

/** Installs the pinned scanner into .cache/ once; concurrent runs each install into their own folder and the first rename wins. */
function ensureScanner() {
	if (installedVersion(scannerDir) === SCANNER_VERSION) return;
	const started = performance.now();
	log(`installing ${SCANNER}@${SCANNER_VERSION} into .cache/ (first run only)`);
	mkdirSync(cacheRoot, { recursive: true });
	const staging = mkdtempSync(join(cacheRoot, 'scan-install-'));
	try {
		writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ private: true }, null, 2)}\n`);
		execFileSync('npm', ['install', '--prefix', staging, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--save-exact', `${SCANNER}@${SCANNER_VERSION}`], {
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		// A folder left by an interrupted or different install is replaced; one another run just made is kept.
		if (installedVersion(scannerDir) !== SCANNER_VERSION) rmSync(installDir, { recursive: true, force: true });
		try {
			renameSync(staging, installDir);
		} catch (error) {
			if (installedVersion(scannerDir) !== SCANNER_VERSION) throw error;
		}
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
	log(`installed in ${seconds(started)}`);
}

/** `npm pack` of the current build into `workDir`, extracted to `workDir/package` as the scanner extracts a downloaded tarball. */
function packAndExtract(workDir) {
	const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
	const missing = [...manifest.n8n.credentials, ...manifest.n8n.nodes].filter((file) => !existsSync(join(repoRoot, file)));
	if (missing.length > 0) throw new Error(`no build to pack (${missing[0]} is missing): run \`npm run build\` first, or \`npm run scan\``);
	const [{ filename, entryCount }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workDir], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
	);
	const packageDir = join(workDir, 'package');
	mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', join(workDir, filename), '-C', packageDir, '--strip-components=1']);
	return { filename, entryCount, packageDir };
}

/** The scanner's `analyzePackage(dir, patterns)`, with the number of files its glob picks, which it does not report. */
async function lint(scanner, glob, title, dir, patterns) {
	const files = glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] }).length;
	const started = performance.now();
	const result = await scanner.analyzePackage(dir, patterns);
	const passed = result.passed && files > 0;
	log(`${passed ? 'passed' : 'FAILED'}: ${title}, ${files} files (${patterns.join(', ')}) in ${seconds(started)}${result.message ? `: ${result.message}` : ''}`);
	if (result.details) console.log(result.details);
	return passed;
}

/** A package that breaks two rules (no community keyword, a console call): the scanner must reject it. */
async function scannerRejectsBrokenPackage(scanner, workDir) {
	const dir = join(workDir, 'broken');
	mkdirSync(join(dir, 'dist'), { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'n8n-nodes-broken', version: '0.0.1', keywords: [] }));
	writeFileSync(join(dir, 'dist', 'index.js'), "console.log('broken');\n");
	const result = await scanner.analyzePackage(dir, TARBALL_FILE_PATTERNS);
	const rules = ['n8n-nodes-base/community-package-json-keywords-without-official-tag', 'no-console'];
	const caught = !result.passed && rules.every((rule) => result.details?.includes(rule));
	log(`${caught ? 'passed' : 'FAILED'}: self-check, a package without the community keyword and with a console call ${caught ? 'is rejected' : `is not rejected by both ${rules.join(' and ')}`}`);
	return caught;
}

async function main() {
	const started = performance.now();
	ensureScanner();
	const scanner = await import(pathToFileURL(join(scannerDir, 'scanner', 'scanner.mjs')).href);
	// fast-glob is the scanner's own dependency: the same glob it lints with, used here only to count files.
	const { createRequire } = await import('node:module');
	const glob = createRequire(join(scannerDir, 'package.json'))('fast-glob');
	const workDir = mkdtempSync(join(tmpdir(), 'scan-package-'));
	try {
		const { filename, entryCount, packageDir } = packAndExtract(workDir);
		log(`packed ${filename} (${entryCount} files); ${SCANNER}@${SCANNER_VERSION}`);
		const source = await lint(scanner, glob, 'source (working tree)', repoRoot, scanner.SOURCE_FILE_PATTERNS);
		const tarball = await lint(scanner, glob, `tarball (${filename})`, packageDir, TARBALL_FILE_PATTERNS);
		const live = await scannerRejectsBrokenPackage(scanner, workDir);
		const passed = source && tarball && live;
		log(`${passed ? 'passed' : 'FAILED'} in ${seconds(started)} (not checked here: the npm provenance the registry must hold for a published version)`);
		return passed;
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

main().then(
	(passed) => process.exit(passed ? 0 : 1),
	(error) => {
		console.error(`scan: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	},
);
