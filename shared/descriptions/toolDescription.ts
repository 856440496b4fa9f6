/** What an AI model reads about each operation when the node runs as a tool (n8n's AI Agent, the MCP Server Trigger): what it does and what it needs. */
import type { INodeProperties } from 'n8n-workflow';

/** For each resource, for each operation: the text the model reads. */
export type ToolTexts = Record<string, Record<string, string>>;

/**
 * One Description field per operation, shown only on the node's tool form (n8n's `@tool` display
 * condition). n8n adds its own Description field to a tool only when the node has none, and then
 * describes each operation by its action alone ("Create an invoice in Enkash"); this one also says
 * what the operation needs and in which format, which is what a model gets wrong. Its default is
 * the operation's text, so a tool dragged in says the right thing at once, and a user may rewrite it.
 */
export function toolDescriptions(texts: ToolTexts): INodeProperties[] {
	return Object.entries(texts).flatMap(([resource, operations]) =>
		Object.entries(operations).map(
			([operation, text]): INodeProperties => ({
				displayName: 'Tool Description',
				name: 'toolDescription',
				type: 'string',
				default: text,
				required: true,
				typeOptions: { rows: 3 },
				description: 'What the AI model is told about this tool: what it does and what it needs. Rewrite it to fit your workflow.',
				displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
			}),
		),
	);
}
