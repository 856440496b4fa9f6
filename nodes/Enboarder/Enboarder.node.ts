/** The Enboarder action node: its description and the router to its operations. */
import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { requestOptions } from '../../shared/descriptions/requestOptions';
import { toolDescriptions } from '../../shared/descriptions/toolDescription';
import * as profile from './actions/profile/Profile.resource';
import * as report from './actions/report/Report.resource';
import { router } from './actions/router';
import { authenticationProperty, enboarderCredentials } from './descriptions/authentication';
import { ENBOARDER_TOOL_TEXTS } from './descriptions/toolDescriptions';
import { searchFormReports, searchWorkflowReports } from './methods/listSearch';
import * as workflow from './actions/workflow/Workflow.resource';

export class Enboarder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enboarder',
		name: 'enboarder',
		icon: { light: 'file:enboarder.svg', dark: 'file:enboarder.dark.svg' },
		group: ['transform'],
		// 1.1: Concurrency Mode defaults to Automatic (version 1 keeps Fixed, 5); nothing else differs.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Launch onboarding workflows, manage profiles and read reports in Enboarder',
		defaults: { name: 'Enboarder' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: enboarderCredentials,
		properties: [
			// Shown only when the node runs as an AI tool.
			...toolDescriptions(ENBOARDER_TOOL_TEXTS),
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Profile', value: 'profile' },
					{ name: 'Report', value: 'report' },
					{ name: 'Workflow', value: 'workflow' },
				],
				default: 'workflow',
			},
			...profile.description,
			...report.description,
			...workflow.description,
			requestOptions('Enboarder'),
		],
	};

	methods = { listSearch: { searchFormReports, searchWorkflowReports } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
