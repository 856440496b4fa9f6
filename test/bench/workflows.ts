/**
 * The workflows the benchmark runs. In the real n8n app `n8n execute` starts at a Manual Trigger
 * and ignores pinned data, so the input items are made by n8n's own Edit Fields (Set) node (one
 * item holding the whole list, from an expression) and Split Out (one item each), both timed
 * apart from the node under test, which is always named `Leg`.
 */
import type { IConnections, IDataObject, INode, INodeParameters } from 'n8n-workflow';

export interface BenchWorkflow {
	id?: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IDataObject;
}

/** The node under test, in every workflow. */
export const LEG = 'Leg';

/** The customer every benchmark invoice is for (an active customer in every sandbox seed). */
export const CUSTOMER_ID = 'KCDEMOACTIVE0001';

/** The Enboarder sandbox has profiles 1..300; item n reads profile n mod 300 + 1. */
const ENBOARDER_PROFILES = 300;

const PACKAGE = 'n8n-nodes-token-connectors';

const start: INode = { id: 'bench-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

const link = (node: string, index = 0) => ({ node, type: 'main' as const, index });

/** Manual Trigger → one of our Enkash nodes (engine runs, where the trigger's items are pinned). */
export function enkashWorkflow(nodeName: string, credentialId: string, parameters: IDataObject): BenchWorkflow {
	return {
		name: `Bench ${nodeName}`,
		nodes: [start, { ...enkashNode(credentialId, parameters), name: nodeName }],
		connections: { Start: { main: [[link(nodeName)]] } },
	};
}

/**
 * The node version a node added in the editor gets now. From 1.1 no concurrency option means
 * Concurrency: Automatic (Max Concurrency 50); a Concurrency number set means Fixed, that number,
 * in every version. The legs pass `concurrency` for Fixed and leave it out for the defaults.
 */
export const ENKASH_NODE_VERSION = 1.1;

/** Invoice › Create from the item's fields, as the example workflow maps them (four expressions). */
export function createInvoiceParameters(options: { concurrency?: number; skipExisting: boolean; fixedValues?: boolean }): IDataObject {
	const fixed = options.fixedValues === true;
	return {
		resource: 'invoice',
		operation: 'create',
		customerId: { __rl: true, mode: 'id', value: fixed ? CUSTOMER_ID : '={{ $json.customerId }}' },
		baseAmount: fixed ? 100 : '={{ $json.amount }}',
		dueDate: fixed ? '2026-12-15' : '={{ $json.dueDate }}',
		skipExisting: options.skipExisting,
		// Fixed values have no External ID: the same one on every item would make them wait for each other.
		additionalFields: fixed ? {} : { externalId: '={{ $json.orderId }}' },
		options: options.concurrency === undefined ? {} : { concurrency: options.concurrency },
	};
}

/** Invoice › Create per item from the items' own fields, named as Enkash names them (no expression per field). */
export function createByNameParameters(options: { concurrency?: number }): IDataObject {
	return {
		resource: 'invoice',
		operation: 'create',
		fieldSource: 'json',
		skipExisting: false,
		options: options.concurrency === undefined ? {} : { concurrency: options.concurrency },
	};
}

/** Invoice › Bulk Upload from the items' own fields, named as Enkash names them (no expression per field). */
export function bulkByNameParameters(): IDataObject {
	return { resource: 'invoice', operation: 'bulkUpload', source: 'json', skipExisting: true };
}

/** Invoice › Bulk Upload built from the items (CSV chunks of 500 rows), Skip If External ID Exists on. */
export function bulkUploadParameters(options: { fixedValues?: boolean } = {}): IDataObject {
	const { resource, customerId, baseAmount, dueDate, skipExisting, additionalFields } = createInvoiceParameters({ skipExisting: true, fixedValues: options.fixedValues });
	return { resource, operation: 'bulkUpload', source: 'items', customerId, baseAmount, dueDate, skipExisting, additionalFields };
}

export function enkashNode(credentialId: string, parameters: IDataObject, typeVersion = ENKASH_NODE_VERSION): INode {
	return {
		id: 'bench-leg',
		name: LEG,
		type: `${PACKAGE}.enkash`,
		typeVersion,
		position: [600, 0],
		parameters: parameters as INodeParameters,
		credentials: { enkashApi: { id: credentialId, name: credentialId } },
	};
}

/** Our Enboarder node, OAuth2 client credentials, Profile › Get for the item's profile. */
export function enboarderProfileNode(credentialId: string): INode {
	return {
		id: 'bench-leg',
		name: LEG,
		type: `${PACKAGE}.enboarder`,
		typeVersion: 1,
		position: [600, 0],
		parameters: { authentication: 'oAuth2', resource: 'profile', operation: 'get', profileId: '={{ $json.profileId }}', options: {} },
		credentials: { enboarderOAuth2Api: { id: credentialId, name: credentialId } },
	};
}

/**
 * n8n's HTTP Request node as it comes (version 4.5, no batching, so every item's request starts at once).
 * `retryOnFail`: its node setting Retry On Fail on, at n8n's defaults (3 tries, 1,000 ms apart); n8n
 * then runs the whole node again, every item, after a failure.
 */
function httpRequestNode(parameters: IDataObject, credentials: INode['credentials'], settings: { retryOnFail?: boolean } = {}): INode {
	return {
		...(settings.retryOnFail ? { retryOnFail: true } : {}),
		id: 'bench-leg',
		name: LEG,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		position: [600, 0],
		parameters: { ...parameters, options: {} } as INodeParameters,
		credentials,
	};
}

/** `POST /api/v0/invoice` with n8n's generic Header Auth credential (`Authorization: Bearer …`). */
export function httpRequestCreateNode(enkashBaseUrl: string, credentialId: string, settings: { retryOnFail?: boolean } = {}): INode {
	return httpRequestNode(
		{
			method: 'POST',
			url: `${enkashBaseUrl}/api/v0/invoice`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={ "customerId": "{{ $json.customerId }}", "baseAmount": {{ $json.amount }}, "dueDate": "{{ $json.dueDate }}", "externalId": "{{ $json.orderId }}" }',
		},
		{ httpHeaderAuth: { id: credentialId, name: credentialId } },
		settings,
	);
}

/** `GET /restapi/v2/profile/{id}` with n8n's generic OAuth2 credential (client credentials grant). */
export function httpRequestProfileNode(enboarderBaseUrl: string, credentialId: string): INode {
	return httpRequestNode(
		{ method: 'GET', url: `=${enboarderBaseUrl}/restapi/v2/profile/{{ $json.profileId }}`, authentication: 'genericCredentialType', genericAuthType: 'oAuth2Api' },
		{ oAuth2Api: { id: credentialId, name: credentialId } },
	);
}

/**
 * Start → Make Items (one item with `count` invoices) → Split Out (one item each) → [Loop Over
 * Items, `batchSize` at a time] → the leg node. `prefix` makes every External ID of the run unique.
 */
export function appWorkflow(id: string, name: string, leg: INode, options: { count: number; prefix: string; batchSize?: number }): BenchWorkflow {
	const list =
		`={{ Array.from({ length: ${options.count} }, (_, n) => ({ customerId: '${CUSTOMER_ID}', amount: 1 + (n % 500), ` +
		`dueDate: '2026-12-15', orderId: '${options.prefix}' + n, profileId: String(n % ${ENBOARDER_PROFILES} + 1), ` +
		// The same invoice under Enkash's field names, for Source "Input Item Fields, Matched by Name" (Create, Bulk Upload).
		`baseAmount: 1 + (n % 500), externalId: '${options.prefix}' + n })) }}`;
	const nodes: INode[] = [
		start,
		{
			id: 'bench-make',
			name: 'Make Items',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { assignments: { assignments: [{ id: 'bench-list', name: 'items', type: 'array', value: list }] }, options: {} },
		},
		{ id: 'bench-split', name: 'Split Out', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0], parameters: { fieldToSplitOut: 'items', options: {} } },
	];
	const connections: IConnections = { Start: { main: [[link('Make Items')]] }, 'Make Items': { main: [[link('Split Out')]] } };
	if (options.batchSize === undefined) {
		connections['Split Out'] = { main: [[link(LEG)]] };
	} else {
		nodes.push({ id: 'bench-loop', name: 'Loop', type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, position: [500, 0], parameters: { batchSize: options.batchSize, options: {} } });
		connections['Split Out'] = { main: [[link('Loop')]] };
		// Output 0 is "done", output 1 "loop"; the leg feeds back into the loop.
		connections.Loop = { main: [[], [link(LEG)]] };
		connections[LEG] = { main: [[link('Loop')]] };
	}
	nodes.push(leg);
	return { id, name, nodes, connections, settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none', saveManualExecutions: false } };
}
