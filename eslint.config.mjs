// n8n's community-node rules (what `n8n-node lint` runs) for everything that ships in the package;
// the sandbox, tests and scripts run only on developer machines and CI, so they get the general
// TypeScript rules instead (they may use `process`, timers and the console).
import { config as n8nCommunityConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const DEV_ONLY = ['sandbox/**', 'test/**', 'scripts/**', 'examples/**'];

export default [
	{ ignores: ['dist/**', '.n8n-app/**', '.n8n-start/**', 'node_modules/**', 'gulpfile.js', 'index.js'] },
	...n8nCommunityConfig.map((block) => (block.files ? { ...block, ignores: [...(block.ignores ?? []), ...DEV_ONLY] } : block)),
	...tseslint.config({
		files: ['sandbox/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs'],
		extends: [tseslint.configs.recommended],
	}),
];
