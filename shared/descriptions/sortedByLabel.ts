/** Sorts fields by label, as n8n's editor lists "Add Field" choices. */
import type { INodeProperties } from 'n8n-workflow';

/** Fields in the order n8n's editor expects of "Add Field" lists: by label (a new array). */
export function sortedByLabel(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
