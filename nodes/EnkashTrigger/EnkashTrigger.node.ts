/** The Enkash Trigger: polls Enkash for new or changed invoices and customers. */
import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { invoiceStatusChanged } from './events/invoiceStatusChanged';
import { newCustomer } from './events/newCustomer';
import { newInvoice } from './events/newInvoice';
import { overdueInvoice } from './events/overdueInvoice';
import type { TriggerEvent } from './events/types';

const EVENTS: Record<string, TriggerEvent> = { invoiceStatusChanged, newCustomer, newInvoice, overdueInvoice };

export class EnkashTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enkash Trigger',
		name: 'enkashTrigger',
		icon: { light: 'file:enkash.svg', dark: 'file:enkash.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when invoices or customers change in Enkash Accounts Receivable',
		defaults: { name: 'Enkash Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'enkashApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'newInvoice',
				description: 'What starts the workflow; Enkash is checked on the schedule set below',
				options: [
					{ name: 'Invoice Became Overdue', value: 'overdueInvoice', description: "Due before today in the workflow's time zone, with a balance above zero" },
					{ name: 'Invoice Paid or Status Changed', value: 'invoiceStatusChanged', description: 'Payment status (unpaid, partly paid, paid) or approval status changed' },
					{ name: 'New Customer', value: 'newCustomer', description: 'A customer was added' },
					{ name: 'New Invoice', value: 'newInvoice', description: 'An invoice was created' },
				],
			},
			{
				displayName:
					'Each event is emitted once. The first check after you activate the workflow only records where things stand (nothing is emitted for the past); "Fetch Test Event" shows a few recent records.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const eventName = this.getNodeParameter('event') as string;
		const event = EVENTS[eventName];
		if (this.getMode() === 'manual') {
			const sample = await event.sample(this);
			return sample.length > 0 ? [this.helpers.returnJsonArray(sample)] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const state = staticData[eventName] as IDataObject | undefined;
		const { events, state: next } = await event.poll(this, state);
		// Only after a successful poll: if it fails, the next poll starts from the same place.
		staticData[eventName] = next;
		return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
	}
}
