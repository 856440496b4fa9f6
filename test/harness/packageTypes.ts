/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type {
	ICredentialType,
	IDataObject,
	INodeProperties,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { harnessNodeTypes } from './builtinNodes';

/** The repository root: the closest folder above this file that holds our package.json. */
export function repoRoot(): string {
	let dir = __dirname;
	while (!existsSync(join(dir, 'package.json')) || !readFileSync(join(dir, 'package.json'), 'utf8').includes('"n8n-nodes-token-connectors"')) {
		const parent = dirname(dir);
		if (parent === dir) throw new Error('package root not found');
		dir = parent;
	}
	return dir;
}

interface PackageJson {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
}

/** Loads the built node and credential classes the way n8n does: from the package.json `n8n` section. */
// n8n's loader requires these files by path too (require by path: eslint.dev.config.mjs allows it here).
function loadPackage(): { nodes: Map<string, INodeType | IVersionedNodeType>; credentials: Map<string, ICredentialType> } {
	const root = repoRoot();
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
	const nodes = new Map<string, INodeType | IVersionedNodeType>();
	const credentials = new Map<string, ICredentialType>();
	for (const file of pkg.n8n.nodes) {
		for (const exported of Object.values(require(join(root, file)) as Record<string, new () => INodeType>)) {
			const node = new exported();
			nodes.set(`${pkg.name}.${node.description.name}`, node);
		}
	}
	for (const file of pkg.n8n.credentials) {
		for (const exported of Object.values(require(join(root, file)) as Record<string, new () => ICredentialType>)) {
			const credential = new exported();
			credentials.set(credential.name, credential);
		}
	}
	for (const parent of missingParents(credentials)) {
		const type = loadN8nBaseCredential(root, parent);
		if (type) credentials.set(type.name, type);
	}
	return { nodes, credentials };
}

function missingParents(credentials: Map<string, ICredentialType>): string[] {
	const parents = [...credentials.values()].flatMap((type) => type.extends ?? []);
	return [...new Set(parents)].filter((name) => !credentials.has(name));
}

/**
 * Parent types such as n8n's `oAuth2Api` live in n8n-nodes-base, which only the n8n app has: it is
 * read from the pinned app in `.n8n-app/` (installed by `npm test` before the engine tests).
 */
function loadN8nBaseCredential(root: string, name: string): ICredentialType | undefined {
	const className = name.charAt(0).toUpperCase() + name.slice(1);
	let file: string;
	try {
		file = require.resolve(`n8n-nodes-base/dist/credentials/${className}.credentials.js`, { paths: [root, join(root, '.n8n-app')] });
	} catch {
		return undefined;
	}
	const exported = (require(file) as Record<string, new () => ICredentialType>)[className];
	return exported ? new exported() : undefined;
}
/* eslint-enable @typescript-eslint/no-require-imports */

export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Map<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type "${nodeType}" (the harness knows ${[...this.types.keys()].join(', ')})`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	/** Adds a node type the harness does not load by itself (the benchmark's reference node). */
	register(nodeType: string, type: INodeType | IVersionedNodeType): void {
		this.types.set(nodeType, type);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}
}

export class CredentialTypes {
	constructor(private readonly types: Map<string, ICredentialType>) {}

	recognizes(name: string): boolean {
		return this.types.has(name);
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	/** Every type this one extends, nearest first (as n8n's CredentialTypes does). */
	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/** The type's own properties merged over its parents' (parents first, the child wins). */
	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		for (const parent of type.extends ?? []) {
			if (!this.types.has(parent)) {
				throw new Error(`"${name}" extends "${parent}", which comes with n8n-nodes-base: install the n8n app first (node scripts/n8n-app.mjs)`);
			}
		}
		const merged: INodeProperties[] = [];
		for (const parent of type.extends ?? []) NodeHelpers.mergeNodeProperties(merged, this.getProperties(parent));
		NodeHelpers.mergeNodeProperties(merged, type.properties);
		return merged;
	}
}

let loaded: { nodeTypes: NodeTypes; credentialTypes: CredentialTypes } | undefined;

/** Our package's types plus the few built-in nodes example workflows use. */
export function packageTypes(): { nodeTypes: NodeTypes; credentialTypes: CredentialTypes } {
	if (!loaded) {
		const { nodes, credentials } = loadPackage();
		for (const [name, type] of harnessNodeTypes()) nodes.set(name, type);
		loaded = { nodeTypes: new NodeTypes(nodes), credentialTypes: new CredentialTypes(credentials) };
	}
	return loaded;
}
