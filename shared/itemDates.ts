/** An item's date fields in the workflow's time zone, a bad one an error naming the item. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { DateValueError, toApiDate, toApiDateTime, type DateInput } from './dates';
import { isKind } from './errorKinds';

/** Runs a date conversion for one item; a bad date becomes an error naming the item. */
function forItem<T>(context: IExecuteFunctions, itemIndex: number, convert: (zone: string) => T, description?: string): T {
	try {
		return convert(context.getTimezone());
	} catch (error) {
		if (isKind(error, DateValueError)) {
			throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: ${error.message}`, { itemIndex, description });
		}
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

/** An item's date field as YYYY-MM-DD in the workflow's time zone (undefined when empty). */
export function itemDate(context: IExecuteFunctions, itemIndex: number, value: DateInput, field: string, description?: string): string | undefined {
	return forItem(context, itemIndex, (zone) => toApiDate(value, zone, field), description);
}

/** An item's date-time field as yyyy-MM-dd HH:mm:ss in the workflow's time zone (undefined when empty). */
export function itemDateTime(
	context: IExecuteFunctions,
	itemIndex: number,
	value: DateInput,
	field: string,
	options: { endOfDay?: boolean; description?: string } = {},
): string | undefined {
	return forItem(context, itemIndex, (zone) => toApiDateTime(value, zone, field, { endOfDay: options.endOfDay }), options.description);
}
