/**
 * Debian's Chromium for the browser test. Playwright cannot download its own browsers here (closed
 * network), so the test uses the distribution's package, installed with apt when missing: CI starts
 * from a clean machine. A failed install fails the test run loudly; the test is never skipped.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Without the background-networking switches Chromium dials Google services, which this closed network refuses. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** Debian's packages: the browser, and a font so screenshots show text rather than boxes. */
const PACKAGES = ['chromium', 'fonts-dejavu-core'];

function tail(text: string): string {
	return text.trim().split('\n').slice(-25).join('\n');
}

/**
 * Makes sure `/usr/bin/chromium` exists: nothing to do when it does, else `apt-get install`
 * (directly as root, through `sudo -n` otherwise). Throws with apt's own output when that fails.
 */
export function ensureChromium(log: (line: string) => void = () => {}, executable = CHROMIUM): string {
	if (existsSync(executable)) return executable;
	const asRoot = process.getuid?.() === 0;
	const prefix = asRoot ? [] : ['sudo', '-n'];
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const steps: Array<[string, string[]]> = [
		['apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update']],
		['apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', ...PACKAGES]],
	];
	log(`${executable} is missing: installing ${PACKAGES.join(' ')} with apt-get (a few minutes)…`);
	for (const [command, args] of steps) {
		const [file, ...rest] = [...prefix, command, ...args];
		const result = spawnSync(file, rest, { env, encoding: 'utf8', timeout: 15 * 60_000 });
		if (result.error || result.status !== 0) {
			throw new Error(
				`The browser test needs Debian's chromium at ${executable} and could not install it: \`${[file, ...rest].join(' ')}\` ` +
					`${result.error ? `failed to run (${result.error.message})` : `exited with ${result.status ?? result.signal}`}.\n` +
					`${asRoot ? '' : 'Not running as root and `sudo -n` is not available: install it yourself with `sudo apt-get install chromium`.\n'}` +
					tail(`${result.stdout ?? ''}\n${result.stderr ?? ''}`),
			);
		}
	}
	if (!existsSync(executable)) throw new Error(`apt-get installed ${PACKAGES.join(' ')} but ${executable} still does not exist`);
	log(`installed ${executable}`);
	return executable;
}

export interface LaunchedBrowser {
	context: BrowserContext;
	close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile of its own (Playwright's persistent context is how it takes
 * a `--user-data-dir`), a laptop-sized window, and n8n's test-id attribute (`data-test-id`, which
 * n8n's own Playwright tests also use) for `getByTestId`.
 */
export async function launchChromium(executablePath = CHROMIUM): Promise<LaunchedBrowser> {
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'ui-test-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
		deviceScaleFactor: 1,
		locale: 'en-GB',
	});
	context.setDefaultTimeout(20_000);
	return {
		context,
		close: async () => {
			await context.close().catch(() => {});
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
