/** The Update Fields collection of every update operation: the fields to change, added one by one. */
import type { INodeProperties } from 'n8n-workflow';

export function updateFieldsCollection(show: Record<string, string[]>, options: INodeProperties[], description?: string): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(description === undefined ? {} : { description }),
		displayOptions: { show },
		options,
	};
}
