/** What an AI model reads about each Enboarder operation when the node runs as a tool. */
import type { ToolTexts } from '../../../shared/descriptions/toolDescription';

export const ENBOARDER_TOOL_TEXTS: ToolTexts = {
	profile: {
		create: 'Creates an Enboarder profile (a person being onboarded). Needs the first name, the last name and an External ID (your HR system\'s ID for the person, unique in Enboarder).',
		delete: 'Deletes an Enboarder profile. Needs the profile ID (a number, e.g. 1042). Cannot be undone.',
		get: 'Gets one Enboarder profile. Needs the profile ID (a number, e.g. 1042).',
		listWorkflows: 'Lists the active onboarding workflows of an Enboarder profile. Needs the profile ID (a number, e.g. 1042).',
		update: 'Updates an Enboarder profile. Needs the profile ID (a number, e.g. 1042) and only the fields to change.',
	},
	report: {
		getFormData: 'Gets the rows of an Enboarder form report. Needs the form report ID; returns at most the Limit set on the tool.',
		getFormProperties: 'Gets the columns of an Enboarder form report. Needs the form report ID.',
		getWorkflowData: 'Gets the rows of an Enboarder workflow report. Needs the workflow report ID; returns at most the Limit set on the tool.',
		getWorkflowProperties: 'Gets the columns of an Enboarder workflow report. Needs the workflow report ID.',
		listForms: 'Lists the form reports in Enboarder. Needs nothing.',
		listWorkflows: 'Lists the workflow reports in Enboarder. Needs nothing.',
	},
	workflow: {
		cancel: 'Cancels an onboarding workflow in Enboarder. Needs the workflow\'s External ID.',
		launch:
			'Launches an onboarding workflow in Enboarder for a new hire. Needs the new hire\'s full name, an e-mail address or a mobile number with the country code, and the start date as YYYY-MM-DD. With an External ID, the same person is never onboarded twice.',
		launchAdvanced: 'Launches an onboarding workflow in Enboarder with the new hire\'s managers. Needs the new hire\'s full name, a contact (e-mail or mobile), the start date as YYYY-MM-DD and each manager (name and contact, or their External ID).',
		update: 'Updates an onboarding workflow in Enboarder. Needs the workflow\'s External ID and only the fields to change.',
	},
};
