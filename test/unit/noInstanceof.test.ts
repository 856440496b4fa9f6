/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * No identity check in shipped code that a second copy of a module breaks (issue 22). Installed the
 * manual way n8n documents, the package has its own n8n-workflow beside n8n's, and n8n-core makes its
 * errors with n8n's: `error instanceof NodeApiError` is then false for every error n8n hands us. So
 * shipped code tells errors apart with shared/errorKinds.ts, and `instanceof` may only name `Error`
 * (one per runtime). The second part proves those checks do survive a second copy: real instances made
 * by another copy of n8n-workflow's module files, loaded afresh.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';

import * as n8nWorkflow from 'n8n-workflow';
import ts from 'typescript';

import { DateValueError } from '../../shared/dates';
import { brand, isKind, isN8nError, isNodeError } from '../../shared/errorKinds';
import { ClaimWritten, PasswordLoginNeedsClaim, TokenRequestError } from '../../shared/token';
import { repoRoot } from '../harness/packageTypes';

const SHIPPED = ['credentials', 'nodes', 'shared'];
/** The only class `instanceof` may name in shipped code: there is one `Error` per runtime, whatever copies of modules are loaded. */
const ALLOWED = new Set(['Error']);

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
	});
}

/** Every `x instanceof Y` in a source file whose `Y` is not allowed, as `file:line: text`. */
export function forbiddenInstanceofs(file: string, text: string): string[] {
	const found: string[] = [];
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
	const visit = (node: ts.Node): void => {
		if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) {
			const right = node.right;
			if (!(ts.isIdentifier(right) && ALLOWED.has(right.text))) {
				const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
				found.push(`${file}:${line + 1}: ${node.getText(source)}`);
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

describe('no instanceof that a second copy of a module breaks (shipped code)', () => {
	test('shipped code uses instanceof only against Error', () => {
		const root = repoRoot();
		const files = SHIPPED.flatMap((dir) => sources(join(root, dir)));
		assert.ok(files.length > 50, `found ${files.length} source files`);
		const found = files.flatMap((file) => forbiddenInstanceofs(relative(root, file), readFileSync(file, 'utf8')));
		assert.deepEqual(found, [], 'tell these apart with shared/errorKinds.ts (isN8nError, isKind) instead');
	});

	test('the check finds what it must, and only that', () => {
		const text = [
			"import { NodeApiError } from 'n8n-workflow';",
			'const a = error instanceof NodeApiError;',
			'const b = error instanceof n8n.NodeOperationError;',
			'const c = value instanceof Date;',
			'const d = error instanceof Error;',
			'// error instanceof NodeApiError in a comment',
			"const e = 'x instanceof NodeApiError';",
		].join('\n');
		assert.deepEqual(forbiddenInstanceofs('sample.ts', text), [
			'sample.ts:2: error instanceof NodeApiError',
			'sample.ts:3: error instanceof n8n.NodeOperationError',
			'sample.ts:4: value instanceof Date',
		]);
	});
});

/**
 * n8n-workflow's module files loaded a second time: a copy as npm's manual install makes one, same
 * code, other classes. (Its CommonJS build, cleared from the module cache and required again.)
 */
function secondCopyOfN8nWorkflow(): typeof n8nWorkflow {
	const entry = require.resolve('n8n-workflow');
	const root = entry.slice(0, entry.lastIndexOf(`${'/'}dist${'/'}`));
	const saved = new Map(Object.entries(require.cache).filter(([path]) => path.startsWith(root)));
	for (const path of saved.keys()) delete require.cache[path];
	try {
		return require(entry) as typeof n8nWorkflow;
	} finally {
		for (const path of Object.keys(require.cache)) if (path.startsWith(root)) delete require.cache[path];
		for (const [path, module] of saved) require.cache[path] = module;
	}
}

describe('shared/errorKinds.ts tells errors apart across copies', () => {
	const node = { id: 'kinds', name: 'Enkash', type: 'n8n-nodes-token-connectors.enkash', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const other = secondCopyOfN8nWorkflow();

	test('the second copy really is another copy: instanceof fails across it', () => {
		assert.notEqual(other.NodeApiError, n8nWorkflow.NodeApiError);
		assert.equal(new other.NodeApiError(node, { message: 'x' }) instanceof n8nWorkflow.NodeApiError, false);
	});

	for (const [label, copy] of [
		['this copy', n8nWorkflow],
		['another copy', other],
	] as const) {
		test(`n8n's errors made by ${label}`, () => {
			const api = new copy.NodeApiError(node, { message: 'Not found', httpCode: '404' });
			const operation = new copy.NodeOperationError(node, 'Item 1: bad');
			assert.equal(isN8nError(api, 'NodeApiError'), true);
			assert.equal(isN8nError(api, 'NodeOperationError'), false);
			assert.equal(isN8nError(operation, 'NodeOperationError'), true);
			assert.equal(isN8nError(operation, 'NodeApiError'), false);
			assert.equal(isNodeError(api) && isNodeError(operation), true);
			assert.equal(isNodeError(new Error('plain')), false);
			assert.equal(isNodeError(new copy.ApplicationError('not a node error')), false);
		});
	}

	test('values that are not errors', () => {
		for (const [index, value] of [undefined, null, 'NodeApiError', 42, { name: 'NodeApiError' }, Object.create(null)].entries()) {
			assert.equal(isN8nError(value, 'NodeApiError'), false, `value ${index}`);
			assert.equal(isKind(value, TokenRequestError), false, `value ${index}`);
		}
	});

	test('our errors carry their kind and every parent kind, under a Symbol.for brand', () => {
		const needsClaim = new PasswordLoginNeedsClaim('Enkash');
		assert.equal(isKind(needsClaim, PasswordLoginNeedsClaim), true);
		assert.equal(isKind(needsClaim, TokenRequestError), true);
		assert.equal(isKind(new TokenRequestError('refused', 401, true), PasswordLoginNeedsClaim), false);
		assert.equal(isKind(new ClaimWritten(), TokenRequestError), false);
		assert.equal(isKind(new DateValueError('Due Date', 'x', 'bad'), DateValueError), true);
		// What another copy of our modules made: a plain object branded under the same runtime-wide key.
		const fromAnotherCopy = new Error('refused');
		brand(fromAnotherCopy, 'TokenRequestError');
		assert.equal(isKind(fromAnotherCopy, TokenRequestError), true);
		assert.equal(isKind(fromAnotherCopy, ClaimWritten), false);
		// The brand is not enumerable: it never shows in an error item or a log.
		assert.deepEqual(Object.keys(needsClaim).includes(String(Symbol.for('n8n-nodes-token-connectors.errorKinds'))), false);
		assert.equal(JSON.stringify({ ...needsClaim }).includes('errorKinds'), false);
	});
});
