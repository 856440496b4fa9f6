/** What one event of the Enkash Trigger is: how it polls and what it outputs. */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/** One kind of event the Enkash Trigger watches for. */
export interface TriggerEvent {
	/**
	 * The events since the last poll and the state to remember. `state` is undefined on the first
	 * poll after activation: the event then records a baseline and emits nothing, so activating a
	 * workflow never floods it with history.
	 */
	poll(context: IPollFunctions, state: IDataObject | undefined): Promise<{ events: IDataObject[]; state: IDataObject }>;
	/** What "Fetch Test Event" shows: a few recent records, the state untouched. */
	sample(context: IPollFunctions): Promise<IDataObject[]>;
}

export const SAMPLE_SIZE = 5;
