/** The Profile ID field and its check, for the operations on one existing profile. */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { textParameter } from '../../../../shared/validation';
import { restPath } from '../../transport';

/** The Profile ID field of an operation that works on one existing profile. */
export const profileIdField = (operation: string): INodeProperties => ({
	displayName: 'Profile ID',
	name: 'profileId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1042',
	description: 'The number Enboarder gave the profile (the ID that Create returns)',
	displayOptions: { show: { resource: ['profile'], operation: [operation] } },
});

/** The item's profile ID, checked before any request: Enboarder's profile IDs are numbers. */
export function profileIdFor(context: IExecuteFunctions, itemIndex: number): string {
	const value = textParameter(context.getNode(), context.getNodeParameter('profileId', itemIndex, ''), itemIndex, 'Profile ID').trim();
	if (value === '') throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: Profile ID is required`, { itemIndex });
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: Profile ID must be a number such as 1042 (got "${value}")`, { itemIndex });
	}
	return value;
}

/** `/restapi/v1|v2/profile/{id}…` for the item's profile. */
export function profilePath(context: IExecuteFunctions, itemIndex: number, suffix = ''): string {
	return restPath(context, `/profile/${profileIdFor(context, itemIndex)}${suffix}`);
}
