import {
	NodeConnectionTypes,
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

export function harnessNodeTypes(): Array<[string, INodeType]> {
	return [['n8n-nodes-base.manualTrigger', new ManualTrigger()]];
}
