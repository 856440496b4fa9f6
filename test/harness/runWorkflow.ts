import './environment';

import { ExecutionLifecycleHooks, ExternalSecretsProxy, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ExecutionError,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IPinData,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';
import { packageTypes } from './packageTypes';
import { assertNoSecrets, serializeError } from './secretAudit';

/** A workflow as n8n exports it (Download / `n8n export:workflow`). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	staticData?: IDataObject | null;
}

export interface RunOptions {
	credentials: HarnessCredentialsHelper;
	/** Items the start (trigger) node emits, pinned as n8n pins test data. */
	input?: IDataObject[];
	/** Overrides the workflow's settings.timezone. */
	timezone?: string;
	mode?: WorkflowExecuteMode;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** The workflow-level error, when a node failed without "Continue on Fail". */
	error?: ExecutionError;
	/** Output items of a node's first output, last run. */
	output(nodeName: string): INodeExecutionData[];
	/** The error a node stopped with, if any. */
	nodeError(nodeName: string): ExecutionError | undefined;
	staticData: IDataObject;
}

let executionCounter = 0;

/**
 * Runs a workflow through n8n-core's WorkflowExecute, as `n8n execute` does, with our node types,
 * and checks every output and error for secrets.
 */
export async function runWorkflow(json: WorkflowJson, options: RunOptions): Promise<RunResult> {
	const { run, workflow } = await executeWorkflow(json, options);
	const runData = run.data.resultData.runData;
	// Every output item and every error of every run is checked for secrets.
	assertNoSecrets(`the run of "${workflow.name}"`, serializeError(run.data.resultData));
	return {
		run,
		status: run.status,
		error: run.data.resultData.error,
		output: (nodeName) => runData[nodeName]?.at(-1)?.data?.main?.[0] ?? [],
		nodeError: (nodeName) => runData[nodeName]?.at(-1)?.error,
		staticData: workflow.staticData,
	};
}

/**
 * The engine run alone, without the secret check: for the benchmark, where serializing the whole
 * run would count against the node's time and memory. Tests use `runWorkflow`.
 */
export async function executeWorkflow(json: WorkflowJson, options: RunOptions): Promise<{ run: IRun; workflow: Workflow }> {
	const { nodeTypes } = packageTypes();
	const mode = options.mode ?? 'manual';
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...json.settings };
	if (options.timezone) settings.timezone = options.timezone;

	const workflow = new Workflow({
		id: json.id ?? 'harness-workflow',
		name: json.name ?? 'Harness workflow',
		nodes: structuredClone(json.nodes),
		connections: json.connections,
		active: false,
		nodeTypes,
		settings,
		staticData: structuredClone(json.staticData ?? {}),
	});

	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');
	const pinData: IPinData = { ...(json.pinData ?? {}) };
	if (options.input) pinData[startNode.name] = options.input.map((item) => ({ json: item }));

	const executionId = String(++executionCounter);
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: workflow.name ?? '',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: json.nodes,
		connections: json.connections,
		settings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolve(fullRunData)));

	const additionalData = hostData(options.credentials, hooks, executionId, workflow.id);
	const execution = new WorkflowExecute(additionalData, mode);
	const run = await execution.run({ workflow, startNode, pinData: Object.keys(pinData).length ? pinData : undefined });
	await finished;
	return { run, workflow };
}

/** What the n8n host (the CLI) hands the engine; only what a single-process manual run uses. */
export function hostData(
	credentialsHelper: HarnessCredentialsHelper,
	hooks: ExecutionLifecycleHooks | undefined,
	executionId: string,
	workflowId: string,
): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	const unsupported = (what: string) => async () => {
		throw new Error(`${what} is not available in the engine test harness`);
	};
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId,
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unsupported('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('The task runner'),
	} as IWorkflowExecuteAdditionalData;
}
