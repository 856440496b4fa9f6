// General TypeScript rules for what runs only on developer machines and CI (sandbox, tests, scripts): they may
// use `process`, timers and the console, which n8n's community rules (eslint.config.mjs, run by `n8n-node lint`)
// forbid in shipped code. Run with `--no-inline-config`, so the `eslint-disable` line those files carry for
// `n8n-node lint` does not switch these rules off too.
import tseslint from 'typescript-eslint';

export default [
	{ ignores: ['dist/**', '.n8n-app/**', '.n8n-start/**', 'node_modules/**'] },
	...tseslint.config({
		files: ['sandbox/**/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs'],
		extends: [tseslint.configs.recommended],
		rules: {
			// Dropping keys by destructuring them into unused names is how a manifest is trimmed.
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
		},
	}),
	{
		// n8n requires node and credential files by path, and these helpers do what n8n's loader does; the
		// install-way checks load a module the way the package resolved it (a second copy of n8n-workflow).
		files: ['test/harness/packageTypes.ts', 'test/ui/support/descriptions.ts', 'test/unit/packedTarball.test.ts', 'test/engine/installWay.test.ts', 'test/unit/noInstanceof.test.ts'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		// Response bodies are read loosely there: the assertions are what check their shape.
		files: ['test/contract/support.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
];
