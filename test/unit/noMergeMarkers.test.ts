/** No tracked file carries a merge left half-done: conflict markers are caught here, not by a reader. */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { repoRoot } from '../harness/packageTypes';

const TEXT = /\.(ts|mjs|js|json|md|yml|yaml|svg|txt)$|^\.gitignore$|(^|\/)run$/;
// A conflict marker is a whole line of seven <, = or > (the last two followed by a branch name or nothing).
const MARKER = /^(<{7} |={7}$|>{7} )/m;

test('no tracked text file holds a merge conflict marker', () => {
	const root = repoRoot();
	const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter((file) => TEXT.test(file));
	assert.ok(tracked.length > 100, `git ls-files listed ${tracked.length} text files`);
	const marked = tracked.filter((file) => MARKER.test(readFileSync(join(root, file), 'utf8')));
	assert.deepEqual(marked, []);
});
