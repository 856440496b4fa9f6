/** Node parameters checked before any request: text and choices read safely, input validated against a schema, errors naming the item and field. */
import { NodeOperationError, type INode } from 'n8n-workflow';
import type { z } from 'zod';

/**
 * A text parameter's value: text as given, a number (from an expression) as its digits, nothing
 * (undefined, null) as ''. Anything else — an object, a list, true/false — is refused naming the
 * item and the field, instead of being sent as "[object Object]" or "1,2".
 */
export function textParameter(node: INode, value: unknown, itemIndex: number, label: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	const got = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
	throw new NodeOperationError(node, `Item ${itemIndex + 1}: ${label} must be text (got ${got})`, { itemIndex });
}

/**
 * An options parameter's value, which an expression can set to anything: one of `allowed` (value →
 * the name the editor shows), or a refusal listing the names. Empty (undefined, null, '') gives
 * `fallback`.
 */
export function choiceParameter<T extends string>(node: INode, value: unknown, itemIndex: number, label: string, allowed: Record<T, string>, fallback: NoInfer<T>): T {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'string' && Object.hasOwn(allowed, value)) return value as T;
	throw new NodeOperationError(node, `Item ${itemIndex + 1}: ${label} must be ${listNames(Object.values(allowed))} (got ${JSON.stringify(value) ?? String(value)})`, { itemIndex });
}

/** A multiOptions parameter's values: each one of `allowed`; empty gives []. */
export function choicesParameter<T extends string>(node: INode, value: unknown, itemIndex: number, label: string, allowed: Record<T, string>): T[] {
	if (value === undefined || value === null || value === '') return [];
	const values = Array.isArray(value) ? value : [value];
	const wrong = values.find((entry) => typeof entry !== 'string' || !Object.hasOwn(allowed, entry));
	if (wrong !== undefined) {
		throw new NodeOperationError(node, `Item ${itemIndex + 1}: ${label} must each be ${listNames(Object.values(allowed))} (got ${JSON.stringify(wrong) ?? String(wrong)})`, { itemIndex });
	}
	return values as T[];
}

function listNames(names: string[]): string {
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}

/**
 * Validates an item's input against a zod schema before anything is sent. The error names the
 * item (1-based, as n8n's editor counts) and the field by the label the user sees, with the
 * schema's own words ("must be at least 0.1"), so a no-code user knows what to change.
 */
export function validateInput<T>(
	node: INode,
	schema: z.ZodType<T>,
	input: unknown,
	itemIndex: number,
	labels: Record<string, string>,
): T {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		const path = issue.path.join('.');
		const label = labels[path] ?? labels[String(issue.path[0] ?? '')] ?? (path || 'Input');
		return `${label} ${issue.message}`;
	});
	throw new NodeOperationError(node, `Item ${itemIndex + 1}: ${problems[0]}`, {
		itemIndex,
		description: problems.length > 1 ? `Also: ${problems.slice(1).join('; ')}` : undefined,
	});
}
