/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IRequestOptions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

/**
 * n8n-nodes-base is not installed for engine tests (the real-n8n test has it). Example workflows
 * start with n8n's Manual Trigger, so the harness provides a node of that type that behaves the
 * same way: in a manual run it emits one empty item (or the workflow's pinned data). The HTTP
 * Request node below is, likewise, the slice of n8n's that our credentials are used with.
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

/**
 * The part of n8n's HTTP Request node that our Partner (and any token) credential is used with:
 * Authentication "Predefined Credential Type". Like n8n's node (HttpRequestV3), each item's request
 * goes through n8n-core's `requestWithAuthentication` with the credential read afresh from the
 * store, and the node type is one n8n grants every credential to — so n8n's own rules apply: our
 * preAuthentication runs only when the stored token is empty, after a 401, or when authentication
 * refuses a token that is due. Items are sent one after another, as the real node does with
 * Batching at one item per batch. JSON body in (`jsonBody`), JSON out.
 */
class HttpRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HTTP Request',
		name: 'httpRequest',
		group: ['output'],
		version: [4.2],
		description: 'Makes an HTTP request and returns the response data',
		defaults: { name: 'HTTP Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Authentication', name: 'authentication', type: 'string', default: 'predefinedCredentialType' },
			{ displayName: 'Credential Type', name: 'nodeCredentialType', type: 'string', default: '' },
			{ displayName: 'JSON Body', name: 'jsonBody', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const credentialType = this.getNodeParameter('nodeCredentialType', itemIndex) as string;
			const jsonBody = this.getNodeParameter('jsonBody', itemIndex) as string;
			const options: IRequestOptions = {
				method: this.getNodeParameter('method', itemIndex) as IHttpRequestMethods,
				uri: this.getNodeParameter('url', itemIndex) as string,
				json: true,
				...(jsonBody ? { body: JSON.parse(jsonBody) as IDataObject } : {}),
			};
			try {
				const response = (await this.helpers.requestWithAuthentication.call(this, credentialType, options, undefined, itemIndex)) as IDataObject | undefined;
				output.push({ json: response ?? {}, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}
}

export function harnessNodeTypes(): Array<[string, INodeType]> {
	return [
		['n8n-nodes-base.manualTrigger', new ManualTrigger()],
		['n8n-nodes-base.noOp', new NoOp()],
		['n8n-nodes-base.httpRequest', new HttpRequest()],
	];
}
