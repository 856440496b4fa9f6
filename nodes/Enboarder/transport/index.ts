/** How the Enboarder node talks to Enboarder: the shared request pipeline, given Enboarder's region URL and error words. */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions, IN8nHttpFullResponse, IPollFunctions } from 'n8n-workflow';

import { enboarderApiBaseUrl } from '../../../shared/auth/enboarderRegions';
import { apiFullResponse, apiRequest, type ApiRequest, type ErrorWords, type VendorApi } from '../../../shared/transport/apiRequest';

type EnboarderContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** The credential the node's Authentication parameter chose. */
export function enboarderCredentialType(context: EnboarderContext): 'enboarderApi' | 'enboarderOAuth2Api' {
	return context.getNodeParameter('authentication', 0, 'apiKey') === 'oAuth2' ? 'enboarderOAuth2Api' : 'enboarderApi';
}

/**
 * A REST API path for the chosen authentication: `/restapi/v1/…` with an API key, `/restapi/v2/…`
 * with OAuth2 (API-CONTRACTS.md section 1; the shapes are the same). Reports live under `/reports`
 * for both.
 */
export function restPath(context: EnboarderContext, path: string): string {
	return `/restapi/${enboarderCredentialType(context) === 'enboarderOAuth2Api' ? 'v2' : 'v1'}${path}`;
}

export type EnboarderRequestOptions = Omit<ApiRequest, 'method' | 'path'>;

/** Enboarder's part of the pipeline: answers are plain JSON, errors say `message`. */
const ENBOARDER: VendorApi = {
	vendor: 'Enboarder',
	credentialType: enboarderCredentialType,
	baseUrl: (credentials) => enboarderApiBaseUrl(String(credentials.region), credentials.baseUrl),
	describeError: (body) => (typeof body.message === 'string' ? describeEnboarderError(body) : undefined),
	unwrap: (body) => ({ payload: body }),
};

/** Sends one Enboarder request and returns its body (or what a lost-answer look-up found). */
export async function enboarderApiRequest(
	this: EnboarderContext,
	method: IHttpRequestMethods,
	path: string,
	options: EnboarderRequestOptions = {},
): Promise<IDataObject> {
	return (await apiRequest(this, ENBOARDER, { ...options, method, path })) as IDataObject;
}

/** As `enboarderApiRequest`, with the HTTP status (Profile → List Workflows tells 200 from 206). */
export async function enboarderFullRequest(
	this: EnboarderContext,
	method: IHttpRequestMethods,
	path: string,
	options: Omit<EnboarderRequestOptions, 'findExisting'> = {},
): Promise<IN8nHttpFullResponse> {
	return await apiFullResponse(this, ENBOARDER, { ...options, method, path });
}

/**
 * What an n8n user reads for an Enboarder error body: Enboarder answers errors as `{message}`
 * (workflows, reports) or `{errorcode, message, errors, warnings}` (profiles).
 */
function describeEnboarderError(body: IDataObject): ErrorWords {
	const code = typeof body.errorcode === 'string' && body.errorcode ? ` (${body.errorcode})` : '';
	const list = (value: unknown): string[] => (Array.isArray(value) ? value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))) : []);
	const errors = list(body.errors);
	const warnings = list(body.warnings);
	const description = [errors.length ? `Details: ${errors.join('; ')}` : '', warnings.length ? `Warnings: ${warnings.join('; ')}` : ''].filter(Boolean).join('\n');
	return {
		message: `Enboarder rejected the request${code}: ${String(body.message)}`,
		description: description || null,
		context: { errorcode: body.errorcode ?? null, errorMessage: body.message, errors, warnings },
	};
}
