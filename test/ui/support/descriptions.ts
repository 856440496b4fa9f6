/**
 * The form review of issue 9, on the built package: loads the node and credential descriptions from
 * `dist/` exactly as n8n does (through package.json's `n8n` section) and checks what a user meets in
 * the editor's forms. Used by `test/ui/formReview.test.ts` (every operation, no browser) and by the
 * browser test (the expected fields, operations and actions of the forms it opens).
 *
 * Every check returns findings as plain sentences that say where (node or credential, resource,
 * operation, field path with its internal name) and what is wrong, so a failing test reads as a
 * review comment.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { repoRoot } from '../../harness/packageTypes';

export interface LoadedNode {
	/** The node type as n8n names it: `<package>.<name>`. */
	type: string;
	file: string;
	description: INodeTypeDescription;
	/** The operations the node can run, by resource (the router's map), with the file of each. */
	implemented: Map<string, Map<string, string>>;
}

export interface LoadedCredential {
	file: string;
	type: ICredentialType;
}

interface PackageJson {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
}

// n8n loads these files by path, so does the review (require by path: eslint.dev.config.mjs allows it here).
function requireFile<T>(file: string): T {
	return require(file) as T;
}

/**
 * The operations a node implements: every `actions/<resource>/<Resource>.resource.js` beside the
 * node exports `operations`, the map the node's router dispatches to (`shared/router.ts`); the
 * folder name is the resource value. Each operation's file is found through Node's module cache.
 */
function implementedOperations(nodeFile: string): Map<string, Map<string, string>> {
	const result = new Map<string, Map<string, string>>();
	const actions = join(dirname(nodeFile), 'actions');
	if (!existsSync(actions)) return result;
	for (const entry of readdirSync(actions, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const resourceFile = readdirSync(join(actions, entry.name)).find((name) => name.endsWith('.resource.js'));
		if (!resourceFile) continue;
		const path = join(actions, entry.name, resourceFile);
		const { operations } = requireFile<{ operations?: Record<string, unknown> }>(path);
		if (!operations) continue;
		const files = new Map<string, string>();
		for (const [operation, module] of Object.entries(operations)) {
			const cached = Object.values(require.cache).find((candidate) => candidate?.exports === module);
			files.set(operation, cached?.filename ?? '');
		}
		result.set(entry.name, files);
	}
	return result;
}

let loaded: { nodes: LoadedNode[]; credentials: LoadedCredential[]; packageName: string } | undefined;

/** The package's built nodes and credentials, as n8n would load them. */
export function loadPackage(): { nodes: LoadedNode[]; credentials: LoadedCredential[]; packageName: string } {
	if (loaded) return loaded;
	const root = repoRoot();
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
	const nodes: LoadedNode[] = [];
	for (const file of pkg.n8n.nodes) {
		const path = join(root, file);
		for (const exported of Object.values(requireFile<Record<string, new () => INodeType>>(path))) {
			const node = new exported();
			nodes.push({ type: `${pkg.name}.${node.description.name}`, file: path, description: node.description, implemented: implementedOperations(path) });
		}
	}
	const credentials: LoadedCredential[] = [];
	for (const file of pkg.n8n.credentials) {
		const path = join(root, file);
		for (const exported of Object.values(requireFile<Record<string, new () => ICredentialType>>(path))) credentials.push({ file: path, type: new exported() });
	}
	loaded = { nodes, credentials, packageName: pkg.name };
	return loaded;
}
/* eslint-enable @typescript-eslint/no-require-imports */

// --- displayOptions -------------------------------------------------------------------------------

type Values = Record<string, unknown>;

function matches(wanted: unknown[], actual: unknown): boolean {
	return wanted.some((candidate) => {
		if (candidate && typeof candidate === 'object' && '_cnd' in candidate) {
			const [[operator, operand]] = Object.entries((candidate as { _cnd: Record<string, unknown> })._cnd);
			if (operator === 'eq') return actual === operand;
			if (operator === 'not') return actual !== operand;
			if (operator === 'exists') return actual !== undefined && actual !== '';
			return true;
		}
		return candidate === actual;
	});
}

/** Whether n8n shows this property for these parameter values (the subset of displayOptions our nodes use). */
export function isShown(property: Pick<INodeProperties, 'displayOptions'>, values: Values, version = 1): boolean {
	const { show, hide } = property.displayOptions ?? {};
	const valueOf = (key: string) => (key === '@version' ? version : values[key.replace(/^\//, '')]);
	for (const [key, wanted] of Object.entries(show ?? {})) if (!matches(wanted as unknown[], valueOf(key))) return false;
	for (const [key, wanted] of Object.entries(hide ?? {})) if (matches(wanted as unknown[], valueOf(key))) return false;
	return true;
}

/**
 * The top-level properties n8n shows for the chosen values (e.g. a resource and an operation), in
 * order, with every other parameter at the default of the property shown for it.
 */
export function shownProperties(properties: INodeProperties[], chosen: Values): { shown: INodeProperties[]; values: Values } {
	const values: Values = { ...chosen };
	for (let pass = 0; pass < 3; pass++) {
		for (const property of properties) if (!(property.name in values) && isShown(property, values)) values[property.name] = property.default;
	}
	return { shown: properties.filter((property) => isShown(property, values)), values };
}

/** The resource and operation selectors of a node, with their options. */
export function resourcesOf(node: LoadedNode): INodePropertyOptions[] {
	const resource = node.description.properties.find((property) => property.name === 'resource');
	return (resource?.options as INodePropertyOptions[] | undefined) ?? [];
}

export function operationsOf(node: LoadedNode, resource: string): INodePropertyOptions[] {
	const { shown } = shownProperties(node.description.properties, { resource });
	const operation = shown.find((property) => property.name === 'operation');
	return (operation?.options as INodePropertyOptions[] | undefined) ?? [];
}

/**
 * The operation names a user must find in a resource's Operation list: one per operation the node
 * implements, named as the description names it. An implemented operation the description does not
 * offer is named `(missing) <value>`, a name no list shows, so a comparison with the list fails.
 */
export function expectedOperationNames(node: LoadedNode, resource: string): string[] {
	const offered = operationsOf(node, resource);
	return [...(node.implemented.get(resource)?.keys() ?? [])]
		.map((value) => offered.find((option) => option.value === value)?.name ?? `(missing) ${value}`)
		.sort((a, b) => a.localeCompare(b));
}

// --- walking the forms -------------------------------------------------------------------------------

export interface Field {
	property: INodeProperties;
	/** Display names from the top, e.g. `Additional Fields › Due Date`. */
	path: string[];
	/** Whether it sits in a collection or fixed collection (not a top-level field). */
	nested: boolean;
	/** When the top-level field it belongs to is shown, e.g. `resource = invoice, operation = create`. */
	context: string;
}

/** When a top-level field is shown, for messages. */
function shownWhen(property: INodeProperties): string {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show)
		.map(([key, values]) => `${key} = ${(values as unknown[]).map(String).join(' | ')}`)
		.join(', ');
}

/** Every property of a form, depth first, collections and fixed collections included. */
export function fieldsOf(properties: INodeProperties[], path: string[] = [], nested = false, context?: string): Field[] {
	const fields: Field[] = [];
	for (const property of properties) {
		const here = [...path, property.displayName];
		const shown = context ?? shownWhen(property);
		fields.push({ property, path: here, nested, context: shown });
		if (property.type === 'collection') fields.push(...fieldsOf((property.options ?? []) as INodeProperties[], here, true, shown));
		if (property.type === 'fixedCollection') {
			for (const group of (property.options ?? []) as INodePropertyCollection[]) fields.push(...fieldsOf(group.values, [...here, group.displayName], true, shown));
		}
	}
	return fields;
}

const where = (owner: string, field: Field) => `${owner} › ${field.path.join(' › ')} (${field.property.name})`;

/**
 * Collects findings; the same field reused by several operations (one shared definition) is
 * reported once, with every place it is shown.
 */
class Findings {
	private readonly byProblem = new Map<string, Set<string>>();

	add(at: string, problem: string, context = ''): void {
		const key = `${at}: ${problem}`;
		if (!this.byProblem.has(key)) this.byProblem.set(key, new Set());
		if (context) this.byProblem.get(key)!.add(context);
	}

	list(): string[] {
		return [...this.byProblem].map(([key, contexts]) => (contexts.size > 0 ? `${key} [shown when ${[...contexts].join('; or ')}]` : key));
	}
}

/**
 * Types a user never types into: hidden values, notices, and n8n's collection containers ("Add
 * Field" groups), whose label is generic and whose content is checked field by field.
 */
const NOT_A_FIELD = new Set(['hidden', 'notice', 'callout', 'collection', 'button']);

/**
 * n8n conventions: the Resource and Operation selectors are described by their options (each
 * operation option has a description, checked below), and a parameter named `authentication`
 * that picks the credential type is folded by the editor into the Credential selector.
 */
function exemptFromDescription(field: Field): boolean {
	if (field.nested) return false;
	return ['resource', 'operation', 'authentication'].includes(field.property.name);
}

// --- the review rules ------------------------------------------------------------------------------

export interface Form {
	/** "Enkash (node)" or "Enkash API (credential)". */
	owner: string;
	properties: INodeProperties[];
}

export function forms(): Form[] {
	const { nodes, credentials } = loadPackage();
	return [
		...nodes.map((node) => ({ owner: `${node.description.displayName} (node ${node.type})`, properties: node.description.properties })),
		...credentials.map(({ type }) => ({ owner: `${type.displayName} (credential ${type.name})`, properties: type.properties })),
	];
}

/** Every field has a description (n8n shows it as the ⓘ tooltip beside the label). */
export function missingDescriptions(form: Form): string[] {
	const findings = new Findings();
	for (const field of fieldsOf(form.properties)) {
		if (NOT_A_FIELD.has(field.property.type) || exemptFromDescription(field)) continue;
		if (!field.property.description?.trim()) findings.add(where(form.owner, field), 'no description', field.context);
	}
	for (const field of fieldsOf(form.properties)) {
		if (field.property.name !== 'operation' || field.nested) continue;
		for (const option of (field.property.options ?? []) as INodePropertyOptions[]) {
			if (!option.description?.trim()) findings.add(where(form.owner, field), `option "${option.name}" has no description`, field.context);
		}
	}
	return findings.list();
}

/**
 * Required fields are marked: a field whose description says it is required must be `required:
 * true`, or the editor neither marks it nor flags it when it is left empty.
 */
export function unmarkedRequired(form: Form): string[] {
	const findings = new Findings();
	for (const field of fieldsOf(form.properties)) {
		const text = field.property.description ?? '';
		if (field.property.required || NOT_A_FIELD.has(field.property.type)) continue;
		const says = /\(required( [^)]*)?\)|\bis required\b/i.exec(text);
		if (says) {
			findings.add(
				where(form.owner, field),
				`the description says "${says[0]}" but the field is not \`required: true\`, so the editor neither marks it nor flags it when it is empty ` +
					'(make it required; if it is required only in one mode, show a required copy only in that mode)',
				field.context,
			);
		}
	}
	return findings.list();
}

/** Date fields (their internal name ends in Date, DateFrom/To, On, OnFrom/To, At; or type dateTime). */
export function isDateField(property: INodeProperties): boolean {
	return property.type === 'dateTime' || (['string', 'dateTime'].includes(property.type) && /(Date|On|At)(From|To)?$/.test(property.name));
}

/** Date fields say YYYY-MM-DD in their placeholder. */
export function datePlaceholders(form: Form): string[] {
	const findings = new Findings();
	for (const field of fieldsOf(form.properties)) {
		if (!isDateField(field.property)) continue;
		if (!String(field.property.placeholder ?? '').includes('YYYY-MM-DD')) {
			findings.add(where(form.owner, field), `placeholder is ${JSON.stringify(field.property.placeholder ?? '')}, it should say YYYY-MM-DD`, field.context);
		}
	}
	return findings.list();
}

/** Verbs an action may start with ("Create an invoice"); add one here when an operation needs it. */
export const ACTION_VERBS = new Set([
	'Activate',
	'Add',
	'Approve',
	'Archive',
	'Cancel',
	'Change',
	'Confirm',
	'Copy',
	'Create',
	'Deactivate',
	'Delete',
	'Dispatch',
	'Download',
	'Find',
	'Get',
	'Launch',
	'List',
	'Move',
	'Pay',
	'Reject',
	'Remove',
	'Resend',
	'Search',
	'Send',
	'Set',
	'Start',
	'Stop',
	'Update',
	'Upload',
]);

/** Operations read as actions: each operation option has an `action` such as "Create an invoice". */
export function operationActions(node: LoadedNode): string[] {
	const owner = `${node.description.displayName} (node ${node.type})`;
	const findings: string[] = [];
	const seen = new Map<string, string>();
	for (const resource of resourcesOf(node)) {
		for (const option of operationsOf(node, String(resource.value))) {
			const at = `${owner} › ${resource.name} › ${option.name} (${String(option.value)})`;
			const action = option.action?.trim();
			if (!action) {
				findings.push(`${at}: no \`action\`; n8n's node panel then shows "${option.name}" instead of a sentence such as "Create an invoice"`);
				continue;
			}
			const [verb, ...rest] = action.split(/\s+/);
			if (!ACTION_VERBS.has(verb)) findings.push(`${at}: action "${action}" does not start with a verb (known verbs: test/ui/support/descriptions.ts ACTION_VERBS)`);
			if (rest.length === 0) findings.push(`${at}: action "${action}" names no object ("${verb} what?")`);
			if (rest.some((word) => /^[A-Z][a-z]+$/.test(word) && !PROPER_NOUNS.has(word))) findings.push(`${at}: action "${action}" is not in sentence case ("Create an invoice", not "Create An Invoice")`);
			if (seen.has(action)) findings.push(`${at}: action "${action}" is also the action of ${seen.get(action)}; the node panel lists both the same`);
			seen.set(action, at);
		}
	}
	return findings;
}

/** Words that keep their capital inside an action. */
const PROPER_NOUNS = new Set(['Enkash', 'Enboarder', 'Bharat', 'Connect', 'ID', 'CSV', 'GST', 'PAN']);

/** Options sorted: select lists by name, "Add Field" lists and fixed-collection groups by label. */
export function unsortedOptions(form: Form): string[] {
	const findings = new Findings();
	const check = (names: string[], at: string, what: string, context: string) => {
		const sorted = [...names].sort((a, b) => a.localeCompare(b));
		if (names.some((name, index) => name !== sorted[index])) {
			findings.add(at, `${what} are not in alphabetical order: ${names.join(', ')} (expected ${sorted.join(', ')})`, context);
		}
	};
	for (const field of fieldsOf(form.properties)) {
		const at = where(form.owner, field);
		const { type } = field.property;
		if ((type === 'options' || type === 'multiOptions') && Array.isArray(field.property.options)) {
			check((field.property.options as INodePropertyOptions[]).map((option) => option.name), at, 'options', field.context);
		}
		if (type === 'collection') check(((field.property.options ?? []) as INodeProperties[]).map((option) => option.displayName), at, 'fields to add', field.context);
		if (type === 'fixedCollection') {
			for (const group of (field.property.options ?? []) as INodePropertyCollection[]) {
				check(group.values.map((value) => value.displayName), `${at} › ${group.displayName}`, 'fields', field.context);
			}
		}
	}
	return findings.list();
}

/** Operations offered = operations implemented, for every resource; resources offered = resources implemented. */
export function operationLists(node: LoadedNode): string[] {
	const owner = `${node.description.displayName} (node ${node.type})`;
	const findings: string[] = [];
	const offeredResources = resourcesOf(node).map((option) => String(option.value));
	for (const resource of node.implemented.keys()) {
		if (!offeredResources.includes(resource)) findings.push(`${owner}: resource "${resource}" is implemented (actions/${resource}/) but the Resource list does not offer it`);
	}
	for (const resource of offeredResources) {
		const implemented = node.implemented.get(resource);
		if (!implemented) {
			findings.push(`${owner}: the Resource list offers "${resource}" but the node implements no operation for it`);
			continue;
		}
		const offered = operationsOf(node, resource).map((option) => String(option.value));
		for (const operation of implemented.keys()) {
			if (!offered.includes(operation)) findings.push(`${owner} › ${resource}: operation "${operation}" is implemented but missing from the Operation list`);
		}
		for (const operation of offered) {
			if (!implemented.has(operation)) findings.push(`${owner} › ${resource}: the Operation list offers "${operation}" but the node does not implement it`);
		}
	}
	return findings;
}

// --- fields an operation does not use ------------------------------------------------------------

const sourceCache = new Map<string, string>();

/** The text of a built module and of every module of ours it requires, transitively. */
function reachableSource(file: string): string {
	const cached = sourceCache.get(file);
	if (cached !== undefined) return cached;
	const root = join(repoRoot(), 'dist');
	const seen = new Set<string>();
	const texts: string[] = [];
	const visit = (path: string) => {
		if (seen.has(path) || !path.startsWith(root) || path.includes('node_modules')) return;
		seen.add(path);
		texts.push(readFileSync(path, 'utf8'));
		for (const child of require.cache[path]?.children ?? []) visit(child.filename);
	};
	visit(file);
	const text = texts.join('\n');
	sourceCache.set(file, text);
	return text;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * No field shown that the chosen operation does not use: every field shown for a resource and
 * operation must be read somewhere in that operation's code (its module and what it requires).
 * Top-level fields are read by name (`getNodeParameter('dueDate', …)`), so their name must appear
 * as a string; fields inside collections are often read as object keys, so a mention is enough.
 */
export function unusedFields(node: LoadedNode): string[] {
	const owner = `${node.description.displayName} (node ${node.type})`;
	const findings: string[] = [];
	const root = repoRoot();
	for (const [resource, operations] of node.implemented) {
		for (const [operation, file] of operations) {
			if (!file) continue;
			const source = reachableSource(file);
			const { shown } = shownProperties(node.description.properties, { resource, operation });
			for (const field of fieldsOf(shown)) {
				const { name, type } = field.property;
				if (['resource', 'operation', 'authentication'].includes(name) && !field.nested) continue;
				if (type === 'notice' || type === 'hidden') continue;
				const used = field.nested ? new RegExp(`\\b${escape(name)}\\b`).test(source) : new RegExp(`['"\`]${escape(name)}['"\`.]`).test(source);
				if (!used) {
					findings.push(
						`${owner} › ${resource} › ${operation} › ${field.path.join(' › ')} (${name}): shown, but ${relative(root, file)} and the modules it requires never read it`,
					);
				}
			}
		}
	}
	return findings;
}
