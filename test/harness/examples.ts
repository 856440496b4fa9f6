/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './packageTypes';
import type { WorkflowJson } from './runWorkflow';

/** An example workflow from `examples/`, the same file users import into n8n. */
export function loadExample(fileName: string): WorkflowJson {
	return JSON.parse(readFileSync(join(repoRoot(), 'examples', fileName), 'utf8')) as WorkflowJson;
}
