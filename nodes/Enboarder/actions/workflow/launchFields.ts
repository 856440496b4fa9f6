/** An onboarding workflow's form fields, their schema and the launch and update bodies built from them. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { itemDate } from '../../../../shared/itemDates';
import { validateInput } from '../../../../shared/validation';
import { sortedByLabel } from '../../../../shared/descriptions/sortedByLabel';

/**
 * The fields of an onboarding workflow (API-CONTRACTS.md section 1), shared by Launch, Launch
 * (Advanced) and Update: the node's parameters, their Enboarder names, and one zod schema that
 * checks everything the sandbox (and Enboarder) would refuse before anything is sent.
 */

export type Display = Record<string, string[]>;

/** Enboarder's contact channel codes; `mob` is the documented example. */
const CHANNEL_OPTIONS = [
	{ name: 'Email', value: 'eml', description: 'Reach the person by e-mail' },
	{ name: 'Mobile', value: 'mob', description: 'Reach the person by text message on their mobile' },
];

const CHANNEL_NAMES: Record<string, string> = { eml: 'Email', mob: 'Mobile' };

/** A phone number as Enboarder accepts it: digits, spaces, brackets and dashes, optionally a leading +. */
const MOBILE = /^\+?[0-9][0-9 ()-]{5,19}$/;

const text = z.string({ required_error: 'is required', invalid_type_error: 'must be text' }).trim().min(1, 'is required');
const optionalText = z.string({ invalid_type_error: 'must be text' }).trim().optional();
const email = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.max(254, 'must be at most 254 characters')
	.email('must be an e-mail address such as name@example.com');
const mobile = z.string({ invalid_type_error: 'must be text' }).trim().regex(MOBILE, 'must be a phone number such as +61415123456 (digits, optionally starting with +)');
const channel = z.enum(['eml', 'mob'], { errorMap: () => ({ message: 'must be Email or Mobile' }) });
const customFields = z.array(
	z.object({
		name: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'each need a name (the label of the custom field in Enboarder)'),
		value: z.union([z.string(), z.number(), z.boolean()], { errorMap: () => ({ message: 'values must be text, a number or true/false' }) }),
	}),
);

/** Field name in the request → the label the user sees, for error messages. */
const WORKFLOW_LABELS: Record<string, string> = {
	nhnm: 'New Hire Name',
	nhfnm: 'First Name',
	nhlnm: 'Last Name',
	nheml: 'Email',
	nhmob: 'Mobile',
	chnl: 'Channel',
	nhstdt: 'Start Date',
	externalid: 'External ID',
	nhexternalid: 'New Hire External ID',
	mgrnm: 'Manager Name',
	mgrmob: 'Manager Mobile',
	mgreml: 'Manager Email',
	mgrchnl: 'Manager Channel',
	customfields: 'Custom Fields',
	managers: 'Managers',
	emailOrMobile: 'Email or Mobile',
	managerEmailOrMobile: 'Manager Email or Mobile',
};

/** Node parameter → Enboarder field. */
const API_NAMES: Record<string, string> = {
	newHireName: 'nhnm',
	newHireFirstName: 'nhfnm',
	newHireLastName: 'nhlnm',
	newHireEmail: 'nheml',
	newHireMobile: 'nhmob',
	newHireChannel: 'chnl',
	startDate: 'nhstdt',
	workflowExternalId: 'externalid',
	newHireExternalId: 'nhexternalid',
	managerName: 'mgrnm',
	managerMobile: 'mgrmob',
	managerEmail: 'mgreml',
	managerChannel: 'mgrchnl',
};

/** Every field a workflow carries; Update makes each optional. */
const workflowFields = z
	.object({
		nhnm: text.optional(),
		nhfnm: optionalText,
		nhlnm: optionalText,
		nheml: email.optional(),
		nhmob: mobile.optional(),
		chnl: channel.optional(),
		nhstdt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-01').optional(),
		mgrnm: optionalText,
		mgrmob: mobile.optional(),
		mgreml: email.optional(),
		mgrchnl: channel.optional(),
		customfields: customFields.optional(),
	})
	.strict();

// --- the node's parameters ----------------------------------------------------------------------

const newHireName: INodeProperties = {
	displayName: 'New Hire Name',
	name: 'newHireName',
	type: 'string',
	default: '',
	placeholder: 'Jane Doe',
	description: 'The full name of the new hire, as Enboarder shows it',
};
const newHireFirstName: INodeProperties = { displayName: 'First Name', name: 'newHireFirstName', type: 'string', default: '', description: "The new hire's first name" };
const newHireLastName: INodeProperties = { displayName: 'Last Name', name: 'newHireLastName', type: 'string', default: '', description: "The new hire's last name" };
const newHireEmail: INodeProperties = {
	displayName: 'Email',
	name: 'newHireEmail',
	type: 'string',
	default: '',
	placeholder: 'name@email.com',
	description: "The new hire's e-mail address. Give an Email, a Mobile or both.",
};
const newHireMobile: INodeProperties = {
	displayName: 'Mobile',
	name: 'newHireMobile',
	type: 'string',
	default: '',
	placeholder: '+61415123456',
	description: "The new hire's mobile number, with the country code. Give an Email, a Mobile or both.",
};
const newHireChannel: INodeProperties = {
	displayName: 'Channel',
	name: 'newHireChannel',
	type: 'options',
	options: CHANNEL_OPTIONS,
	default: 'eml',
	description: 'How Enboarder reaches the new hire; the matching Email or Mobile must be given',
};
const startDate: INodeProperties = {
	displayName: 'Start Date',
	name: 'startDate',
	type: 'string',
	default: '',
	placeholder: 'YYYY-MM-DD',
	description: "The new hire's first day. A date-time or an expression such as {{ $today.plus(14, 'days') }} is read in the workflow's time zone.",
};
const managerFields: INodeProperties[] = [
	{
		displayName: 'Manager Channel',
		name: 'managerChannel',
		type: 'options',
		options: CHANNEL_OPTIONS,
		default: 'eml',
		description: 'How Enboarder reaches the manager; the matching Manager Email or Manager Mobile must be given',
	},
	{ displayName: 'Manager Email', name: 'managerEmail', type: 'string', default: '', placeholder: 'name@email.com', description: "The manager's e-mail address" },
	{ displayName: 'Manager Mobile', name: 'managerMobile', type: 'string', default: '', placeholder: '+61415123456', description: "The manager's mobile number, with the country code" },
	{ displayName: 'Manager Name', name: 'managerName', type: 'string', default: '', placeholder: 'John Doe', description: "The manager's full name" },
];

/** The workflow's custom fields: name/value pairs. */
export const customFieldsField = (description: string): INodeProperties => ({
	displayName: 'Custom Fields',
	name: 'workflowCustomFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description,
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'location',
					description: 'The label of the custom field as created in Enboarder (brand, location and category names work too)',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'Sydney', description: 'The value for this workflow' },
			],
		},
	],
});

const CUSTOM_FIELDS_DESCRIPTION = 'Values for the custom fields of the workflow, by the label the field has in Enboarder';

/** The External ID field: required for Update and Cancel, optional (but recommended) for launches. */
export const externalIdField = (display: Display, required: boolean): INodeProperties => ({
	displayName: 'External ID',
	name: 'workflowExternalId',
	type: 'string',
	required,
	default: '',
	placeholder: 'HIRE-2026-0042',
	description: required
		? 'The External ID the workflow was launched with'
		: 'Your own reference for this onboarding, such as the hire ID in your HR system. Needed to update or cancel the workflow later, and to avoid launching it twice.',
	displayOptions: { show: display },
});

/** The parameters of a launch, shown for `display`; `advanced` adds New Hire External ID and swaps the manager fields for Managers. */
export function launchProperties(display: Display, advanced: boolean): INodeProperties[] {
	const show = (field: INodeProperties): INodeProperties => ({ ...field, displayOptions: { show: display } });
	const additional: INodeProperties[] = advanced
		? [
				{
					displayName: 'New Hire External ID',
					name: 'newHireExternalId',
					type: 'string',
					default: '',
					placeholder: 'EMP-0042',
					description: 'The External ID of an existing Enboarder profile: the workflow is linked to that profile',
				},
			]
		: managerFields;
	return [
		show({ ...newHireName, required: true }),
		show(newHireFirstName),
		show(newHireLastName),
		show(newHireEmail),
		show(newHireMobile),
		show(newHireChannel),
		show(startDate),
		externalIdField(display, false),
		show({
			displayName: 'Skip If Already Launched',
			name: 'skipIfLaunched',
			type: 'boolean',
			default: true,
			description:
				'Whether to return the active workflow instead of launching a second one when a workflow with the same External ID is already active, so re-running a workflow never onboards someone twice',
		}),
		...(advanced ? [show(MANAGERS_FIELD)] : []),
		show({ ...customFieldsField(CUSTOM_FIELDS_DESCRIPTION) }),
		show({
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: advanced ? 'Link the workflow to an existing Enboarder profile' : "The new hire's manager: their name and how Enboarder reaches them",
			options: sortedByLabel(additional),
		}),
	];
}

/** Update's optional fields: every launch field but the External ID. */
export const UPDATE_FIELD_OPTIONS: INodeProperties[] = sortedByLabel([
	newHireChannel,
	customFieldsField(CUSTOM_FIELDS_DESCRIPTION),
	newHireEmail,
	newHireFirstName,
	newHireLastName,
	...managerFields,
	newHireMobile,
	newHireName,
	startDate,
]);

// --- managers (advanced launch) -----------------------------------------------------------------

const managerLabel: INodeProperties = {
	displayName: 'Label',
	name: 'label',
	type: 'string',
	default: '',
	placeholder: 'Direct Manager',
	required: true,
	description: 'The manager type as labelled in Enboarder, such as Direct Manager or Recruiter',
};

const MANAGERS_FIELD: INodeProperties = {
	displayName: 'Managers',
	name: 'managers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	required: true,
	placeholder: 'Add Manager',
	default: {},
	description: 'The managers the workflow needs, each under the manager label Enboarder knows: by name and contact, or by the External ID of their Enboarder profile',
	options: [
		{
			displayName: 'By Details',
			name: 'byDetails',
			values: [
				{ displayName: 'Channel', name: 'channel', type: 'options', options: CHANNEL_OPTIONS, default: 'eml', description: 'How Enboarder reaches the manager' },
				{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@email.com', description: "The manager's e-mail address. Give an Email, a Mobile or both." },
				{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: "The manager's first name" },
				managerLabel,
				{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: "The manager's last name" },
				{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '', placeholder: '+61415123456', description: "The manager's mobile number, with the country code" },
				{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'John Doe', description: "The manager's full name" },
			],
		},
		{
			displayName: 'By External ID',
			name: 'byExternalId',
			values: [
				{
					displayName: 'External ID',
					name: 'externalId',
					type: 'string',
					default: '',
					placeholder: 'EMP-0007',
					required: true,
					description: "The External ID of the manager's Enboarder profile",
				},
				managerLabel,
			],
		},
	],
};

const MANAGER_KEYS: Record<string, string> = { label: 'mgrlbl', name: 'nm', firstName: 'fnm', lastName: 'lnm', email: 'eml', mobile: 'mob', channel: 'chnl', externalId: 'externalid' };
const MANAGER_LABELS: Record<string, string> = {
	mgrlbl: 'Label',
	nm: 'Name',
	fnm: 'First Name',
	lnm: 'Last Name',
	eml: 'Email',
	mob: 'Mobile',
	chnl: 'Channel',
	externalid: 'External ID',
	emailOrMobile: 'Email or Mobile',
};

const managerByDetails = z
	.object({ mgrlbl: text, nm: text, fnm: optionalText, lnm: optionalText, eml: email.optional(), mob: mobile.optional(), chnl: channel.optional() })
	.strict()
	.superRefine((manager, ctx) => reachable(manager, { email: 'eml', mobile: 'mob', channel: 'chnl', either: 'emailOrMobile' }, 'the manager', ctx, MANAGER_LABELS));
const managerByExternalId = z.object({ mgrlbl: text, externalid: text }).strict();

interface ManagerEntry {
	kind: 'byDetails' | 'byExternalId';
	entry: number;
	fields: IDataObject;
}

/** Each manager checked with its kind's schema; a problem names the kind and the entry. */
const managers = z
	.array(z.custom<ManagerEntry>())
	.min(1, 'need at least one entry: add a manager By Details or By External ID')
	.transform((entries, ctx) =>
		entries.map(({ kind, entry, fields }) => {
			const parsed = (kind === 'byDetails' ? managerByDetails : managerByExternalId).safeParse(fields);
			if (parsed.success) return parsed.data as IDataObject;
			const [issue] = parsed.error.issues;
			const key = String(issue.path[0] ?? '');
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `(${kind === 'byDetails' ? 'By Details' : 'By External ID'}, entry ${entry}): ${MANAGER_LABELS[key] ?? key} ${issue.message}`,
			});
			return z.NEVER;
		}),
	);

// --- checks across fields -----------------------------------------------------------------------

/** An Email or a Mobile is needed, and the one the Channel names. */
function reachable(
	fields: Record<string, unknown>,
	keys: { email: string; mobile: string; channel: string; either: string },
	who: string,
	ctx: z.RefinementCtx,
	labels: Record<string, string>,
): void {
	const has = (key: string) => typeof fields[key] === 'string' && fields[key] !== '';
	if (!has(keys.email) && !has(keys.mobile)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [keys.either], message: `is required: Enboarder needs one of them to reach ${who}` });
		return;
	}
	const chosen = fields[keys.channel];
	if (chosen !== 'mob' && chosen !== 'eml') return;
	const needed = chosen === 'mob' ? keys.mobile : keys.email;
	if (!has(needed)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: [keys.channel],
			message: `is ${CHANNEL_NAMES[chosen]}, so ${labels[needed]} is required (or set ${labels[keys.channel]} to ${CHANNEL_NAMES[chosen === 'mob' ? 'eml' : 'mob']})`,
		});
	}
}

const launchSchema = (advanced: boolean) =>
	workflowFields
		.extend({
			nhnm: text,
			externalid: optionalText,
			mode: z.literal(0),
			...(advanced ? { nhexternalid: optionalText, managers } : {}),
		})
		.superRefine((body, ctx) => {
			reachable(body, { email: 'nheml', mobile: 'nhmob', channel: 'chnl', either: 'emailOrMobile' }, 'the new hire', ctx, WORKFLOW_LABELS);
			// Manager details are optional, but once any is given Enboarder needs a way to reach the manager.
			if (!advanced && [body.mgrnm, body.mgreml, body.mgrmob, body.mgrchnl].some((value) => value !== undefined)) {
				reachable(body, { email: 'mgreml', mobile: 'mgrmob', channel: 'mgrchnl', either: 'managerEmailOrMobile' }, 'the manager', ctx, WORKFLOW_LABELS);
			}
		});
const LAUNCH_SCHEMAS = { basic: launchSchema(false), advanced: launchSchema(true) };

// --- reading an item ----------------------------------------------------------------------------

/** A parameter value as sent: numbers from expressions become text, empty values are dropped. */
function given(value: unknown): unknown {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string') return value.trim() === '' ? undefined : value;
	return value === null ? undefined : value;
}

/** Node parameters (top level or a collection) → Enboarder's fields, the start date in the workflow's zone. */
function toApiFields(context: IExecuteFunctions, itemIndex: number, parameters: IDataObject): IDataObject {
	const raw: IDataObject = {};
	for (const [name, value] of Object.entries(parameters)) {
		if (name === 'workflowCustomFields') {
			const pairs = ((value as IDataObject | undefined)?.field as IDataObject[] | undefined) ?? [];
			if (pairs.length > 0) raw.customfields = pairs.map((pair) => ({ name: given(pair.name) ?? '', value: given(pair.value) ?? '' })) as IDataObject[];
			continue;
		}
		const apiName = API_NAMES[name];
		if (!apiName) continue;
		const sent = name === 'startDate' ? itemDate(context, itemIndex, value, 'Start Date') : given(value);
		if (sent !== undefined) raw[apiName] = sent as IDataObject[string];
	}
	return raw;
}

function managerEntries(parameter: IDataObject): ManagerEntry[] {
	const entries: ManagerEntry[] = [];
	for (const kind of ['byDetails', 'byExternalId'] as const) {
		const list = (parameter[kind] as IDataObject[] | undefined) ?? [];
		list.forEach((values, index) => {
			const fields: IDataObject = {};
			for (const [name, value] of Object.entries(values)) {
				const sent = given(value);
				if (sent !== undefined && MANAGER_KEYS[name]) fields[MANAGER_KEYS[name]] = sent as IDataObject[string];
			}
			entries.push({ kind, entry: index + 1, fields });
		});
	}
	return entries;
}

const LAUNCH_PARAMETERS = ['newHireName', 'newHireFirstName', 'newHireLastName', 'newHireEmail', 'newHireMobile', 'newHireChannel', 'startDate', 'workflowExternalId', 'workflowCustomFields'];

/** One item's launch request body, validated: `POST …/startwf/basic` or, with `advanced`, `…/startwf/advance`. */
export function launchBody(context: IExecuteFunctions, itemIndex: number, advanced: boolean): IDataObject {
	const parameters: IDataObject = {};
	for (const name of LAUNCH_PARAMETERS) parameters[name] = context.getNodeParameter(name, itemIndex, name === 'workflowCustomFields' ? {} : '') as IDataObject[string];
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const raw = toApiFields(context, itemIndex, { ...parameters, ...additional });
	if (advanced) raw.managers = managerEntries(context.getNodeParameter('managers', itemIndex, {}) as IDataObject) as unknown as IDataObject[];
	raw.mode = 0;
	return validateInput(context.getNode(), advanced ? LAUNCH_SCHEMAS.advanced : LAUNCH_SCHEMAS.basic, raw, itemIndex, WORKFLOW_LABELS) as IDataObject;
}

/** One item's Update Fields as Enboarder's fields, validated; at least one. */
export function updateBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = toApiFields(context, itemIndex, context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(raw).length === 0) throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: choose at least one field to update`, { itemIndex });
	return validateInput(context.getNode(), workflowFields.partial(), raw, itemIndex, WORKFLOW_LABELS) as IDataObject;
}

/** Custom Fields as `[{name, value}]` (Cancel's Selected mode matches on them). */
export function customFieldsOf(context: IExecuteFunctions, itemIndex: number): IDataObject[] | undefined {
	const raw = toApiFields(context, itemIndex, { workflowCustomFields: context.getNodeParameter('workflowCustomFields', itemIndex, {}) as IDataObject });
	if (raw.customfields === undefined) return undefined;
	return validateInput(context.getNode(), z.object({ customfields: customFields }), raw, itemIndex, WORKFLOW_LABELS).customfields as IDataObject[];
}

/** The item's External ID, required. */
export function requiredExternalId(context: IExecuteFunctions, itemIndex: number): string {
	const value = given(context.getNodeParameter('workflowExternalId', itemIndex, ''));
	return validateInput(context.getNode(), z.object({ externalid: text }), { externalid: value ?? '' }, itemIndex, WORKFLOW_LABELS).externalid;
}
