import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IExecuteData,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
} from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';
import { packageTypes } from './packageTypes';
import { hostData } from './runWorkflow';

/**
 * What the credential form's Test button does (n8n CLI's CredentialsTester): the credential type's
 * `test.request` is run by n8n-core's RoutingNode on a temporary No Operation node that carries the
 * credential; any non-2xx answer or transport error is a failed test, with n8n's messages.
 */
export async function testCredential(
	credentials: HarnessCredentialsHelper,
	credential: { id: string; name?: string; type: string },
): Promise<INodeCredentialTestResult> {
	const { nodeTypes, credentialTypes } = packageTypes();
	const testRequest = credentialTypes.getByName(credential.type).test;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };

	const noOp = nodeTypes.getByNameAndVersion('n8n-nodes-base.noOp');
	const nodeType: INodeType = {
		description: {
			...noOp.description,
			credentials: [{ name: credential.type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credential.type]: { id: credential.id, name: credential.name ?? credential.id } },
	};
	const testNodeTypes: INodeTypes = { ...nodeTypes, getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: testNodeTypes });
	const additionalData = hostData(credentials, undefined, 'credential-test', 'credential-test');
	const data: ICredentialDataDecryptedObject = await credentials.getDecrypted(additionalData, node.credentials![credential.type], credential.type, 'internal');
	const runExecutionData: IRunExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', runExecutionData, 0, [], { main: [[{ json: {} }]] }, executeData, []);
	const routingNode = new RoutingNode(context, nodeType, { id: credential.id, name: credential.name ?? credential.id, type: credential.type, data });

	try {
		await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const rule = testRequest.rules?.find((r) => r.type === 'responseCode' && r.properties.value === cause.response!.status);
			if (rule) return { status: 'Error', message: rule.properties.message };
			return { status: 'Error', message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}` };
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: (error as Error).message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
