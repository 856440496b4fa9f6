/** Invoice → Search: invoices matching the Filters, dates read in the workflow time zone. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { resultLimit, returnAllOrLimit } from '../../../../shared/descriptions/returnAll';
import { itemDate, itemDateTime } from '../../../../shared/itemDates';
import { choiceParameter, choicesParameter } from '../../../../shared/validation';
import { findInvoices, MAX_PAGE_SIZE, type SearchOptions } from '../../transport/searches';
import { CUSTOMER_ID } from '../customer/customerId';

const show = { resource: ['invoice'], operation: ['search'] };

export const description: INodeProperties[] = [
	...returnAllOrLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Approval Statuses',
				name: 'approvalStatuses',
				type: 'multiOptions',
				default: [],
				description: 'Only invoices in one of these approval states',
				options: [
					{ name: 'Approved', value: 'APPROVED' },
					{ name: 'Pending', value: 'PENDING' },
					{ name: 'Rejected', value: 'REJECTED' },
				],
			},
			{
				displayName: 'Created On From',
				name: 'createdOnFrom',
				type: 'string',
				default: '',
				placeholder: 'YYYY-MM-DD or YYYY-MM-DD HH:mm:ss',
				description: 'Created on or after this moment, in the workflow time zone. A date alone means the start of that day.',
			},
			{
				displayName: 'Created On To',
				name: 'createdOnTo',
				type: 'string',
				default: '',
				placeholder: 'YYYY-MM-DD or YYYY-MM-DD HH:mm:ss',
				description: 'Created on or before this moment, in the workflow time zone. A date alone means the end of that day.',
			},
			{
				displayName: 'Customer IDs',
				name: 'customerIds',
				type: 'string',
				default: '',
				placeholder: 'KC0000000000000001, KC0000000000000002',
				description: 'Only these customers (comma-separated Enkash customer IDs)',
			},
			{
				displayName: 'Customer Legal Name',
				name: 'customerLegalName',
				type: 'string',
				default: '',
				description: "Only customers whose legal name contains this text",
			},
			{
				displayName: 'Dispatched',
				name: 'dispatched',
				type: 'options',
				default: 'any',
				description: 'Whether to find invoices already sent to the customer, not yet sent, or both',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Dispatched', value: 'yes' },
					{ name: 'Not Dispatched', value: 'no' },
				],
			},
			{
				displayName: 'Due Date From',
				name: 'dueDateFrom',
				type: 'string',
				default: '',
				placeholder: 'YYYY-MM-DD',
				description: 'Due on or after this date',
			},
			{
				displayName: 'Due Date To',
				name: 'dueDateTo',
				type: 'string',
				default: '',
				placeholder: 'YYYY-MM-DD',
				description: 'Due on or before this date',
			},
			{
				displayName: 'External IDs',
				name: 'externalIds',
				type: 'string',
				default: '',
				description: 'Only invoices with these external IDs (comma-separated)',
			},
			{
				displayName: 'Payment Statuses',
				name: 'paymentStatuses',
				type: 'multiOptions',
				default: [],
				description: 'Only invoices in one of these payment states (Unpaid and Partially Paid: the invoices still owed)',
				options: [
					{ name: 'Paid', value: 'PAID' },
					{ name: 'Partially Paid', value: 'PARTIALLY_PAID' },
					{ name: 'Unpaid', value: 'UNPAID' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'searchOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				default: 'ASC',
				description: 'Smallest or earliest first (Ascending), or largest or latest first (Descending)',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
			},
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'options',
				default: 'createdOn',
				description: 'Which field the invoices are sorted by; Return All pages through in this order',
				options: [
					{ name: 'Base Amount', value: 'baseAmount' },
					{ name: 'Created On', value: 'createdOn' },
					{ name: 'Due Date', value: 'dueDate' },
					{ name: 'Invoice ID', value: 'invoiceId' },
				],
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: 500,
				description: 'How many invoices each request asks for (Enkash allows up to 5,000)',
			},
		],
	},
];

const list = (value: unknown): string[] | undefined => {
	const items = String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	return items.length ? items : undefined;
};

/** The search body from the Filters, with dates computed in the workflow's time zone. */
function searchBody(this: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const hint = 'Check the Filters of the Search operation.';
	const body: IDataObject = {
		dueDateFrom: itemDate(this, itemIndex, filters.dueDateFrom, 'Due Date From', hint),
		dueDateTo: itemDate(this, itemIndex, filters.dueDateTo, 'Due Date To', hint),
		createdOnFrom: itemDateTime(this, itemIndex, filters.createdOnFrom, 'Created On From', { description: hint }),
		createdOnTo: itemDateTime(this, itemIndex, filters.createdOnTo, 'Created On To', { endOfDay: true, description: hint }),
	};
	body.customerIds = list(filters.customerIds);
	const badCustomer = (body.customerIds as string[] | undefined)?.find((id) => !CUSTOMER_ID.test(id));
	if (badCustomer !== undefined) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Customer IDs must each be KC followed by 14 capital letters or digits (got "${badCustomer}")`, {
			itemIndex,
			description: hint,
		});
	}
	body.externalIds = list(filters.externalIds);
	// Options an expression can set to anything: checked here, not by Enkash.
	const node = this.getNode();
	const statuses = choicesParameter(node, filters.approvalStatuses, itemIndex, 'Approval Statuses', { APPROVED: 'Approved', PENDING: 'Pending', REJECTED: 'Rejected' });
	if (statuses.length) body.approvalStatuses = statuses;
	const paymentStatuses = choicesParameter(node, filters.paymentStatuses, itemIndex, 'Payment Statuses', { PAID: 'Paid', PARTIALLY_PAID: 'Partially Paid', UNPAID: 'Unpaid' });
	if (paymentStatuses.length) body.paymentStatuses = paymentStatuses;
	const dispatched = choiceParameter(node, filters.dispatched, itemIndex, 'Dispatched', { any: 'Any', yes: 'Dispatched', no: 'Not Dispatched' }, 'any');
	if (dispatched !== 'any') body.dispatched = dispatched === 'yes';
	if (typeof filters.customerLegalName === 'string' && filters.customerLegalName.trim()) body.customerLegalName = filters.customerLegalName.trim();
	for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
	return body;
}

/** `POST /api/v0/invoice/search`: pages through matching invoices until Limit or the end. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('searchOptions', itemIndex, {}) as IDataObject;
	const body = searchBody.call(this, filters, itemIndex);
	const node = this.getNode();
	const orderBy = choiceParameter<NonNullable<SearchOptions['orderBy']>>(
		node,
		options.orderBy,
		itemIndex,
		'Order By',
		{ baseAmount: 'Base Amount', createdOn: 'Created On', dueDate: 'Due Date', invoiceId: 'Invoice ID' },
		'createdOn',
	);
	const direction = choiceParameter<NonNullable<SearchOptions['direction']>>(node, options.direction, itemIndex, 'Direction', { ASC: 'Ascending', DESC: 'Descending' }, 'ASC');
	const pageSize = Number(options.pageSize ?? 500);
	if (!Number.isFinite(pageSize)) {
		throw new NodeOperationError(node, `Item ${itemIndex + 1}: Page Size must be a number from 1 to 5,000 (got ${JSON.stringify(options.pageSize) ?? String(options.pageSize)})`, { itemIndex });
	}
	return await findInvoices(this, body, { max: resultLimit(returnAll, limit, itemIndex), pageSize, orderBy, direction, itemIndex });
}
