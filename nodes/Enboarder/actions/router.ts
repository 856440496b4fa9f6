/** The Enboarder node's resources, handed to the shared router. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../../shared/router';
import * as profile from './profile/Profile.resource';
import * as report from './report/Report.resource';
import * as workflow from './workflow/Workflow.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, { profile: profile.operations, report: report.operations, workflow: workflow.operations });
}
