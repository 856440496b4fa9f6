import { DEMO_CREDENTIALS } from '../credentials';
import { json, mediaType, parseForm, parseJson, basicCredentials } from '../http';
import type { Reply } from '../http';
import { createRandom } from '../random';
import { Router } from '../router';
import type { Params } from '../router';
import { seedEnboarder, enboarderReportRow } from '../seed';
import { isDate, isEmail, isNonEmptyString, isPlainObject } from '../validate';
import type { GeneralError, SandboxServices, VendorMount, VendorRequest } from './vendor';

export const ENBOARDER_SCOPES = {
	basic: 'api/workflow.basic',
	advance: 'api/workflow.advance',
	settings: 'api/settings.all',
} as const;

export const REPORT_PAGE_SIZE = 500;
export const PROFILE_WORKFLOWS_PAGE = 10;

const ALLOWED_SCOPES: Record<string, { secret: string; scopes: string[] }> = {
	[DEMO_CREDENTIALS.enboarder.clientId]: {
		secret: DEMO_CREDENTIALS.enboarder.clientSecret,
		scopes: [...DEMO_CREDENTIALS.enboarder.scopes],
	},
	[DEMO_CREDENTIALS.enboarder.limitedClientId]: {
		secret: DEMO_CREDENTIALS.enboarder.limitedClientSecret,
		scopes: [ENBOARDER_SCOPES.basic],
	},
};

/** Profile fields the demo account defines; others are accepted only as warnings. */
export const KNOWN_PROFILE_FIELDS = ['department', 'location', 'jobTitle', 'costCentre', 'employmentType', 'team', 'startDate'];

export interface NameValue {
	name: string;
	value: unknown;
}

export interface EnboarderProfile {
	id: number;
	firstName: string;
	lastName: string;
	externalid: string;
	contact: { email?: string; mobile?: string; preferred?: string };
	profilefields: NameValue[];
	profilePhoto: { imageType: string } | null;
	createdAt: string;
	updatedAt: string;
}

export interface EnboarderWorkflow {
	referenceid: string;
	externalid?: string;
	type: 'basic' | 'advance';
	status: 'active' | 'cancelled';
	profileId?: number;
	fields: Record<string, unknown>;
	launchedOn: string;
	updatedOn: string;
	cancelledOn?: string;
	comments?: string;
}

export interface EnboarderReport {
	id: string;
	name: string;
	isActive: boolean;
	kind: 'workflows' | 'forms';
	rowCount: number;
}

export interface EnboarderSeed {
	profiles: EnboarderProfile[];
	workflows: EnboarderWorkflow[];
	reports: EnboarderReport[];
}

/** Enboarder's records, indexed by every key a route looks them up by. */
export class EnboarderStore {
	readonly profiles = new Map<number, EnboarderProfile>();
	readonly reports = new Map<string, EnboarderReport>();
	private readonly profilesByExternalId = new Map<string, EnboarderProfile>();
	private readonly profilesByEmail = new Map<string, EnboarderProfile>();
	private readonly workflowsByExternalId = new Map<string, EnboarderWorkflow[]>();
	private readonly workflowsByProfile = new Map<number, EnboarderWorkflow[]>();
	nextProfileId = 1;
	nextWorkflowNumber = 1;

	constructor(seed: EnboarderSeed) {
		for (const report of seed.reports) this.reports.set(report.id, report);
		for (const profile of seed.profiles) this.addProfile(profile);
		for (const workflow of seed.workflows) this.addWorkflow(workflow);
		this.nextProfileId = Math.max(0, ...this.profiles.keys()) + 1;
		this.nextWorkflowNumber = seed.workflows.length + 1;
	}

	addProfile(profile: EnboarderProfile): void {
		this.profiles.set(profile.id, profile);
		this.indexProfile(profile);
		this.nextProfileId = Math.max(this.nextProfileId, profile.id + 1);
	}

	/** Applies `change` to a profile, keeping the externalid and email indexes right. */
	changeProfile(profile: EnboarderProfile, change: () => void): void {
		this.unindexProfile(profile);
		change();
		this.indexProfile(profile);
	}

	deleteProfile(profile: EnboarderProfile): void {
		this.unindexProfile(profile);
		this.profiles.delete(profile.id);
	}

	profileByExternalId(externalid: string): EnboarderProfile | undefined {
		return this.profilesByExternalId.get(externalid);
	}

	profileByEmail(email: string): EnboarderProfile | undefined {
		return this.profilesByEmail.get(email.toLowerCase());
	}

	addWorkflow(workflow: EnboarderWorkflow): void {
		if (workflow.externalid !== undefined) push(this.workflowsByExternalId, workflow.externalid, workflow);
		if (workflow.profileId !== undefined) push(this.workflowsByProfile, workflow.profileId, workflow);
	}

	workflowsWithExternalId(externalid: string): EnboarderWorkflow[] {
		return this.workflowsByExternalId.get(externalid) ?? [];
	}

	workflowsOfProfile(profileId: number): EnboarderWorkflow[] {
		return this.workflowsByProfile.get(profileId) ?? [];
	}

	private indexProfile(profile: EnboarderProfile): void {
		this.profilesByExternalId.set(profile.externalid, profile);
		if (profile.contact.email) this.profilesByEmail.set(profile.contact.email.toLowerCase(), profile);
	}

	private unindexProfile(profile: EnboarderProfile): void {
		if (this.profilesByExternalId.get(profile.externalid) === profile) this.profilesByExternalId.delete(profile.externalid);
		const email = profile.contact.email?.toLowerCase();
		if (email && this.profilesByEmail.get(email) === profile) this.profilesByEmail.delete(email);
	}
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

const LAUNCH_FIELDS = [
	'nhnm', 'nhfnm', 'nhlnm', 'nhmob', 'nheml', 'chnl', 'mgrnm', 'mgrmob', 'mgreml', 'mgrchnl', 'nhstdt',
	'customfields', 'externalid', 'mode', 'managers', 'nhexternalid',
];

type Route = (request: VendorRequest, params: Params) => Promise<Reply>;

/**
 * Enboarder: the REST API (v1 by API key, v2 by OAuth token sent without a Bearer prefix, reports by
 * either) and its Cognito-style token host, mounted on two prefixes.
 */
export class EnboarderSandbox {
	data!: EnboarderStore;
	readonly api: VendorMount;
	readonly auth: VendorMount;
	private readonly router = new Router<Route>();

	constructor(private readonly services: SandboxServices) {
		this.reset();
		const r = this.router;
		r.add('POST', '/restapi/:version/startwf/basic', (q) => this.launch(q, 'basic'));
		r.add('POST', '/restapi/:version/startwf/advance', (q) => this.launch(q, 'advance'));
		r.add('PUT', '/restapi/:version/updatewf', (q) => this.updateWorkflow(q));
		r.add('POST', '/restapi/:version/cancelwf', (q) => this.cancelWorkflow(q));
		r.add('POST', '/restapi/:version/profile', (q) => this.createProfile(q));
		r.add('GET', '/restapi/:version/profile/:id', async (_q, p) => this.getProfile(p.id));
		r.add('PUT', '/restapi/:version/profile/:id', (q, p) => this.updateProfile(q, p.id));
		r.add('DELETE', '/restapi/:version/profile/:id', async (_q, p) => this.deleteProfile(p.id));
		r.add('GET', '/restapi/:version/profile/:id/workflows', async (_q, p) => this.profileWorkflows(p.id));
		r.add('GET', '/reports/:kind', async (_q, p) => this.listReports(p.kind));
		r.add('GET', '/reports/:kind/:id/properties', async (_q, p) => this.reportProperties(p.kind, p.id));
		r.add('GET', '/reports/:kind/:id/data', async (q, p) => this.reportData(q, p.kind, p.id));

		this.api = {
			vendor: 'enboarder',
			isTokenRequest: () => false,
			generalError: enboarderError,
			handle: (request) => this.handleApi(request),
		};
		this.auth = {
			vendor: 'enboarder',
			isTokenRequest: (method, path) => method === 'POST' && path === '/oauth2/token',
			generalError: (kind, status, message) =>
				kind === 'bad-request' || kind === 'not-found'
					? { error: kind === 'not-found' ? 'not_found' : 'invalid_request' }
					: enboarderError(kind, status, message),
			handle: (request) => this.handleToken(request),
		};
	}

	reset(): void {
		this.data = new EnboarderStore(seedEnboarder(createRandom(this.services.seed ^ 0x0e0b0a4d)));
	}

	setReportRows(reportId: string, count: number): void {
		const report = this.data.reports.get(reportId);
		if (!report) throw new Error(`Unknown Enboarder report ${reportId}`);
		if (!Number.isInteger(count) || count < 0) throw new Error('count must be a non-negative integer');
		report.rowCount = count;
	}

	// --- token host ---------------------------------------------------------------------------

	private async handleToken(request: VendorRequest): Promise<Reply> {
		if (request.method !== 'POST' || request.path !== '/oauth2/token') return json(404, { error: 'not_found' });
		const client = basicCredentials(request.headers);
		if (!client) {
			request.entry.auth = 'missing';
			return json(401, { error: 'invalid_client', error_description: 'Client authentication required' });
		}
		const registered = ALLOWED_SCOPES[client.user];
		if (!registered || registered.secret !== client.password) {
			request.entry.auth = 'invalid';
			return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		}
		if (mediaType(request.headers) !== 'application/x-www-form-urlencoded') {
			request.entry.auth = 'ok';
			return json(400, { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' });
		}
		const form = parseForm(await request.body());
		if (form.grant_type === 'client_credentials') request.entry.grant = 'client_credentials';
		request.entry.auth = 'ok';
		if (form.grant_type !== 'client_credentials') {
			return json(400, { error: 'unsupported_grant_type' });
		}
		const requested = (form.scope ?? '').split(/\s+/).filter(Boolean);
		if (requested.some((scope) => !registered.scopes.includes(scope))) {
			return json(400, { error: 'invalid_scope' });
		}
		const scopes = requested.length > 0 ? [...new Set(requested)] : registered.scopes;
		// Opaque or JWT, and expires_in as configured (setTokenResponse): a number by default.
		const { accessToken, expiresIn } = this.services.tokens.issueAccess({ vendor: 'enboarder', clientId: client.user, scopes });
		return json(200, { access_token: accessToken, ...(expiresIn.stated ? { expires_in: expiresIn.value } : {}), token_type: 'Bearer' });
	}

	// --- REST API -----------------------------------------------------------------------------

	private async handleApi(request: VendorRequest): Promise<Reply> {
		const found = this.router.match(request.method, request.path);
		if (!found) return json(404, { message: 'Not Found' });
		const { params } = found;
		let denied: Reply | undefined;
		if (request.path.startsWith('/reports/')) {
			if (params.kind !== 'workflows' && params.kind !== 'forms') return json(404, { message: 'Not Found' });
			denied = this.authorizeReports(request);
		} else {
			if (params.version !== 'v1' && params.version !== 'v2') return json(404, { message: 'Not Found' });
			denied = params.version === 'v1' ? this.authorizeApiKey(request) : this.authorizeToken(request, requiredScope(request));
		}
		return denied ?? found.handler(request, params);
	}

	private authorizeApiKey(request: VendorRequest): Reply | undefined {
		const key = request.headers.apikey;
		if (key === undefined || key === '') {
			request.entry.auth = 'missing';
			return json(401, { message: 'Missing API key' });
		}
		if (key !== DEMO_CREDENTIALS.enboarder.apiKey) {
			request.entry.auth = 'invalid';
			return json(401, { message: 'Invalid API key' });
		}
		request.entry.auth = 'ok';
		return undefined;
	}

	/** The OAuth token goes in `Authorization` as is; a `Bearer ` prefix makes it another, unknown token. */
	private authorizeToken(request: VendorRequest, scope: string | undefined): Reply | undefined {
		const header = request.headers.authorization;
		if (header === undefined || header === '') {
			request.entry.auth = 'missing';
			return json(401, { message: 'Unauthorized' });
		}
		const check = this.services.tokens.check(header, 'enboarder', 'access');
		if (check.auth !== 'ok') {
			request.entry.auth = check.auth;
			return json(401, { message: check.auth === 'expired' ? 'The incoming token has expired' : 'Unauthorized' });
		}
		if (scope && !check.token.scopes.includes(scope)) {
			request.entry.auth = 'forbidden';
			return json(403, { message: 'Insufficient scope', errorcode: 'FORBIDDEN' });
		}
		request.entry.auth = 'ok';
		return undefined;
	}

	private authorizeReports(request: VendorRequest): Reply | undefined {
		if (request.headers.apikey !== undefined && request.headers.apikey !== '') {
			const byKey = this.authorizeApiKey(request);
			if (!byKey || !request.headers.authorization) return byKey;
		}
		return this.authorizeToken(request, undefined);
	}

	// --- workflows ----------------------------------------------------------------------------

	private async launch(request: VendorRequest, type: 'basic' | 'advance'): Promise<Reply> {
		const body = parseJson(await request.body());
		if (!isPlainObject(body)) return json(400, { message: 'Request body must be a JSON object' });
		const problem = validateLaunch(body, type, false);
		if (problem) return json(400, { message: problem });
		const workflow = this.createWorkflow(body, type);
		this.services.ledger.addRecord('enboarder', 'enboarderWorkflow', workflow.referenceid, workflow.externalid);
		return json(200, { message: 'ok', referenceid: workflow.referenceid });
	}

	private createWorkflow(body: Record<string, unknown>, type: 'basic' | 'advance'): EnboarderWorkflow {
		const data = this.data;
		const now = new Date().toISOString();
		const fields: Record<string, unknown> = {};
		for (const name of LAUNCH_FIELDS) if (body[name] !== undefined) fields[name] = body[name];
		const workflow: EnboarderWorkflow = {
			referenceid: `EBWF-${String(data.nextWorkflowNumber++).padStart(8, '0')}`,
			type,
			status: 'active',
			fields,
			launchedOn: now,
			updatedOn: now,
		};
		if (isNonEmptyString(body.externalid)) workflow.externalid = body.externalid;
		workflow.profileId = this.profileFor(body)?.id;
		data.addWorkflow(workflow);
		return workflow;
	}

	/** The new hire's profile: by `nhexternalid`, else by email. */
	private profileFor(body: Record<string, unknown>): EnboarderProfile | undefined {
		if (isNonEmptyString(body.nhexternalid)) return this.data.profileByExternalId(body.nhexternalid);
		return isNonEmptyString(body.nheml) ? this.data.profileByEmail(body.nheml) : undefined;
	}

	private async updateWorkflow(request: VendorRequest): Promise<Reply> {
		const body = parseJson(await request.body());
		if (!isPlainObject(body)) return json(400, { message: 'Request body must be a JSON object' });
		if (!isNonEmptyString(body.externalid)) return json(400, { message: 'externalid is required' });
		const problem = validateLaunch(body, 'advance', true);
		if (problem) return json(400, { message: problem });
		const matches = this.data.workflowsWithExternalId(body.externalid);
		if (matches.length === 0) return json(404, { message: 'Workflow not found' });
		const active = matches.filter((workflow) => workflow.status === 'active');
		if (active.length === 0) return json(400, { message: 'Workflow is not active' });
		const now = new Date().toISOString();
		for (const workflow of active) {
			for (const name of LAUNCH_FIELDS) if (name !== 'externalid' && body[name] !== undefined) workflow.fields[name] = body[name];
			workflow.updatedOn = now;
		}
		return json(200, { message: 'ok', referenceid: active[active.length - 1].referenceid });
	}

	/**
	 * Modes (design): ALL cancels every active workflow launched with this externalid; SELECTED only
	 * those whose customfields match every `customfields` pair given; CANCEL_ALL every active workflow
	 * of the same new hire (profile), whatever its externalid.
	 */
	private async cancelWorkflow(request: VendorRequest): Promise<Reply> {
		const body = parseJson(await request.body());
		if (!isPlainObject(body)) return json(400, { message: 'Request body must be a JSON object' });
		if (!isNonEmptyString(body.externalid)) return json(400, { message: 'externalid is required' });
		const mode = body.mode ?? 'ALL';
		if (mode !== 'ALL' && mode !== 'SELECTED' && mode !== 'CANCEL_ALL') {
			return json(400, { message: 'mode must be one of ALL, SELECTED, CANCEL_ALL' });
		}
		if (body.comments !== undefined && typeof body.comments !== 'string') return json(400, { message: 'comments must be a string' });
		const customfields = body.customfields;
		if (customfields !== undefined && !isNameValueList(customfields)) {
			return json(400, { message: 'customfields must be a list of {name, value}' });
		}
		if (mode === 'SELECTED' && (!customfields || customfields.length === 0)) {
			return json(400, { message: 'customfields is required when mode is SELECTED' });
		}
		const matches = this.data.workflowsWithExternalId(body.externalid);
		if (matches.length === 0) return json(404, { message: 'Workflow not found' });
		let targets = matches.filter((workflow) => workflow.status === 'active');
		if (mode === 'SELECTED') {
			targets = targets.filter((workflow) => {
				const own = isNameValueList(workflow.fields.customfields) ? workflow.fields.customfields : [];
				return customfields!.every((wanted) => own.some((field) => field.name === wanted.name && field.value === wanted.value));
			});
		} else if (mode === 'CANCEL_ALL') {
			const all = new Set(targets);
			for (const profileId of new Set(matches.map((workflow) => workflow.profileId))) {
				if (profileId === undefined) continue;
				for (const workflow of this.data.workflowsOfProfile(profileId)) if (workflow.status === 'active') all.add(workflow);
			}
			targets = [...all];
		}
		const now = new Date().toISOString();
		for (const workflow of targets) {
			workflow.status = 'cancelled';
			workflow.cancelledOn = now;
			workflow.updatedOn = now;
			if (typeof body.comments === 'string') workflow.comments = body.comments;
		}
		return json(200, { message: 'ok', cancelled: targets.length, referenceids: targets.map((workflow) => workflow.referenceid) });
	}

	// --- profiles -----------------------------------------------------------------------------

	private async createProfile(request: VendorRequest): Promise<Reply> {
		const body = parseJson(await request.body());
		if (!isPlainObject(body)) return profileError(400, 'INVALID_FIELDS', 'Request body must be a JSON object', ['body']);
		const missing = ['firstName', 'lastName', 'externalid'].filter((name) => !isNonEmptyString(body[name]));
		if (missing.length > 0) {
			return profileError(400, 'MISSING_FIELDS', 'Required fields are missing', missing.map((name) => `${name} is required`));
		}
		const invalid = invalidProfileFields(body);
		if (invalid.length > 0) return profileError(400, 'INVALID_FIELDS', 'Some fields are invalid', invalid);
		const warnings = profileWarnings(body, undefined);
		if (warnings.length > 0 && !acceptsWarnings(request)) {
			return profileError(400, 'INVALID_FIELDS', 'The profile has warnings; send X-Enboarder-Warning: yes to accept them', [], warnings);
		}
		const externalid = body.externalid as string;
		if (this.data.profileByExternalId(externalid)) {
			return profileError(409, 'PROFILE_EXISTS', `A profile with externalid ${externalid} already exists`, []);
		}
		const now = new Date().toISOString();
		const profile: EnboarderProfile = {
			id: this.data.nextProfileId++,
			firstName: body.firstName as string,
			lastName: body.lastName as string,
			externalid,
			contact: pickContact(body.contact),
			profilefields: (body.profilefields as NameValue[] | undefined) ?? [],
			profilePhoto: isPlainObject(body.profilePhoto) ? { imageType: String(body.profilePhoto.imageType) } : null,
			createdAt: now,
			updatedAt: now,
		};
		this.data.addProfile(profile);
		this.services.ledger.addRecord('enboarder', 'profile', String(profile.id), profile.externalid);
		return json(200, { message: 'Profile Created', id: profile.id, warnings });
	}

	private findProfile(id: string): EnboarderProfile | undefined {
		return /^\d+$/.test(id) ? this.data.profiles.get(Number(id)) : undefined;
	}

	private getProfile(id: string): Reply {
		const profile = this.findProfile(id);
		if (!profile) return profileNotFound(id);
		return json(200, profile);
	}

	private async updateProfile(request: VendorRequest, id: string): Promise<Reply> {
		const profile = this.findProfile(id);
		if (!profile) return profileNotFound(id);
		const body = parseJson(await request.body());
		if (!isPlainObject(body)) return profileError(400, 'INVALID_FIELDS', 'Request body must be a JSON object', ['body']);
		const blank = ['firstName', 'lastName', 'externalid'].filter((name) => body[name] !== undefined && !isNonEmptyString(body[name]));
		if (blank.length > 0) {
			return profileError(400, 'MISSING_FIELDS', 'Required fields cannot be blank', blank.map((name) => `${name} is required`));
		}
		const invalid = invalidProfileFields(body);
		if (invalid.length > 0) return profileError(400, 'INVALID_FIELDS', 'Some fields are invalid', invalid);
		const warnings = profileWarnings(body, profile);
		if (warnings.length > 0 && !acceptsWarnings(request)) {
			return profileError(400, 'INVALID_FIELDS', 'The profile has warnings; send X-Enboarder-Warning: yes to accept them', [], warnings);
		}
		if (isNonEmptyString(body.externalid) && body.externalid !== profile.externalid && this.data.profileByExternalId(body.externalid)) {
			return profileError(409, 'PROFILE_EXISTS', `A profile with externalid ${body.externalid} already exists`, []);
		}
		this.data.changeProfile(profile, () => {
			if (isNonEmptyString(body.firstName)) profile.firstName = body.firstName;
			if (isNonEmptyString(body.lastName)) profile.lastName = body.lastName;
			if (isNonEmptyString(body.externalid)) profile.externalid = body.externalid;
			if (body.contact !== undefined) profile.contact = { ...profile.contact, ...pickContact(body.contact) };
			if (body.profilefields !== undefined) profile.profilefields = body.profilefields as NameValue[];
			if (isPlainObject(body.profilePhoto)) profile.profilePhoto = { imageType: String(body.profilePhoto.imageType) };
			profile.updatedAt = new Date().toISOString();
		});
		return json(200, { message: 'Profile Updated', id: profile.id, warnings });
	}

	private activeWorkflowsOf(profileId: number): EnboarderWorkflow[] {
		return this.data.workflowsOfProfile(profileId).filter((workflow) => workflow.status === 'active');
	}

	private deleteProfile(id: string): Reply {
		const profile = this.findProfile(id);
		if (!profile) return profileNotFound(id);
		const active = this.activeWorkflowsOf(profile.id).length;
		if (active > 0) {
			return profileError(409, 'ACTIVE_PROFILE', `The profile has ${active} active workflow(s) and cannot be deleted`, []);
		}
		this.data.deleteProfile(profile);
		return json(200, { message: 'Profile Deleted', id: profile.id });
	}

	/** 206 Partial Content with the first 10 when more than 10 workflows are active (doc). */
	private profileWorkflows(id: string): Reply {
		const profile = this.findProfile(id);
		if (!profile) return profileNotFound(id);
		const active = this.activeWorkflowsOf(profile.id);
		const items = active.slice(0, PROFILE_WORKFLOWS_PAGE).map((workflow) => ({
			referenceid: workflow.referenceid,
			externalid: workflow.externalid ?? null,
			type: workflow.type,
			status: workflow.status,
			launchedOn: workflow.launchedOn,
		}));
		return json(active.length > PROFILE_WORKFLOWS_PAGE ? 206 : 200, { count: active.length, items });
	}

	// --- reports ------------------------------------------------------------------------------

	private reportsOf(kind: string): EnboarderReport[] {
		return [...this.data.reports.values()].filter((report) => report.kind === kind);
	}

	private listReports(kind: string): Reply {
		const items = this.reportsOf(kind).map(({ id, name, isActive }) => ({ id, name, isActive }));
		return json(200, { count: items.length, items });
	}

	private findReport(kind: string, id: string): EnboarderReport | undefined {
		const report = this.data.reports.get(id);
		return report && report.kind === kind ? report : undefined;
	}

	private reportProperties(kind: string, id: string): Reply {
		const report = this.findReport(kind, id);
		if (!report) return json(404, { message: 'Report not found' });
		const items = REPORT_PROPERTIES[report.kind];
		return json(200, { count: items.length, items });
	}

	private reportData(request: VendorRequest, kind: string, id: string): Reply {
		const report = this.findReport(kind, id);
		if (!report) return json(404, { message: 'Report not found' });
		let offset = 0;
		const nextKey = request.query.get('nextKey');
		if (nextKey !== null) {
			const decoded = decodeNextKey(nextKey, report);
			if (decoded === undefined) return json(400, { message: 'Invalid nextKey' });
			offset = decoded;
		}
		const end = Math.min(report.rowCount, offset + REPORT_PAGE_SIZE);
		const items: Array<Record<string, unknown>> = [];
		for (let index = offset; index < end; index++) items.push(enboarderReportRow(this.services.seed, report, index));
		const body: Record<string, unknown> = { count: items.length, items };
		if (end < report.rowCount) body.nextKey = encodeNextKey(report, end);
		return json(200, body);
	}
}

const REPORT_PROPERTIES: Record<EnboarderReport['kind'], Array<{ name: string; label: string; type: string }>> = {
	workflows: [
		{ name: 'id', label: 'Row ID', type: 'string' },
		{ name: 'employeeName', label: 'Employee name', type: 'string' },
		{ name: 'email', label: 'Email', type: 'string' },
		{ name: 'externalid', label: 'External ID', type: 'string' },
		{ name: 'workflowName', label: 'Workflow', type: 'string' },
		{ name: 'status', label: 'Status', type: 'string' },
		{ name: 'startDate', label: 'Start date', type: 'date' },
		{ name: 'launchedOn', label: 'Launched on', type: 'datetime' },
		{ name: 'completedTasks', label: 'Completed tasks', type: 'number' },
		{ name: 'totalTasks', label: 'Total tasks', type: 'number' },
	],
	forms: [
		{ name: 'id', label: 'Row ID', type: 'string' },
		{ name: 'employeeName', label: 'Employee name', type: 'string' },
		{ name: 'email', label: 'Email', type: 'string' },
		{ name: 'formName', label: 'Form', type: 'string' },
		{ name: 'status', label: 'Status', type: 'string' },
		{ name: 'submittedOn', label: 'Submitted on', type: 'datetime' },
		{ name: 'score', label: 'Score', type: 'number' },
	],
};

function requiredScope(request: VendorRequest): string | undefined {
	if (request.path.endsWith('/startwf/advance')) return ENBOARDER_SCOPES.advance;
	if (/\/(startwf\/basic|updatewf|cancelwf)$/.test(request.path)) return ENBOARDER_SCOPES.basic;
	if (/\/profile(\/|$)/.test(request.path)) return ENBOARDER_SCOPES.settings;
	return undefined;
}

/** The opaque cursor: base64url of the report id and the next row offset. */
function encodeNextKey(report: EnboarderReport, offset: number): string {
	return Buffer.from(JSON.stringify({ r: report.id, o: offset })).toString('base64url');
}

function decodeNextKey(nextKey: string, report: EnboarderReport): number | undefined {
	if (!/^[A-Za-z0-9_-]+$/.test(nextKey)) return undefined;
	try {
		const decoded = JSON.parse(Buffer.from(nextKey, 'base64url').toString('utf8')) as { r?: unknown; o?: unknown };
		if (decoded.r !== report.id || !Number.isInteger(decoded.o)) return undefined;
		const offset = decoded.o as number;
		return offset > 0 && offset < report.rowCount ? offset : undefined;
	} catch {
		return undefined;
	}
}

function isNameValueList(value: unknown): value is NameValue[] {
	return Array.isArray(value) && value.every((item) => isPlainObject(item) && isNonEmptyString(item.name));
}

const AT_LEAST_ONE = 'Atleast one of the fields is required ["nheml","nhmob","nhmobeml"]';

/** The launch/update checks; `partial` skips required fields (update). Returns the first problem. */
function validateLaunch(body: Record<string, unknown>, type: 'basic' | 'advance', partial: boolean): string | undefined {
	if (!partial) {
		if (!isNonEmptyString(body.nhnm)) return 'nhnm is required';
		if (!isNonEmptyString(body.nhmob) && !isNonEmptyString(body.nheml)) return AT_LEAST_ONE;
	}
	for (const name of ['nhnm', 'nhfnm', 'nhlnm', 'nhmob', 'nheml', 'chnl', 'mgrnm', 'mgrmob', 'mgreml', 'mgrchnl', 'externalid', 'nhexternalid']) {
		if (body[name] !== undefined && body[name] !== null && typeof body[name] !== 'string') return `${name} must be a string`;
	}
	if (isNonEmptyString(body.nheml) && !isEmail(body.nheml)) return 'nheml is not a valid email address';
	if (isNonEmptyString(body.mgreml) && !isEmail(body.mgreml)) return 'mgreml is not a valid email address';
	if (body.nhmob !== undefined && isNonEmptyString(body.nhmob) && !isMobile(body.nhmob)) return 'nhmob is not a valid mobile number';
	if (body.nhstdt !== undefined && !isDate(body.nhstdt)) return 'nhstdt must be a valid date in YYYY-MM-DD format';
	if (body.customfields !== undefined && !isNameValueList(body.customfields)) return 'customfields must be a list of {name, value}';
	if (body.mode !== undefined && body.mode !== 0 && body.mode !== 1) return 'mode must be 0 or 1';
	if (body.managers !== undefined) {
		if (type !== 'advance') return 'managers is only accepted by the advanced launch';
		if (!Array.isArray(body.managers)) return 'managers must be a list';
		for (let index = 0; index < body.managers.length; index++) {
			const problem = validateManager(body.managers[index]);
			if (problem) return `managers[${index}]: ${problem}`;
		}
	}
	return undefined;
}

function validateManager(manager: unknown): string | undefined {
	if (!isPlainObject(manager)) return 'must be an object';
	if (!isNonEmptyString(manager.mgrlbl)) return 'mgrlbl is required';
	if (manager.externalid !== undefined) {
		return isNonEmptyString(manager.externalid) ? undefined : 'externalid must be a non-empty string';
	}
	if (!isNonEmptyString(manager.nm)) return 'nm (or externalid) is required';
	if (!isNonEmptyString(manager.mob) && !isNonEmptyString(manager.eml)) return AT_LEAST_ONE.replace(/"nh/g, '"');
	if (isNonEmptyString(manager.eml) && !isEmail(manager.eml)) return 'eml is not a valid email address';
	if (isNonEmptyString(manager.mob) && !isMobile(manager.mob)) return 'mob is not a valid mobile number';
	return undefined;
}

function isMobile(value: string): boolean {
	return /^\+?[0-9][0-9 ()-]{5,19}$/.test(value);
}

function acceptsWarnings(request: VendorRequest): boolean {
	return String(request.headers['x-enboarder-warning'] ?? '').toLowerCase() === 'yes';
}

function pickContact(contact: unknown): EnboarderProfile['contact'] {
	if (!isPlainObject(contact)) return {};
	const out: EnboarderProfile['contact'] = {};
	if (isNonEmptyString(contact.email)) out.email = contact.email;
	if (isNonEmptyString(contact.mobile)) out.mobile = contact.mobile;
	if (isNonEmptyString(contact.preferred)) out.preferred = contact.preferred;
	return out;
}

function invalidProfileFields(body: Record<string, unknown>): string[] {
	const errors: string[] = [];
	if (body.contact !== undefined) {
		if (!isPlainObject(body.contact)) errors.push('contact must be an object');
		else {
			const { email, mobile, preferred } = body.contact;
			if (email !== undefined && !isEmail(email)) errors.push('contact.email is not a valid email address');
			if (mobile !== undefined && !(typeof mobile === 'string' && isMobile(mobile))) errors.push('contact.mobile is not a valid mobile number');
			if (preferred !== undefined && preferred !== 'email' && preferred !== 'mobile') errors.push('contact.preferred must be email or mobile');
		}
	}
	if (body.profilefields !== undefined && !isNameValueList(body.profilefields)) errors.push('profilefields must be a list of {name, value}');
	if (body.profilePhoto !== undefined) {
		const photo = body.profilePhoto;
		if (!isPlainObject(photo)) errors.push('profilePhoto must be an object');
		else {
			if (!['jpg', 'jpeg', 'png'].includes(String(photo.imageType).toLowerCase())) errors.push('profilePhoto.imageType must be jpg, jpeg or png');
			if (!isNonEmptyString(photo.body) || !/^[A-Za-z0-9+/=\s]+$/.test(photo.body)) errors.push('profilePhoto.body must be base64');
		}
	}
	return errors;
}

/** Warnings (design): unknown profile fields, and a profile left without any contact channel. */
function profileWarnings(body: Record<string, unknown>, existing: EnboarderProfile | undefined): string[] {
	const warnings: string[] = [];
	if (isNameValueList(body.profilefields)) {
		for (const field of body.profilefields) {
			if (!KNOWN_PROFILE_FIELDS.includes(field.name)) warnings.push(`Unknown profile field ${field.name} was ignored`);
		}
	}
	const contact = { ...(existing?.contact ?? {}), ...pickContact(body.contact) };
	if (!contact.email && !contact.mobile && (existing === undefined || body.contact !== undefined)) {
		warnings.push('The profile has no contact email or mobile; it will not receive notifications');
	}
	return warnings;
}

function profileError(status: number, errorcode: string, message: string, errors: string[], warnings: string[] = []): Reply {
	return json(status, { errorcode, message, errors, warnings });
}

function profileNotFound(id: string): Reply {
	return profileError(404, 'PROFILE_NOT_EXISTS', `Profile ${id} does not exist`, []);
}

function enboarderError(kind: GeneralError, _status: number, message?: string): unknown {
	const fallback: Record<GeneralError, string> = {
		'bad-request': 'Bad Request',
		'not-found': 'Not Found',
		'rate-limited': 'Too Many Requests',
		'server-error': 'Internal Server Error',
		unavailable: 'Service Unavailable',
	};
	return { message: message ?? fallback[kind] };
}
