import { NodeOperationError, type INode } from 'n8n-workflow';
import type { z } from 'zod';

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
