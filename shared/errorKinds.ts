/** What kind an error is, told by what survives a second copy of a module: never by `instanceof`. */
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

/*
 * Installed the manual way n8n documents (`npm install <package>` in ~/.n8n/nodes), the package gets
 * its own copy of n8n-workflow beside n8n's. n8n-core then makes its errors (the NodeApiError
 * around what a credential threw, around an HTTP error) with classes that are not ours, and
 * `error instanceof NodeApiError` is false for every one of them. The same goes for our own classes
 * once several copies of a module meet (one package per service, each with its shared modules).
 *
 * So n8n's errors are told apart by their class names along the prototype chain (which every copy
 * and every release of n8n-workflow has), and ours by a brand under a `Symbol.for` key (one key per
 * runtime, whatever copy made the error). test/unit/noInstanceof.test.ts fails on an `instanceof`
 * in shipped code against anything but `Error`.
 */

/** n8n-workflow's error classes that our code tells apart. `NodeError` is their common base. */
interface N8nErrorClasses {
	NodeApiError: NodeApiError;
	NodeOperationError: NodeOperationError;
	NodeError: NodeApiError | NodeOperationError;
}

/** Whether `value` is an instance of n8n-workflow's class of that name, from whichever copy of n8n-workflow made it. */
export function isN8nError<K extends keyof N8nErrorClasses>(value: unknown, className: K): value is N8nErrorClasses[K] {
	if (value === null || typeof value !== 'object') return false;
	for (let prototype = Object.getPrototypeOf(value) as object | null; prototype !== null; prototype = Object.getPrototypeOf(prototype) as object | null) {
		const constructor = (prototype as { constructor?: { name?: unknown } }).constructor;
		if (constructor?.name === className) return true;
	}
	return false;
}

/** n8n's NodeApiError or NodeOperationError, from any copy of n8n-workflow. */
export function isNodeError(value: unknown): value is NodeApiError | NodeOperationError {
	return isN8nError(value, 'NodeError');
}

/** The one key every copy of our modules brands its errors under (`Symbol.for` is shared by the whole runtime). */
const KINDS = Symbol.for('n8n-nodes-token-connectors.errorKinds');

/** A class of ours whose instances are branded with its `kind` (see {@link brand}). */
export interface BrandedClass<T> {
	readonly kind: string;
	readonly prototype: T;
}

/**
 * Brands `error` as of `kind`. Called by each of our error classes' constructors with its own kind,
 * so a subclass's instances carry its kind and every parent's.
 */
export function brand(error: object, kind: string): void {
	const kinds = (error as { [KINDS]?: readonly string[] })[KINDS] ?? [];
	if (kinds.includes(kind)) return;
	Object.defineProperty(error, KINDS, { value: [...kinds, kind], configurable: true, enumerable: false, writable: false });
}

/** Whether `value` was made by `type` (or a subclass), by any copy of our modules: `instanceof` that survives copies. */
export function isKind<T>(value: unknown, type: BrandedClass<T>): value is T {
	if (value === null || typeof value !== 'object') return false;
	const kinds = (value as { [KINDS]?: unknown })[KINDS];
	return Array.isArray(kinds) && kinds.includes(type.kind);
}
