/** A node parameter that no expression sets, read once per node run instead of once per item or request. */
import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

type Primitive = string | number | boolean | undefined | null;

/** One entry per node run (n8n gives each run a context object of its own), by parameter and fallback. */
const readsByRun = new WeakMap<object, Map<string, Primitive>>();

/**
 * `getNodeParameter(name, itemIndex, fallback)`, read once per run when the value cannot differ
 * between items: neither the parameter nor a collection holding it is an expression, and the value
 * is plain (text, a number, true/false). n8n resolves parameters afresh at every call (a deep copy,
 * the defaults, the expressions), which for a 10,000-item run and a few Options read per request is
 * real work spent getting the same answer. Anything an expression sets is read per item, as before.
 */
export function runParameter<T extends Primitive>(context: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	const parameters = context.getNode().parameters as INodeParameters | undefined;
	// No parameters to look at (a context that is not n8n's): nothing is known to be the same for every item.
	if (!parameters || mayDifferPerItem(parameters, name)) return context.getNodeParameter(name, itemIndex, fallback) as T;
	let reads = readsByRun.get(context);
	if (!reads) {
		reads = new Map();
		readsByRun.set(context, reads);
	}
	const key = `${name}\u0000${typeof fallback}:${String(fallback)}`;
	if (reads.has(key)) return reads.get(key) as T;
	const value = context.getNodeParameter(name, itemIndex, fallback) as T;
	// An object could be changed by whoever reads it; only plain values are kept.
	if (value === null || typeof value !== 'object') reads.set(key, value);
	return value;
}

/** Whether an expression sets the parameter at `path` ("options.timeoutSeconds"), a collection holding it, or anything in it. */
function mayDifferPerItem(parameters: INodeParameters, path: string): boolean {
	let value: NodeParameterValueType | undefined = parameters;
	for (const segment of path.split('.')) {
		if (isExpression(value)) return true;
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
		value = (value as INodeParameters)[segment];
	}
	return holdsExpression(value);
}

function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith('=');
}

function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (value === null || typeof value !== 'object') return false;
	return Object.values(value as object).some(holdsExpression);
}
