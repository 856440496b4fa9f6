/** The Enboarder node's lists in the editor. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { enboarderApiRequest } from '../transport';

/** The reports of one kind, filtered by name in the editor (Enboarder lists them all in one answer). */
async function searchReports(context: ILoadOptionsFunctions, kind: 'workflows' | 'forms', filter?: string): Promise<INodeListSearchResult> {
	const response = await enboarderApiRequest.call(context, 'GET', `/reports/${kind}`, { idempotent: true });
	const needle = filter?.trim().toLowerCase() ?? '';
	const reports = (Array.isArray(response.items) ? (response.items as IDataObject[]) : []).filter((report) => String(report.name ?? '').toLowerCase().includes(needle));
	return {
		results: reports.map((report) => ({
			name: `${String(report.name)}${report.isActive === false ? ' (inactive)' : ''}`,
			value: String(report.id),
		})),
	};
}

export async function searchWorkflowReports(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchReports(this, 'workflows', filter);
}

export async function searchFormReports(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchReports(this, 'forms', filter);
}
