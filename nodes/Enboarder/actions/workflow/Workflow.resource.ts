/** The Workflow resource's operations and its Operation field. */
import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as launch from './launch.operation';
import * as update from './update.operation';

/** Launch (Advanced) is Launch with other fields: one module runs both. */
export const operations = { cancel, launch, launchAdvanced: launch, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflow'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel the onboarding workflows launched with an External ID', action: 'Cancel an onboarding workflow' },
			{ name: 'Launch', value: 'launch', description: 'Start onboarding a new hire, with one manager', action: 'Launch an onboarding workflow' },
			{
				name: 'Launch (Advanced)',
				value: 'launchAdvanced',
				description: 'Start onboarding a new hire, with several managers identified by label',
				action: 'Launch an onboarding workflow with managers',
			},
			{ name: 'Update', value: 'update', description: 'Change the fields of the active workflows launched with an External ID', action: 'Update an onboarding workflow' },
		],
		default: 'launch',
	},
	...launch.description,
	...update.description,
	...cancel.description,
];
