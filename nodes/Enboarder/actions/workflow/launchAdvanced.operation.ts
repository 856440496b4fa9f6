import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { launchWorkflow } from './activeWorkflow';
import { launchProperties } from './launchFields';

export const description: INodeProperties[] = launchProperties({ resource: ['workflow'], operation: ['launchAdvanced'] }, true);

/** `POST /restapi/v1|v2/startwf/advance`: one workflow with several managers, at most once per External ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await launchWorkflow.call(this, itemIndex, true);
}
