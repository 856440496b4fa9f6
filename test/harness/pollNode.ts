import './environment';

import { Container } from '@n8n/di';
import { PollContext, TriggersAndPollers } from 'n8n-core';
import { Workflow, type IDataObject, type INodeExecutionData } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';
import { packageTypes } from './packageTypes';
import { hostData, type WorkflowJson } from './runWorkflow';
import { assertNoSecrets, serializeError } from './secretAudit';

export interface PollResult {
	/** What the poll emitted (empty when it returned null: nothing new). */
	items: INodeExecutionData[];
	/** The workflow's static data after the poll, to hand to the next one (n8n persists it the same way). */
	staticData: IDataObject;
}

/**
 * One scheduled poll of a trigger node, as n8n's ActiveWorkflows runs it for an active workflow:
 * a PollContext in `trigger` mode, through n8n-core's TriggersAndPollers, with the workflow's static
 * data from the previous poll. Polls of one workflow are meant to be chained: pass each result's
 * `staticData` to the next.
 */
export async function pollNode(
	json: WorkflowJson,
	nodeName: string,
	options: { credentials: HarnessCredentialsHelper; staticData?: IDataObject; timezone?: string },
): Promise<PollResult> {
	const { nodeTypes } = packageTypes();
	const workflow = new Workflow({
		id: json.id ?? 'harness-poll-workflow',
		name: json.name ?? 'Harness poll workflow',
		nodes: structuredClone(json.nodes),
		connections: json.connections,
		active: true,
		nodeTypes,
		settings: { executionOrder: 'v1', ...json.settings, ...(options.timezone ? { timezone: options.timezone } : {}) },
		staticData: structuredClone(options.staticData ?? {}),
	});
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`No node "${nodeName}"`);
	const additionalData = hostData(options.credentials, undefined, 'poll', workflow.id);
	const context = new PollContext(workflow, node, additionalData, 'trigger', 'activate');
	const result = await Container.get(TriggersAndPollers).runPollFunction(workflow, node, context);
	const items = result?.[0] ?? [];
	assertNoSecrets(`the poll of "${nodeName}"`, serializeError({ items, staticData: workflow.staticData }));
	// n8n stores static data as JSON in its database; a round trip through JSON is what the next poll gets.
	const staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	delete staticData.__dataChanged;
	return { items, staticData };
}
