/**
 * The parts of scripts/e2e-lib.mjs the queue-mode test uses beyond what test/e2e/support.ts types:
 * the same module (loaded once by `prepareN8n`), seen with a few more of its exports.
 */
import type { E2eLib, N8nApp } from '../../e2e/support';

export interface RunResult {
	code: number | null;
	signal: string | null;
	stdout: string;
	stderr: string;
}

export interface QueueLib extends Omit<E2eLib, 'n8nEnv'> {
	n8nEnv(options: { userFolder: string; brokerPort: number; extra?: Record<string, string> }): Record<string, string>;
	run(command: string, args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: boolean }): Promise<RunResult>;
	runN8n(app: N8nApp, args: string[], options: { env: Record<string, string>; cwd: string; timeoutMs?: number }): Promise<RunResult>;
	nodesDir(userFolder: string): string;
}

export function queueLib(lib: E2eLib): QueueLib {
	return lib as unknown as QueueLib;
}
