/** Enboarder's two kinds of report and their three calls, as operations. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties, type IPollFunctions } from 'n8n-workflow';

import { resultLimit, returnAllOrLimit } from '../../../../shared/descriptions/returnAll';
import { collectCursorPages, type CursorPage } from '../../../../shared/pagination';
import { textParameter } from '../../../../shared/validation';
import { enboarderApiRequest } from '../../transport';

/** Enboarder keeps two kinds of report, with the same three calls each (API-CONTRACTS.md section 1). */
export type ReportKind = 'workflows' | 'forms';

const NOUN: Record<ReportKind, string> = { workflows: 'workflow', forms: 'form' };
export const REPORT_ID_PATTERN = '^[A-Za-z0-9._-]{1,100}$';

const show = (operation: string) => ({ resource: ['report'], operation: [operation] });

/** The Report field: picked from the account's reports of that kind, or entered as an ID. */
export function reportLocator(kind: ReportKind, display: Record<string, string[]>): INodeProperties {
	return {
		displayName: `${NOUN[kind] === 'workflow' ? 'Workflow' : 'Form'} Report`,
		name: 'reportId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: `The ${NOUN[kind]} report to read`,
		displayOptions: { show: display },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${NOUN[kind]} report…`,
				typeOptions: { searchListMethod: kind === 'workflows' ? 'searchWorkflowReports' : 'searchFormReports', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: kind === 'workflows' ? 'wf-onboarding' : 'form-personal-details',
				validation: [
					{
						type: 'regex',
						properties: { regex: REPORT_ID_PATTERN, errorMessage: 'A report ID is letters, digits, dots, dashes and underscores' },
					},
				],
			},
		],
	};
}

/** The item's report ID, checked before any request. */
function reportIdFor(context: IExecuteFunctions, itemIndex: number): string {
	const value = textParameter(context.getNode(), context.getNodeParameter('reportId', itemIndex, '', { extractValue: true }), itemIndex, 'Report').trim();
	if (!new RegExp(REPORT_ID_PATTERN).test(value)) {
		throw new NodeOperationError(
			context.getNode(),
			value === '' ? `Item ${itemIndex + 1}: Report is required` : `Item ${itemIndex + 1}: Report must be a report ID such as wf-onboarding (got "${value}")`,
			{ itemIndex },
		);
	}
	return value;
}

/** `GET /reports/{kind}`: the reports of that kind the account can read, one item each. */
export function listReports(kind: ReportKind, operation: string) {
	const description = returnAllOrLimit(show(operation));
	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const max = resultLimit(returnAll, this.getNodeParameter('limit', itemIndex, 50), itemIndex);
		const response = await enboarderApiRequest.call(this, 'GET', `/reports/${kind}`, { itemIndex, idempotent: true });
		const items = Array.isArray(response.items) ? (response.items as IDataObject[]) : [];
		return items.slice(0, max);
	}
	return { description, execute };
}

/** `GET /reports/{kind}/{id}/properties`: the report's columns, one item each. */
export function reportProperties(kind: ReportKind, operation: string) {
	const description = [reportLocator(kind, show(operation))];
	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const reportId = reportIdFor(this, itemIndex);
		const response = await enboarderApiRequest.call(this, 'GET', `/reports/${kind}/${encodeURIComponent(reportId)}/properties`, { itemIndex, idempotent: true });
		return Array.isArray(response.items) ? (response.items as IDataObject[]) : [];
	}
	return { description, execute };
}

/** `GET /reports/{kind}/{id}/data`: the report's rows, 500 a page, following `nextKey` until Limit or the end. */
export function reportData(kind: ReportKind, operation: string) {
	const description = [reportLocator(kind, show(operation)), ...returnAllOrLimit(show(operation), 500)];
	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const reportId = reportIdFor(this, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = this.getNodeParameter('limit', itemIndex, 500) as number;
		return await readReportRows(this, kind, reportId, resultLimit(returnAll, limit, itemIndex), itemIndex);
	}
	return { description, execute };
}

/** A report's rows in Enboarder's order, following `nextKey` until `max` rows or the last page. */
export async function readReportRows(
	context: IExecuteFunctions | IPollFunctions,
	kind: ReportKind,
	reportId: string,
	max: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectCursorPages<IDataObject>(
		async (nextKey) =>
			(await enboarderApiRequest.call(context, 'GET', `/reports/${kind}/${encodeURIComponent(reportId)}/data`, {
				qs: nextKey === undefined ? undefined : { nextKey },
				itemIndex,
				idempotent: true,
			})) as unknown as CursorPage<IDataObject>,
		{ max },
	);
}
