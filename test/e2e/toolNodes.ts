/** Our action nodes as AI tools in a workflow, as a user sets them up: parameters the model fills with `$fromAI()`. */

export const ENKASH_TOOL = 'n8n-nodes-token-connectors.enkashTool';
export const ENBOARDER_TOOL = 'n8n-nodes-token-connectors.enboarderTool';

/** The tool nodes, named as a user would; n8n names each tool after its node (spaces become `_`). */
export function toolNodes(enkashCredentialId: string, enboarderCredentialId = 'agent-enboarder') {
	const enkash = { enkashApi: { id: enkashCredentialId, name: enkashCredentialId } };
	return [
		{
			id: 'tool-create',
			name: 'Create invoice',
			type: ENKASH_TOOL,
			typeVersion: 1.1,
			position: [400, 300],
			parameters: {
				resource: 'invoice',
				operation: 'create',
				customerId: { __rl: true, mode: 'id', value: "={{ $fromAI('customerId', 'The Enkash customer ID, e.g. KCDEMOACTIVE0001', 'string') }}" },
				baseAmount: "={{ $fromAI('baseAmount', 'The amount before taxes, in rupees', 'number') }}",
				dueDate: "={{ $fromAI('dueDate', 'When the invoice is due, as YYYY-MM-DD', 'string') }}",
				additionalFields: { externalId: "={{ $fromAI('externalId', 'Your reference for this invoice, such as an order number: an invoice with this reference is never created twice', 'string') }}" },
			},
			credentials: enkash,
		},
		{
			id: 'tool-search',
			name: 'Search invoices',
			type: ENKASH_TOOL,
			typeVersion: 1.1,
			position: [600, 300],
			parameters: {
				resource: 'invoice',
				operation: 'search',
				limit: 10,
				filters: { externalIds: "={{ $fromAI('externalId', 'The reference (External ID) of the invoice to find', 'string') }}" },
			},
			credentials: enkash,
		},
		{
			id: 'tool-launch',
			name: 'Launch onboarding',
			type: ENBOARDER_TOOL,
			typeVersion: 1.1,
			position: [800, 300],
			parameters: {
				resource: 'workflow',
				operation: 'launch',
				newHireName: "={{ $fromAI('newHireName', 'The new hire\\'s full name', 'string') }}",
				newHireEmail: "={{ $fromAI('newHireEmail', 'The new hire\\'s e-mail address', 'string') }}",
				newHireChannel: 'eml',
				startDate: "={{ $fromAI('startDate', 'The first working day, as YYYY-MM-DD', 'string') }}",
				workflowExternalId: 'HIRE-1',
			},
			credentials: { enboarderApi: { id: enboarderCredentialId, name: enboarderCredentialId } },
		},
	];
}

