/** The Enboarder Trigger: polls a workflow or form report for new rows. */
import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { rowsAfter, type RowMark } from '../../shared/polling/watermark';
import { readReportRows, REPORT_ID_PATTERN, reportLocator, type ReportKind } from '../Enboarder/actions/report/reports';
import { authenticationProperty, enboarderCredentials } from '../Enboarder/descriptions/authentication';
import { searchFormReports, searchWorkflowReports } from '../Enboarder/methods/listSearch';

const KIND: Record<string, ReportKind> = { newFormRows: 'forms', newWorkflowRows: 'workflows' };
const SAMPLE_SIZE = 5;

export class EnboarderTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Enboarder Trigger',
		name: 'enboarderTrigger',
		icon: { light: 'file:enboarder.svg', dark: 'file:enboarder.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when rows are added to an Enboarder workflow or form report',
		defaults: { name: 'Enboarder Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: enboarderCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'newFormRows',
				description: 'What starts the workflow; the report is checked on the schedule set below',
				options: [
					{ name: 'New Form Submission', value: 'newFormRows', description: 'A row was added to a form report (someone submitted the form)' },
					{ name: 'New Workflow Report Row', value: 'newWorkflowRows', description: 'A row was added to a workflow report (an onboarding started)' },
				],
			},
			reportLocator('forms', { event: ['newFormRows'] }),
			reportLocator('workflows', { event: ['newWorkflowRows'] }),
			{
				displayName:
					'Each new row is emitted once, all pages read. The first check after you activate the workflow only records where the report stands; "Fetch Test Event" shows its last rows.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = { listSearch: { searchFormReports, searchWorkflowReports } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		const kind = KIND[event];
		const reportId = String(this.getNodeParameter('reportId', '', { extractValue: true }) ?? '').trim();
		if (!new RegExp(REPORT_ID_PATTERN).test(reportId)) {
			throw new NodeOperationError(this.getNode(), `Report must be a report ID such as ${kind === 'forms' ? 'form-personal-details' : 'wf-onboarding'} (got "${reportId}")`);
		}
		const rows = await readReportRows(this, kind, reportId, Number.POSITIVE_INFINITY);
		if (this.getMode() === 'manual') {
			const sample = rows.slice(-SAMPLE_SIZE).reverse();
			return sample.length > 0 ? [this.helpers.returnJsonArray(sample)] : null;
		}
		const staticData = this.getWorkflowStaticData('node');
		const key = `${kind}:${reportId}`;
		const mark = staticData[key] as RowMark | undefined;
		const { fresh, next } = rowsAfter(rows, mark, (row) => String(row.id));
		// Only after a successful read: if it fails, the next poll starts from the same place.
		staticData[key] = { lastId: next.lastId, count: next.count };
		const events = mark ? fresh : [];
		return events.length > 0 ? [this.helpers.returnJsonArray(events)] : null;
	}
}
