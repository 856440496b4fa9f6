import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { requestOptions } from '../../shared/descriptions/requestOptions';
import * as profile from './actions/profile/Profile.resource';
import * as report from './actions/report/Report.resource';
import { router } from './actions/router';
import { searchFormReports, searchWorkflowReports } from './methods/listSearch';
import * as workflow from './actions/workflow/Workflow.resource';

export class Enboarder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enboarder',
		name: 'enboarder',
		icon: { light: 'file:enboarder.svg', dark: 'file:enboarder.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Launch onboarding workflows, manage profiles and read reports in Enboarder',
		defaults: { name: 'Enboarder' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'enboarderApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'enboarderOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Key', value: 'apiKey', description: 'The apikey header; REST API v1' },
					{ name: 'OAuth2 (Client Credentials)', value: 'oAuth2', description: 'A token renewed on its own; REST API v2' },
				],
				default: 'apiKey',
			},
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
