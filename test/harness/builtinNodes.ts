import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

/**
 * n8n-nodes-base is not installed for engine tests (the real-n8n test has it). Example workflows
 * start with n8n's Manual Trigger, so the harness provides a node of that type that behaves the
 * same way: in a manual run it emits one empty item (or the workflow's pinned data).
 */
class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: "When clicking 'Execute workflow'",
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: "When clicking 'Execute workflow'" },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/** n8n's No Operation node: passes its input through. n8n's credential tester runs test requests on it. */
class NoOp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export function harnessNodeTypes(): Array<[string, INodeType]> {
	return [
		['n8n-nodes-base.manualTrigger', new ManualTrigger()],
		['n8n-nodes-base.noOp', new NoOp()],
	];
}
