/** Launch and Launch (Advanced): start an onboarding workflow, at most once per External ID. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { oneAtATime } from '../../../../shared/oneAtATime';
import type { LostAnswerWords } from '../../../../shared/transport/retryOptions';
import { enboarderApiRequest, enboarderCredentialType, restPath } from '../../transport';
import { activeWorkflow } from './activeWorkflow';
import { launchBody, launchProperties } from './launchFields';

/** Both operations' fields: Launch (one manager) and Launch (Advanced) (managers by label) differ only in them. */
export const description: INodeProperties[] = [
	...launchProperties({ resource: ['workflow'], operation: ['launch'] }, false),
	...launchProperties({ resource: ['workflow'], operation: ['launchAdvanced'] }, true),
];

/** A launch's words when its answer was lost and it was not sent again. */
const lostLaunch = (why: string): LostAnswerWords => ({ what: 'this launch', twice: 'launching the workflow twice', why });

/**
 * `POST /restapi/v1|v2/startwf/basic` (Launch) or `…/startwf/advance` (Launch (Advanced)), at most
 * once per External ID.
 *
 * With an External ID the item first looks for an active workflow with it: when Skip If Already
 * Launched is on, that one is returned (`alreadyLaunched: true`). When none was active, the same
 * look-up runs before resending a launch whose answer was lost (dropped connection, 502/504), so a
 * launch that went through is returned instead of launched again. When one was active and the user
 * asked for a second launch anyway, the look-up cannot tell the two apart: a lost answer is then
 * not resent (the item fails). Without an External ID there is nothing to look for, and a lost
 * answer is not resent either.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const advanced = this.getNodeParameter('operation', itemIndex) === 'launchAdvanced';
	const body = launchBody(this, itemIndex, advanced);
	const path = restPath(this, advanced ? '/startwf/advance' : '/startwf/basic');
	const externalid = typeof body.externalid === 'string' ? body.externalid : undefined;
	const result = (answer: IDataObject, alreadyLaunched: boolean): IDataObject[] => [
		{ message: answer.message ?? 'ok', referenceid: answer.referenceid ?? null, externalid: externalid ?? null, alreadyLaunched },
	];
	if (externalid === undefined) {
		const why = 'Give each launch an External ID: the node then looks the workflow up itself after a lost answer.';
		return result(await enboarderApiRequest.call(this, 'POST', path, { body, itemIndex, lostAnswer: lostLaunch(why) }), false);
	}

	// Items of one run with the same External ID go one after the other, so the second finds the first's launch.
	const credential = this.getNode().credentials?.[enboarderCredentialType(this)]?.id ?? '';
	return await oneAtATime(`enboarder-launch:${credential}:${externalid}`, async () => {
		const active = await activeWorkflow(this, externalid, itemIndex);
		if (active && this.getNodeParameter('skipIfLaunched', itemIndex, true) === true) return result(active, true);
		if (active) {
			const why = `A workflow with External ID ${externalid} was already active, so a look-up cannot tell whether this second launch went through.`;
			return result(await enboarderApiRequest.call(this, 'POST', path, { body, itemIndex, lostAnswer: lostLaunch(why) }), false);
		}
		let foundAfterLoss = false;
		const answer = await enboarderApiRequest.call(this, 'POST', path, {
			body,
			itemIndex,
			findExisting: async (allowance) => {
				const found = await activeWorkflow(this, externalid, itemIndex, allowance);
				foundAfterLoss = found !== undefined;
				return found;
			},
		});
		return result(answer, foundAfterLoss);
	});
}
