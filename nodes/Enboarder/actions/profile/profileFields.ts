/** A profile's form fields, their schema and the request body built from them. */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';
import { z } from 'zod';

import { isN8nError } from '../../../../shared/errorKinds';
import { itemDate } from '../../../../shared/itemDates';
import { validateInput } from '../../../../shared/validation';
import { enboarderApiRequest } from '../../transport';
import { profilePhoto } from './profilePhoto';
import { sortedByLabel } from '../../../../shared/descriptions/sortedByLabel';

/** Profile fields the demo account defines (the sandbox's list); a real account has its own. */
const KNOWN_PROFILE_FIELDS = 'department, location, jobTitle, costCentre, employmentType, team and startDate';

/** Profile fields whose value is a date: sent as YYYY-MM-DD in the workflow's time zone. */
const DATE_PROFILE_FIELDS = ['startDate'];

const nameField = (displayName: string, name: string, description: string): INodeProperties => ({ displayName, name, type: 'string', default: '', description });

export const FIRST_NAME = nameField('First Name', 'firstName', "The person's first name");
export const LAST_NAME = nameField('Last Name', 'lastName', "The person's last name");
export const EXTERNAL_ID = nameField('External ID', 'externalId', 'Your own ID for the person, such as the employee number in your HR system; unique in Enboarder');

/** The optional fields of a profile, for Create's Additional Fields (Update adds the names). */
export const PROFILE_FIELD_OPTIONS: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Email address Enboarder sends notifications to' },
	{ displayName: 'Mobile', name: 'mobile', type: 'string', placeholder: '+61412345678', default: '', description: 'Mobile number for text messages: digits, optionally with a leading + and spaces, dashes or brackets' },
	{
		displayName: 'Photo Binary Property',
		name: 'photoBinaryProperty',
		type: 'string',
		default: 'data',
		description: 'The name of the input binary property (file) that holds the profile photo, a JPG or PNG image',
	},
	{
		displayName: 'Preferred Contact',
		name: 'preferred',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Mobile', value: 'mobile' },
		],
		default: 'email',
		description: 'How Enboarder should contact the person',
	},
	{
		displayName: 'Profile Fields',
		name: 'profileFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Profile Field',
		default: {},
		description: `Your account's own profile fields, by name (the demo account has ${KNOWN_PROFILE_FIELDS}). Enboarder drops a name it does not know, with a warning. On Update the list replaces all the profile's fields: list every one to keep.`,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'department', description: 'The profile field name, as your Enboarder account spells it' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value; for startDate a date such as 2026-12-01' },
				],
			},
		],
	},
];

/** Update's fields: every profile field, names included, sorted as the editor lists them. */
export const PROFILE_UPDATE_OPTIONS: INodeProperties[] = sortedByLabel([FIRST_NAME, LAST_NAME, EXTERNAL_ID, ...PROFILE_FIELD_OPTIONS]);

export const acceptWarningsField = (operation: string): INodeProperties => ({
	displayName: 'Accept Warnings',
	name: 'acceptWarnings',
	type: 'boolean',
	default: false,
	description:
		'Whether to save the profile even when Enboarder has warnings about it, such as an unknown profile field or no email or mobile. When off, Enboarder refuses such a profile and the error lists the warnings.',
	displayOptions: { show: { resource: ['profile'], operation: [operation] } },
});

const LABELS: Record<string, string> = {
	firstName: 'First Name',
	lastName: 'Last Name',
	externalid: 'External ID',
	email: 'Email',
	mobile: 'Mobile',
	preferred: 'Preferred Contact',
	profilefields: 'Profile Fields',
	photoBinaryProperty: 'Photo Binary Property',
};

// The sandbox's own format checks (sandbox/validate.ts, sandbox/vendors/enboarder.ts), so nothing is sent that Enboarder refuses for its format.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const required = () => z.string({ required_error: 'is required', invalid_type_error: 'must be text' }).trim().min(1, 'is required');

const profileSchema = z
	.object({
		firstName: required(),
		lastName: required(),
		externalid: required(),
		email: z.string({ invalid_type_error: 'must be text' }).trim().max(254, 'must be at most 254 characters').regex(EMAIL, 'must be an email address such as name@email.com').optional(),
		mobile: z.string({ invalid_type_error: 'must be text' }).trim().regex(MOBILE, 'must be a mobile number such as +61412345678 (digits, optionally a leading +, spaces, dashes or brackets)').optional(),
		preferred: z.enum(['email', 'mobile'], { errorMap: () => ({ message: 'must be Email or Mobile' }) }).optional(),
		profilefields: z
			.array(z.object({ name: z.string(), value: z.unknown() }))
			.superRefine((fields, context) => {
				fields.forEach((field, index) => {
					if (field.name.trim() === '') context.addIssue({ code: z.ZodIssueCode.custom, message: `entry ${index + 1} needs a name` });
				});
			})
			.optional(),
		photoBinaryProperty: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'is required').optional(),
	})
	.strict();

type ProfileInput = z.infer<typeof profileSchema>;

/** Node parameters → the schema's input: empty values dropped, profile fields as a list, dates as YYYY-MM-DD. */
function profileInput(context: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const raw: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null || key === 'profileFields') continue;
		raw[key === 'externalId' ? 'externalid' : key] = value;
	}
	const entries = (fields.profileFields as IDataObject | undefined)?.field as IDataObject[] | undefined;
	if (Array.isArray(entries) && entries.length > 0) {
		raw.profilefields = entries.map((entry) => {
			const name = String(entry.name ?? '').trim();
			if (!DATE_PROFILE_FIELDS.includes(name)) return { name, value: entry.value ?? '' };
			return { name, value: itemDate(context, itemIndex, entry.value, `Profile Field ${name}`) ?? '' };
		});
	}
	return raw;
}

/**
 * One item's profile body, validated: all required fields for a create, at least one field for an
 * update. The photo is read from the item's binary data only once everything else is right.
 */
export async function profileBody(context: IExecuteFunctions, itemIndex: number, fields: IDataObject, partial: boolean): Promise<IDataObject> {
	const raw = profileInput(context, itemIndex, fields);
	if (partial && Object.keys(raw).length === 0) {
		throw new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: choose at least one field to update`, { itemIndex });
	}
	const schema = partial ? profileSchema.partial() : profileSchema;
	const input = validateInput(context.getNode(), schema as z.ZodType<Partial<ProfileInput>>, raw, itemIndex, LABELS);
	const body: IDataObject = {};
	for (const key of ['firstName', 'lastName', 'externalid'] as const) if (input[key] !== undefined) body[key] = input[key];
	const contact: IDataObject = {};
	for (const key of ['email', 'mobile', 'preferred'] as const) if (input[key] !== undefined) contact[key] = input[key];
	if (Object.keys(contact).length > 0) body.contact = contact;
	if (input.profilefields !== undefined) body.profilefields = input.profilefields as IDataObject[];
	if (input.photoBinaryProperty !== undefined) body.profilePhoto = await profilePhoto(context, itemIndex, input.photoBinaryProperty);
	return body;
}

/**
 * Sends a profile (create or update) with `X-Enboarder-Warning` from Accept Warnings. Warnings
 * Enboarder accepted are in the output and shown as a hint; when it refused them, the error says
 * how to accept them.
 */
export async function saveProfile(
	context: IExecuteFunctions,
	itemIndex: number,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject,
): Promise<IDataObject> {
	const acceptWarnings = context.getNodeParameter('acceptWarnings', itemIndex, false) as boolean;
	let response: IDataObject;
	try {
		response = await enboarderApiRequest.call(context, method, path, {
			body,
			headers: { 'X-Enboarder-Warning': acceptWarnings ? 'yes' : 'no' },
			itemIndex,
			// A lost create cannot be checked for (Enboarder has no look-up by externalid): it is not resent. An update can be.
			idempotent: method === 'PUT',
		});
	} catch (error) {
		const apiError = isN8nError(error, 'NodeApiError') ? error : new NodeApiError(context.getNode(), error as JsonObject, { itemIndex });
		const warnings = apiError.context.warnings;
		if (!acceptWarnings && Array.isArray(warnings) && warnings.length > 0) {
			apiError.description = `${apiError.description ?? ''}\nTurn on Accept Warnings to save the profile anyway.`.trim();
		}
		throw apiError;
	}
	const accepted = Array.isArray(response.warnings) ? response.warnings.map(String) : [];
	if (accepted.length > 0) {
		context.addExecutionHints({
			type: 'warning',
			location: 'outputPane',
			message: `Item ${itemIndex + 1}: Enboarder saved the profile with warnings: ${accepted.join('; ')}`,
		});
	}
	return response;
}
