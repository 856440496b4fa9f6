/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import { Credentials } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentialsExpressionResolveValues,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { configureEncryption } from './encryption';
import { registerBasicPair, registerSecret } from './secretAudit';
import { packageTypes, type CredentialTypes } from './packageTypes';

/** A stored credential, encrypted with n8n-core's Credentials exactly as n8n keeps it in its database. */
interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: string;
}

export interface CredentialInput {
	id: string;
	name?: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/**
 * Behaves like n8n's CLI CredentialsHelper (packages/cli/src/credentials-helper.ts): credentials
 * are stored encrypted; `preAuthentication` runs only when the type's hidden `expirable` field is
 * empty or after a 401, and what it returns is persisted for later executions; generic
 * `authenticate` definitions are resolved with n8n's expression engine; parent types come from
 * `extends` (for oAuth2Api-based credentials).
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, StoredCredential>();

	/** How often each credential type's preAuthentication actually ran. */
	readonly preAuthenticationRuns = new Map<string, number>();

	/**
	 * With `storeFile`, credentials live in that JSON file instead of this process's memory, read
	 * afresh at every look-up and written at every update, as n8n's database is: several OS
	 * processes (workers, a restarted n8n) then share one credential store. They must share the
	 * N8N_USER_FOLDER too, whose instance key encrypts the data.
	 */
	constructor(
		private readonly credentialTypes: CredentialTypes = packageTypes().credentialTypes,
		private readonly storeFile?: string,
	) {
		super();
		configureEncryption();
	}

	private load(): void {
		if (!this.storeFile || !existsSync(this.storeFile)) return;
		this.store.clear();
		for (const stored of JSON.parse(readFileSync(this.storeFile, 'utf8')) as StoredCredential[]) this.store.set(stored.id, stored);
	}

	private save(): void {
		if (!this.storeFile) return;
		// Written whole and renamed into place, so a reader in another process never sees half a file.
		const partial = `${this.storeFile}.${process.pid}.tmp`;
		writeFileSync(partial, JSON.stringify([...this.store.values()]));
		renameSync(partial, this.storeFile);
	}

	async add(input: CredentialInput): Promise<void> {
		this.registerSecrets(input.type, input.data);
		const credentials = new Credentials({ id: input.id, name: input.name ?? input.id }, input.type);
		await credentials.setData(input.data);
		this.load();
		this.store.set(input.id, { id: input.id, name: input.name ?? input.id, type: input.type, data: credentials.getDataToSave().data as string });
		this.save();
	}

	/** Every password-type field, and the Basic headers the token grants build from them. */
	private registerSecrets(type: string, data: ICredentialDataDecryptedObject): void {
		for (const property of this.credentialTypes.getProperties(type)) {
			if (property.typeOptions?.password) registerSecret(`${type}.${property.name}`, data[property.name]);
		}
		registerBasicPair(type, data.oauthClientId ?? data.clientId, data.oauthClientSecret ?? data.clientSecret);
	}

	/** The credential's data as persisted now (decrypted), e.g. to see a stored token. */
	async persisted(id: string): Promise<ICredentialDataDecryptedObject> {
		const stored = this.find(id);
		return await new Credentials({ id: stored.id, name: stored.name }, stored.type, stored.data).getData();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const type = this.credentialTypes.getByName(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some((name) => nodeType.endsWith(`.${name}`));
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions & Record<string, unknown>;
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type === 'generic') {
			if (!workflow || !node) throw new Error('Workflow and node are required for generic credential authentication');
			requestOptions.headers ??= {};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				const target = (requestOptions[outerKey] ??= {}) as Record<string, unknown>;
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					target[this.resolve(key, credentials, workflow, node)] = this.resolve(value, credentials, workflow, node);
				}
			}
		}
		return requestOptions;
	}

	private resolve(value: string, credentials: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialTypes.getByName(typeName);
		const expirable = this.credentialTypes
			.getProperties(typeName)
			.find((property) => property.type === 'hidden' && property.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		this.preAuthenticationRuns.set(typeName, (this.preAuthenticationRuns.get(typeName) ?? 0) + 1);
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;

		const details = node.credentials?.[typeName];
		if (details) {
			const stored = await this.getCredentials(details, typeName);
			const data = await stored.getData();
			for (const [key, value] of Object.entries(output)) {
				if (key === expirable.name || !isExpression(data[key])) data[key] = value as ICredentialDataDecryptedObject[string];
			}
			await this.updateCredentials(details, typeName, data);
		}
		return Object.assign(credentials, output as ICredentialDataDecryptedObject);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialTypes.getByName(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const stored = this.find(nodeCredentials.id, type);
		return new Credentials({ id: stored.id, name: stored.name }, stored.type, stored.data);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const original = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) return original;

		let data = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) data.oauthTokenData = original.oauthTokenData;

		if (expressionResolveValues) {
			data = expressionResolveValues.workflow.expression.getParameterValue(
				data as INodeParameters,
				expressionResolveValues.runExecutionData,
				expressionResolveValues.runIndex,
				expressionResolveValues.itemIndex,
				expressionResolveValues.node.name,
				expressionResolveValues.connectionInputData,
				mode,
				{},
				executeData,
				false,
				data,
			) as ICredentialDataDecryptedObject;
		} else {
			const mockNode: INode = { id: 'credential', name: '', typeVersion: 1, type: 'n8n-nodes-base.noOp', position: [0, 0], parameters: {} };
			const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: packageTypes().nodeTypes });
			data = workflow.expression.getComplexParameterValue(mockNode, data as INodeParameters, mode, {}, undefined, undefined, data) as ICredentialDataDecryptedObject;
		}
		return data;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.registerSecrets(type, data);
		const stored = this.find(nodeCredentials.id, type);
		const credentials = new Credentials({ id: stored.id, name: stored.name }, stored.type);
		await credentials.setData(data);
		stored.data = credentials.getDataToSave().data as string;
		this.save();
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.updateData({ oauthTokenData: data.oauthTokenData });
		this.find(nodeCredentials.id, type).data = credentials.getDataToSave().data as string;
		this.save();
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const properties = this.credentialTypes.getProperties(type);
		if (type === 'oAuth2Api' || this.getParentTypes(type).includes('oAuth2Api')) {
			if (!properties.some((property) => property.name === 'oauthTokenData')) {
				properties.push({ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} });
			}
		}
		return properties;
	}

	private find(id: string | null, type?: string): StoredCredential {
		this.load();
		const stored = id ? this.store.get(id) : undefined;
		if (!stored || (type && stored.type !== type)) {
			throw new Error(`Credential with ID "${id}" does not exist for type "${type}".`);
		}
		return stored;
	}
}
