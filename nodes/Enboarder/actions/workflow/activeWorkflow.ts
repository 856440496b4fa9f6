import { NodeApiError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { settle } from '../../../../shared/settle';
import { classifyFailure } from '../../../../shared/transport/retry';
import { oneAtATime } from '../../../../shared/oneAtATime';
import { enboarderApiRequest, enboarderCredentialType, restPath } from '../../transport';
import { launchBody } from './launchFields';

/**
 * The active workflow launched with this External ID, or undefined when none is active.
 *
 * Design decision: Enboarder has no "find workflow" endpoint, so the probe is `PUT updatewf` with
 * only `{externalid}` and no field to change. Enboarder answers 200 `{message, referenceid}` when a
 * workflow with that externalid is active (nothing changes but, in the sandbox, its "updated"
 * time), 404 "Workflow not found" when none was ever launched with it, and 400 "Workflow is not
 * active" when every one was cancelled. Exactly those two errors mean "none is active"; any other
 * error (credentials, rate limit beyond the retries, a changed API) propagates, so an unclear answer
 * never passes for "not launched". A PUT without fields is safe to resend, hence `idempotent`.
 */
export async function activeWorkflow(this: IExecuteFunctions, externalid: string, itemIndex: number): Promise<IDataObject | undefined> {
	const probe = await settle(
		async () => await enboarderApiRequest.call(this, 'PUT', restPath(this, '/updatewf'), { body: { externalid }, itemIndex, idempotent: true }),
	);
	if (probe.ok) return probe.value;
	if (meansNoneActive(probe.error)) return undefined;
	throw probe.error as NodeApiError;
}

function meansNoneActive(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const message = error.context.errorMessage;
	return (error.httpCode === '404' && message === 'Workflow not found') || (error.httpCode === '400' && message === 'Workflow is not active');
}

/**
 * Launch and Launch (Advanced): `POST …/startwf/basic` or `…/startwf/advance`, at most once per
 * External ID.
 *
 * With an External ID the item first looks for an active workflow with it: when Skip If Already
 * Launched is on, that one is returned (`alreadyLaunched: true`). When none was active, the same
 * look-up runs before resending a launch whose answer was lost (dropped connection, 502/504), so a
 * launch that went through is returned instead of launched again. When one was active and the user
 * asked for a second launch anyway, the look-up cannot tell the two apart: a lost answer is then
 * not resent (the item fails). Without an External ID there is nothing to look for, and a lost
 * answer is not resent either.
 */
export async function launchWorkflow(this: IExecuteFunctions, itemIndex: number, advanced: boolean): Promise<IDataObject[]> {
	const body = launchBody(this, itemIndex, advanced);
	const path = restPath(this, advanced ? '/startwf/advance' : '/startwf/basic');
	const externalid = typeof body.externalid === 'string' ? body.externalid : undefined;
	const result = (answer: IDataObject, alreadyLaunched: boolean): IDataObject[] => [
		{ message: answer.message ?? 'ok', referenceid: answer.referenceid ?? null, externalid: externalid ?? null, alreadyLaunched },
	];
	if (externalid === undefined) {
		return result(await unresendable(this, itemIndex, path, body, 'Give each launch an External ID: the node then looks the workflow up itself after a lost answer.'), false);
	}

	// Items of one run with the same External ID go one after the other, so the second finds the first's launch.
	const credential = this.getNode().credentials?.[enboarderCredentialType(this)]?.id ?? '';
	return await oneAtATime(`enboarder-launch:${credential}:${externalid}`, async () => await launchOnce.call(this, itemIndex, path, body, externalid, result));
}

async function launchOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	body: IDataObject,
	externalid: string,
	result: (answer: IDataObject, alreadyLaunched: boolean) => IDataObject[],
): Promise<IDataObject[]> {
	const active = await activeWorkflow.call(this, externalid, itemIndex);
	if (active && this.getNodeParameter('skipIfLaunched', itemIndex, true) === true) return result(active, true);
	if (active) {
		const why = `A workflow with External ID ${externalid} was already active, so a look-up cannot tell whether this second launch went through.`;
		return result(await unresendable(this, itemIndex, path, body, why), false);
	}

	let foundAfterLoss = false;
	const answer = await enboarderApiRequest.call(this, 'POST', path, {
		body,
		itemIndex,
		findExisting: async () => {
			const found = await activeWorkflow.call(this, externalid, itemIndex);
			foundAfterLoss = found !== undefined;
			return found;
		},
	});
	return result(answer, foundAfterLoss);
}

/** A launch that must not be resent after a lost answer; that error then says what to check, in words. */
async function unresendable(context: IExecuteFunctions, itemIndex: number, path: string, body: IDataObject, why: string): Promise<IDataObject> {
	const outcome = await settle(async () => await enboarderApiRequest.call(context, 'POST', path, { body, itemIndex }));
	if (outcome.ok) return outcome.value;
	if (outcome.error instanceof NodeApiError && classifyFailure(outcome.error) === 'ambiguous') {
		outcome.error.message = `Item ${itemIndex + 1}: the connection to Enboarder was lost before it answered, so this launch may have gone through; it was not sent again, to avoid launching the workflow twice. Check Enboarder before running this item again.`;
		outcome.error.description = why;
	}
	throw outcome.error as NodeApiError;
}
