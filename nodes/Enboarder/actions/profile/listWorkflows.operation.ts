/** Profile → List Workflows: a profile's active workflows, one item each. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { enboarderFullRequest } from '../../transport';
import { profileIdField, profileIdFor, profilePath } from './profileId';

export const description: INodeProperties[] = [profileIdField('listWorkflows')];

/**
 * `GET /profile/{id}/workflows`: one item per active workflow. Enboarder lists at most 10 and
 * answers 206 when the person has more; every item then says so (and how many there are), and a
 * hint in the output panel repeats it, since the rest cannot be fetched.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const profileId = Number(profileIdFor(this, itemIndex));
	const response = await enboarderFullRequest.call(this, 'GET', profilePath(this, itemIndex, '/workflows'), { itemIndex, idempotent: true });
	const body = (response.body ?? {}) as IDataObject;
	const workflows = Array.isArray(body.items) ? (body.items as IDataObject[]) : [];
	const partial = response.statusCode === 206;
	const count = typeof body.count === 'number' ? body.count : workflows.length;
	if (partial) {
		this.addExecutionHints({
			type: 'warning',
			location: 'outputPane',
			message: `Item ${itemIndex + 1}: profile ${profileId} has ${count} active workflows; Enboarder lists only the first ${workflows.length}`,
		});
	}
	return workflows.map((workflow) => ({ ...workflow, profileId, activeWorkflowCount: count, moreActiveWorkflows: partial }));
}
