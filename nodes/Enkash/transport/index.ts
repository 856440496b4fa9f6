/** How the Enkash node talks to Enkash: the shared request pipeline, given Enkash's base URL, envelope and error words. */
import type { IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { enkashBaseUrl } from '../../../shared/auth/enkash';
import { apiRequest, type ApiRequest, type VendorApi } from '../../../shared/transport/apiRequest';
import { runCredentials } from '../../../shared/transport/runCredentials';
import { describeErrorResponse, ENKASH_TOKEN_REFUSAL, type EnkashEnvelope } from './errorResponse';

export type EnkashContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Enkash's part of the pipeline: every answer comes in an envelope, an error even with HTTP 200. */
const ENKASH: VendorApi = {
	vendor: 'Enkash',
	credentialType: () => 'enkashApi',
	baseUrl: enkashBaseUrl,
	// An UNAUTHORIZED envelope (even on HTTP 200) renews the token and resends, as a 401 does.
	tokenRefusal: ENKASH_TOKEN_REFUSAL,
	describeError: (body) => {
		const details = (body as EnkashEnvelope).errorResponse;
		return details ? describeErrorResponse(details) : undefined;
	},
	unwrap: (body) => {
		const envelope = body as EnkashEnvelope;
		return envelope.errorResponse ? { refused: true } : { payload: envelope.payload };
	},
};

/** The company's Enkash client ID, which the API also takes as sellerId / companyId / parentCompanyId. */
export async function companyId(this: EnkashContext): Promise<string> {
	return String((await runCredentials(this, 'enkashApi')).companyClientId ?? '');
}

/** Sends one Enkash request and returns the envelope's payload (or what a lost-answer look-up found). */
export async function enkashApiRequest(
	this: EnkashContext,
	method: IHttpRequestMethods,
	path: string,
	options: Omit<ApiRequest, 'method' | 'path'> = {},
): Promise<unknown> {
	return await apiRequest(this, ENKASH, { ...options, method, path });
}
