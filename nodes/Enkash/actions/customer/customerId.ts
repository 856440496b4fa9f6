/** What an Enkash customer ID looks like, and the Customer field that takes one. */
import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

const CUSTOMER_ID_PATTERN = '^KC[A-Z0-9]{14}$';
export const CUSTOMER_ID = new RegExp(CUSTOMER_ID_PATTERN);

/** The Customer field: pick from a list searched by name, or enter an Enkash customer ID. */
export function customerLocator(show: Record<string, string[]>, description = 'The Enkash customer'): INodeProperties {
	return {
		displayName: 'Customer',
		name: 'customerId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a customer…',
				typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'KC0000000000000001',
				validation: [
					{
						type: 'regex',
						properties: { regex: CUSTOMER_ID_PATTERN, errorMessage: 'An Enkash customer ID is KC followed by 14 capital letters or digits' },
					},
				],
			},
		],
	};
}

/** The chosen customer's ID, checked before any request. */
export function customerIdFor(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('customerId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!CUSTOMER_ID.test(value)) {
		throw new NodeOperationError(
			context.getNode(),
			`Item ${itemIndex + 1}: Customer must be an Enkash customer ID: KC followed by 14 capital letters or digits (got "${value}")`,
			{ itemIndex },
		);
	}
	return value;
}
