/** The look-up of a workflow launched with an External ID: Launch asks it before launching and after a lost answer. */
import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { isN8nError } from '../../../../shared/errorKinds';
import { settle } from '../../../../shared/settle';
import type { RetryAllowance } from '../../../../shared/transport/retry';
import { enboarderApiRequest, restPath } from '../../transport';

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
 * `allowance`: the launch's, when the probe runs after its answer was lost.
 */
export async function activeWorkflow(context: IExecuteFunctions, externalid: string, itemIndex: number, allowance?: RetryAllowance): Promise<IDataObject | undefined> {
	const probe = await settle(
		async () => await enboarderApiRequest.call(context, 'PUT', restPath(context, '/updatewf'), { body: { externalid }, itemIndex, idempotent: true, allowance }),
	);
	if (probe.ok) return probe.value;
	if (meansNoneActive(probe.error)) return undefined;
	throw probe.error as NodeApiError;
}

function meansNoneActive(error: unknown): boolean {
	if (!isN8nError(error, 'NodeApiError')) return false;
	const message = error.context.errorMessage;
	return (error.httpCode === '404' && message === 'Workflow not found') || (error.httpCode === '400' && message === 'Workflow is not active');
}
