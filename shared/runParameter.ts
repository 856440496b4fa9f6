/** A node parameter that no expression sets, read once per node run instead of once per item or request. */
import type { IExecuteFunctions, INode, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

type Primitive = string | number | boolean | undefined | null;

/** Read per item: an expression may set it. */
const PER_ITEM = Symbol('per item');

/** One entry per node run (n8n gives each run a context object of its own), by parameter and fallback. */
const readsByRun = new WeakMap<object, Map<string, Primitive | typeof PER_ITEM>>();

/** The node of a run, asked of n8n once: its `getNode()` makes a deep copy at every call. */
const nodeByRun = new WeakMap<object, INode>();

/**
 * The node of this run (its parameters, credentials, type version), read once per run. Only for
 * reading: it is one copy shared by every item of the run. n8n's context gives each run its own.
 */
export function runNode(context: { getNode(): INode }): INode {
	let node = nodeByRun.get(context);
	if (!node) {
		node = context.getNode();
		nodeByRun.set(context, node);
	}
	return node;
}

/**
 * `getNodeParameter(name, itemIndex, fallback)`, read once per run when the value cannot differ
 * between items: neither the parameter nor a collection holding it is an expression, and the value
 * is plain (text, a number, true/false). n8n resolves parameters afresh at every call (a deep copy,
 * the defaults, the expressions), which for a 10,000-item run and a few Options read per request is
 * real work spent getting the same answer. Anything an expression sets is read per item, as before.
 */
export function runParameter<T extends Primitive>(context: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	let reads = readsByRun.get(context);
	if (!reads) {
		reads = new Map();
		readsByRun.set(context, reads);
	}
	const key = `${name}\u0000${typeof fallback}:${String(fallback)}`;
	const known = reads.get(key);
	if (known === PER_ITEM) return context.getNodeParameter(name, itemIndex, fallback) as T;
	if (known !== undefined || reads.has(key)) return known as T;
	const parameters = runNode(context).parameters as INodeParameters | undefined;
	// No parameters to look at (a context that is not n8n's): nothing is known to be the same for every item.
	if (!parameters || mayDifferPerItem(parameters, name)) {
		reads.set(key, PER_ITEM);
		return context.getNodeParameter(name, itemIndex, fallback) as T;
	}
	const value = context.getNodeParameter(name, itemIndex, fallback) as T;
	// An object could be changed by whoever reads it; only plain values are kept.
	reads.set(key, value === null || typeof value !== 'object' ? value : PER_ITEM);
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
