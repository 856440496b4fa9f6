/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
/**
 * Every operation of both action nodes as an AI tool, built the way n8n builds it: the tool variant
 * of the node type (n8n's own conversion: the name gets "Tool", and n8n adds its own Description
 * field only to a node that has none), the node's parameters with their defaults as n8n's Workflow
 * fills them at run time, each field a user lets the model fill set as the editor's "let the model
 * define this parameter" button sets it (`$fromAI('<Field_Name>', '', '<type>')`), then n8n-core's
 * createNodeAsTool: the tool's name, description and zod schema as the model receives them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { NodeHelpers, type INode, type INodeParameters, type INodeProperties, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
// n8n-core's own builder of a node-as-tool (the one the AI Agent and the MCP Server Trigger use).
import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';

import type { ToolTexts } from '../../shared/descriptions/toolDescription';
import { ENBOARDER_TOOL_TEXTS } from '../../nodes/Enboarder/descriptions/toolDescriptions';
import { Enboarder } from '../../nodes/Enboarder/Enboarder.node';
import { ENKASH_TOOL_TEXTS } from '../../nodes/Enkash/descriptions/toolDescriptions';
import { Enkash } from '../../nodes/Enkash/Enkash.node';

/** The tool variant n8n makes of a node marked usableAsTool (as n8n's convertNodeToAiTool names it). */
function toolVariant(node: INodeType): INodeTypeDescription {
	const description = structuredClone(node.description);
	return { ...description, name: `${description.name}Tool`, displayName: `${description.displayName} Tool`, inputs: [], outputs: ['ai_tool' as never] };
}

/** The editor's key for a field the model fills: its display name with anything but letters, digits and '-' as '_'. */
const fromAiKey = (field: INodeProperties) => field.displayName.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 63);

/** The $fromAI type the editor gives a field of this type. */
const fromAiType = (field: INodeProperties) => (['boolean', 'number', 'json'].includes(field.type) ? field.type : 'string');

/** The editor's "let the model define this parameter" value for a field (not offered for options or fields without expressions). */
function modelFilled(field: INodeProperties): unknown {
	const expression = `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${fromAiKey(field)}', \`\`, '${fromAiType(field)}') }}`;
	return field.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: expression } : expression;
}

const canBeModelFilled = (field: INodeProperties) => !['options', 'multiOptions', 'credentialsSelect', 'collection', 'fixedCollection', 'notice', 'hidden'].includes(field.type) && !field.noDataExpression;

interface OperationTool {
	resource: string;
	operation: string;
	action: string;
	name: string;
	description: string;
	/** The zod type of each parameter the model fills, by key. */
	parameters: Record<string, string>;
	/** The required fields the model fills, by key, with their node field type. */
	filled: Record<string, string>;
}

function operationTools(node: INodeType): OperationTool[] {
	const variant = toolVariant(node);
	const nodeType = { description: variant } as INodeType;
	const resources = (variant.properties.find((property) => property.name === 'resource')?.options ?? []) as Array<{ value: string }>;
	const tools: OperationTool[] = [];
	for (const { value: resource } of resources) {
		const operationFields = variant.properties.filter((property) => property.name === 'operation' && (property.displayOptions?.show?.resource as string[] | undefined)?.includes(resource));
		for (const option of operationFields.flatMap((field) => (field.options ?? []) as Array<{ value: string; action?: string }>)) {
			const operation = option.value;
			const node: INode = { id: 'tool', name: `${resource} ${operation}`, type: variant.name, typeVersion: 1.1, position: [0, 0], parameters: { resource, operation } };
			// What the user sees on the tool's form for this operation, then the required ones handed to the model.
			const withDefaults = NodeHelpers.getNodeParameters(variant.properties, node.parameters, true, false, node, variant) as INodeParameters;
			const shown = variant.properties.filter((field) => !['resource', 'operation'].includes(field.name) && NodeHelpers.displayParameter(withDefaults, field, node, variant));
			const filledFields = shown.filter((field) => field.required && canBeModelFilled(field) && field.name !== 'toolDescription');
			for (const field of filledFields) node.parameters[field.name] = modelFilled(field) as never;
			// As n8n's Workflow does when it loads a workflow: defaults filled in.
			node.parameters = NodeHelpers.getNodeParameters(variant.properties, node.parameters, true, false, node, variant) as INodeParameters;
			const tool = createNodeAsTool({ node, nodeType, handleToolInvocation: async () => '' }).response;
			const shape = (tool.schema as unknown as { shape: Record<string, { _def: { typeName: string } }> }).shape;
			tools.push({
				resource,
				operation,
				action: option.action ?? '',
				name: tool.name,
				description: tool.description,
				parameters: Object.fromEntries(Object.entries(shape).map(([key, type]) => [key, type._def.typeName])),
				filled: Object.fromEntries(filledFields.map((field) => [fromAiKey(field), field.type])),
			});
		}
	}
	return tools;
}

const NODES: Array<[string, INodeType, ToolTexts]> = [
	['Enkash', new Enkash(), ENKASH_TOOL_TEXTS],
	['Enboarder', new Enboarder(), ENBOARDER_TOOL_TEXTS],
];

for (const [label, node, texts] of NODES) {
	describe(`${label} as an AI tool: every operation's tool as n8n-core builds it`, () => {
		const tools = operationTools(node);

		test('n8n adds no Description field of its own: the node has one per operation, shown only on the tool form', () => {
			const variant = toolVariant(node);
			const fields = variant.properties.filter((property) => property.name === 'toolDescription');
			assert.ok(fields.length > 0);
			for (const field of fields) assert.deepEqual(field.displayOptions?.show?.['@tool'], [true]);
			assert.ok(!variant.properties.some((property) => property.name === 'descriptionType'));
			// On the node's own (non-tool) form no Description shows.
			const plain = node.description;
			const normal: INode = { id: 'n', name: 'n', type: plain.name, typeVersion: 1.1, position: [0, 0], parameters: {} };
			const normalValues = NodeHelpers.getNodeParameters(plain.properties, normal.parameters, true, false, normal, plain) as INodeParameters;
			assert.equal(normalValues.toolDescription, undefined);
		});

		test('every operation has its text, and every text an operation', () => {
			const operations = tools.map((tool) => `${tool.resource}.${tool.operation}`).sort();
			const written = Object.entries(texts).flatMap(([resource, byOperation]) => Object.keys(byOperation).map((operation) => `${resource}.${operation}`)).sort();
			assert.deepEqual(written, operations);
		});

		test('each tool\'s description is the operation\'s text: what it does and what it needs', () => {
			for (const tool of tools) {
				const where = `${tool.resource} › ${tool.operation}`;
				assert.equal(tool.description, texts[tool.resource][tool.operation], where);
				assert.ok(tool.description.length >= 50 && tool.description.length <= 400, `${where}: ${tool.description.length} characters`);
				assert.match(tool.description, /^[A-Z][a-z]+s /, `${where} starts with what it does: "${tool.description.slice(0, 30)}…"`);
				assert.match(tool.description, /\bNeeds\b|optional|Needs nothing/, `${where} says what it needs`);
				assert.ok(tool.description.includes(label), `${where} names ${label}`);
			}
		});

		test('each tool\'s parameters are typed as the fields are: numbers as numbers, the rest as text, all required', () => {
			for (const tool of tools) {
				const where = `${tool.resource} › ${tool.operation}`;
				assert.match(tool.name, /^[a-zA-Z0-9_-]{1,64}$/, where);
				assert.deepEqual(Object.keys(tool.parameters).sort(), Object.keys(tool.filled).sort(), `${where}: one parameter per field the model fills`);
				for (const [key, fieldType] of Object.entries(tool.filled)) {
					const expected = fieldType === 'number' ? 'ZodNumber' : fieldType === 'boolean' ? 'ZodBoolean' : 'ZodString';
					assert.equal(tool.parameters[key], expected, `${where}: ${key} (${fieldType})`);
				}
			}
			const create = tools.find((tool) => tool.resource === 'invoice' && tool.operation === 'create');
			if (create) assert.deepEqual(create.parameters, { Customer: 'ZodString', Base_Amount: 'ZodNumber', Due_Date: 'ZodString' });
		});
	});
}
