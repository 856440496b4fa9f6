import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { assertSecureUrl } from '../../../shared/secureUrl';
import { authenticatedRequest } from '../../../shared/transport/authenticatedRequest';
import { errorBody } from '../../../shared/transport/errorBody';
import { enboarderApiBaseUrl } from '../../../shared/auth/enboarderRegions';

type EnboarderContext = IExecuteFunctions | ILoadOptionsFunctions;

/** The credential the node's Authentication parameter chose. */
export function enboarderCredentialType(context: EnboarderContext): 'enboarderApi' | 'enboarderOAuth2Api' {
	return context.getNodeParameter('authentication', 0, 'apiKey') === 'oAuth2' ? 'enboarderOAuth2Api' : 'enboarderApi';
}

/** The one place the Enboarder node talks HTTP. */
export async function enboarderApiRequest(
	this: EnboarderContext,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<IDataObject> {
	const credentialType = enboarderCredentialType(this);
	const credentials = await this.getCredentials(credentialType);
	const baseURL = assertSecureUrl(
		this.getNode(),
		enboarderApiBaseUrl(String(credentials.region), credentials.baseUrl),
		'Base URL',
	);
	const request: IHttpRequestOptions = {
		method,
		baseURL,
		url: path,
		headers: { Accept: 'application/json' },
		json: true,
	};
	if (options.body) request.body = options.body;
	if (options.qs) request.qs = options.qs;
	try {
		return (await authenticatedRequest(this, credentialType, request)) as IDataObject;
	} catch (error) {
		throw enboarderError(this, error);
	}
}

/** Enboarder answers errors as `{message, errorcode?, errors?}`; surface those words to the user. */
function enboarderError(context: EnboarderContext, error: unknown): NodeApiError {
	const apiError = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
	const body = errorBody(apiError);
	if (body && typeof body.message === 'string' && apiError.httpCode !== '401') {
		const code = typeof body.errorcode === 'string' ? ` (${body.errorcode})` : '';
		apiError.message = `Enboarder rejected the request${code}: ${body.message}`;
		if (Array.isArray(body.errors) && body.errors.length > 0) {
			apiError.description = `Details: ${body.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ')}`;
		}
	}
	return apiError;
}
