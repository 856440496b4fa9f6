import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './packageTypes';
import type { WorkflowJson } from './runWorkflow';

/** An example workflow from `examples/`, the same file users import into n8n. */
export function loadExample(fileName: string): WorkflowJson {
	return JSON.parse(readFileSync(join(repoRoot(), 'examples', fileName), 'utf8')) as WorkflowJson;
}
