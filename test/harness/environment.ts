/**
 * n8n-core reads its instance settings (encryption key, user folder) from N8N_USER_FOLDER the
 * first time they are needed. Tests must never touch a real ~/.n8n, so every test process gets a
 * temporary folder before n8n-core is loaded. Import this module first.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import './secretAudit';

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'token-connectors-n8n-'));
}
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';

export const userFolder = process.env.N8N_USER_FOLDER;
