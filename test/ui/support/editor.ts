/**
 * What a user does in n8n's editor, as Playwright steps: clicks and typing only. Elements are found
 * by n8n's `data-test-id` attributes (the ones n8n's own Playwright tests use) and, where n8n has
 * none, by the text a user reads. Every step can leave a screenshot in the artifacts folder.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Locator, Page, Response } from 'playwright-core';

/** One labelled field as the editor shows it. */
export interface ShownField {
	/** The parameter name (from the label's `for`, or the field container's test id). */
	name: string;
	label: string;
	/** The red asterisk after the label. */
	required: boolean;
	/** The ⓘ icon whose tooltip is the field's description. */
	described: boolean;
}

/** The few DOM element members `shownFields` uses in the page. */
interface PageElement {
	querySelectorAll(selector: string): ArrayLike<PageElement>;
	querySelector(selector: string): PageElement | null;
	closest(selector: string): PageElement | null;
	getAttribute(name: string): string | null;
	readonly innerText: string;
	readonly offsetParent: unknown;
}

export type CredentialOutcome = { status: 'success' } | { status: 'failure'; details: string } | { status: 'none' };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression matching exactly this text. */
export const exactly = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

export class Editor {
	private shots = 0;

	constructor(
		readonly page: Page,
		readonly baseUrl: string,
		private readonly artifacts: string,
	) {
		mkdirSync(artifacts, { recursive: true });
	}

	/** A screenshot of the window (or of one element, or of another window) named `NN-<name>.png`. */
	async screenshot(name: string, target: Locator | Page = this.page): Promise<string> {
		const file = join(this.artifacts, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
		await target.screenshot({ path: file, animations: 'disabled' });
		return file;
	}

	// --- signing in -------------------------------------------------------------------------------

	async signIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(email);
		await this.page.getByTestId('password').locator('input').fill(password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL(/\/home\//, { timeout: 30_000 });
		await this.page.getByTestId('resources-list-item-workflow').first().waitFor({ timeout: 30_000 });
	}

	// --- credentials ------------------------------------------------------------------------------

	get credentialModal(): Locator {
		return this.page.getByTestId('editCredential-modal');
	}

	/** Overview → Credentials → Create credential → search the type → Continue. */
	async openNewCredential(typeDisplayName: string): Promise<Locator> {
		await this.page.goto(`${this.baseUrl}/home/credentials`);
		await this.page.getByTestId('add-resource-credential').click();
		await this.page.getByTestId('new-credential-type-select').locator('input').fill(typeDisplayName);
		await this.page.getByTestId('new-credential-type-select-option').filter({ hasText: exactly(typeDisplayName) }).click();
		await this.page.getByTestId('new-credential-type-button').click();
		await this.credentialModal.getByTestId('credential-connection-parameter').first().waitFor();
		return this.credentialModal;
	}

	async renameCredential(name: string): Promise<void> {
		const modal = this.credentialModal;
		await modal.getByTestId('credential-name').click();
		const input = modal.getByTestId('credential-name').getByTestId('inline-edit-input');
		await input.fill(name);
		await input.press('Enter');
	}

	/** Types into a text field of a form (credential modal or node parameters). */
	async typeInto(scope: Locator, name: string, value: string, options: { keyByKey?: boolean } = {}): Promise<void> {
		const input = scope.getByTestId(`parameter-input-${name}`).locator('input:visible, textarea:visible').first();
		await input.click();
		await input.fill('');
		if (options.keyByKey) await input.pressSequentially(value, { delay: 20 });
		else await input.fill(value);
		await input.blur();
	}

	/**
	 * Opens a select (options, Add Field, credential list) and returns its list (the element its
	 * input's `aria-controls` names, so a list still fading out elsewhere is never read) and the
	 * names it offers, in order.
	 */
	async openSelect(trigger: Locator): Promise<{ names: string[]; list: Locator }> {
		await trigger.click();
		const id = await trigger.locator('input[role="combobox"]').first().getAttribute('aria-controls');
		if (!id) throw new Error('the select has no list (no aria-controls on its input)');
		const list = this.page.locator(`[id="${id}"]`);
		const items = list.locator('.el-select-dropdown__item');
		await items.first().waitFor();
		const names = (await items.allInnerTexts()).map((text) => text.split('\n')[0].trim()).filter(Boolean);
		return { names, list };
	}

	/** Opens a parameter's select, returns what it offers, and picks `name` (or closes it unchanged). */
	async chooseOption(scope: Locator, parameter: string, name?: string): Promise<string[]> {
		const trigger = scope.getByTestId(`parameter-input-${parameter}`);
		const { names, list } = await this.openSelect(trigger);
		if (name === undefined) await trigger.click();
		else {
			const item = list.locator('.el-select-dropdown__item').filter({ has: this.page.getByText(name, { exact: true }) }).first();
			if ((await item.count()) === 0) throw new Error(`${parameter} offers no "${name}" (it offers ${names.join(', ')})`);
			await item.click();
		}
		await list.waitFor({ state: 'hidden' }).catch(() => {});
		return names;
	}

	/**
	 * Clicks Save and waits for n8n's connection test (n8n tests a credential right after saving it):
	 * success, a failure with its details, or `none` for a type without a test (`expectTest: false`).
	 */
	async saveCredential(options: { expectTest?: boolean } = {}): Promise<CredentialOutcome> {
		const modal = this.credentialModal;
		const isSave = (response: Response) => /\/rest\/credentials(\/[A-Za-z0-9]+)?$/.test(new URL(response.url()).pathname) && ['POST', 'PATCH'].includes(response.request().method());
		const isTest = (response: Response) => new URL(response.url()).pathname.endsWith('/rest/credentials/test') && response.request().method() === 'POST';
		const saved = this.page.waitForResponse(isSave, { timeout: 30_000 });
		const tested = options.expectTest === false ? Promise.resolve(undefined) : this.page.waitForResponse(isTest, { timeout: 45_000 });
		const button = modal.getByTestId('credential-save-button');
		await button.click();
		// Right after typing, the editor sometimes takes the first click as the end of the edit: click again.
		const quick = await Promise.race([saved.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_500))]);
		if (!quick) await button.click();
		await saved;
		await tested;
		if (options.expectTest === false) return { status: 'none' };
		const success = modal.getByTestId('credentials-config-container-test-success');
		const failure = modal.getByText(/Couldn.t connect with these settings/);
		await success.or(failure).first().waitFor({ timeout: 30_000 }).catch(() => {});
		if (await success.isVisible()) return { status: 'success' };
		if (await failure.isVisible()) {
			const more = modal.getByText('More details', { exact: true });
			if (await more.isVisible()) await more.click();
			const banner = failure.locator('xpath=ancestor::*[contains(@class, "el-tag")][1]');
			const text = (await banner.innerText()).replace(/Couldn.t connect with these settings/, '').replace(/\bRetry\b/, '').replace(/\bMore details\b/, '');
			return { status: 'failure', details: text.trim() };
		}
		return { status: 'none' };
	}

	/** Closes the credential dialog; n8n asks "Close without connecting?" for an unconnected OAuth2 one. */
	async closeCredential(): Promise<void> {
		await this.credentialModal.locator('.el-dialog__close').first().click();
		const confirm = this.page.locator('.el-message-box').filter({ hasText: /Close without/ });
		await Promise.race([confirm.waitFor().catch(() => {}), this.credentialModal.waitFor({ state: 'hidden' }).catch(() => {})]);
		if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Close', exact: true }).click();
		await this.credentialModal.waitFor({ state: 'hidden' });
	}

	// --- the form as shown ------------------------------------------------------------------------

	/** The labelled fields visible in a form, in order (the node's Credential selector left out). */
	async shownFields(scope: Locator): Promise<ShownField[]> {
		// Runs in the page; the project compiles without the DOM library, hence the small element type.
		return await scope.evaluate((root: PageElement) => {
			const fields: ShownField[] = [];
			for (const label of Array.from(root.querySelectorAll('label.n8n-input-label'))) {
				if (label.closest('[data-test-id="node-credentials-slot"]') || label.offsetParent === null) continue;
				const title = label.querySelector('span.n8n-text') ?? label;
				const text = String(title.innerText ?? '').trim();
				fields.push({
					name: label.getAttribute('for') || label.closest('[data-test-id]')?.getAttribute('data-test-id') || '',
					label: text.replace(/\s*\*$/, '').trim(),
					required: /\*$/.test(text),
					described: label.querySelector('[data-icon="circle-help"]') !== null,
				});
			}
			return fields;
		});
	}

	/** The placeholder of a text field. */
	async placeholderOf(scope: Locator, name: string): Promise<string> {
		return (await scope.getByTestId(`parameter-input-${name}`).locator('input, textarea').first().getAttribute('placeholder')) ?? '';
	}

	// --- workflows and nodes ----------------------------------------------------------------------

	get ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	/** Overview → Create workflow: an empty canvas. */
	async newWorkflow(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/home/workflows`);
		await this.page.getByTestId('add-resource-workflow').click();
		await this.page.getByTestId('canvas-add-button').waitFor({ timeout: 30_000 });
	}

	/** The first step: n8n's Manual Trigger ("When clicking 'Execute workflow'"). */
	async addManualTrigger(): Promise<void> {
		await this.page.getByTestId('canvas-add-button').click();
		await this.page.getByTestId('node-creator-search-bar').fill('Manual');
		await this.page.getByTestId('node-creator-item-name').filter({ hasText: exactly('Manual Trigger') }).click();
		await this.page.getByTestId('canvas-node').first().waitFor();
		// n8n opens no panel for the Manual Trigger; Escape closes the node creator if it stayed open.
		if (await this.page.getByTestId('node-creator').isVisible()) await this.page.keyboard.press('Escape');
	}

	/**
	 * The "+" after the last node → search → the node: the node panel then lists the node's actions.
	 * Returns the panel's action list: heading lines ("INVOICE ACTIONS") and actions, in order.
	 */
	async openNodeActions(search: string, nodeName: string): Promise<string[]> {
		await this.page.getByTestId('canvas-handle-plus').last().click();
		await this.page.getByTestId('node-creator-search-bar').fill(search);
		await this.page.getByTestId('node-creator-item-name').filter({ hasText: exactly(nodeName) }).first().click();
		const creator = this.page.getByTestId('node-creator');
		await creator.getByText(/^Actions \(\d+\)$/).waitFor();
		// The panel renders a long action list in batches, one per animation frame, and its header counts
		// what is rendered so far: read it until three readings in a row, 250 ms apart, agree.
		const read = async (): Promise<string[]> => {
			const lines = (await creator.innerText()).split('\n').map((line) => line.trim());
			const start = lines.findIndex((line) => /^Actions \(\d+\)$/.test(line));
			const end = lines.findIndex((line, index) => index > start && /^Triggers \(\d+\)$/.test(line));
			return lines.slice(start + 1, end === -1 ? undefined : end).filter(Boolean);
		};
		let lines = await read();
		for (let same = 0, round = 0; same < 3 && round < 40; round++) {
			await this.page.waitForTimeout(250);
			const next = await read();
			same = next.join('\n') === lines.join('\n') ? same + 1 : 0;
			lines = next;
		}
		return lines;
	}

	/** Picks an action in the node panel: the node is added and its parameters open. */
	async chooseAction(action: string): Promise<void> {
		await this.page.getByTestId('node-creator').getByText(action, { exact: true }).click();
		await this.ndv.waitFor();
		await this.ndv.getByTestId('parameter-input-operation').waitFor();
	}

	/** Picks a credential by its id in the node's Credential selector. */
	async chooseCredential(id: string): Promise<string[]> {
		const { names, list } = await this.openSelect(this.ndv.getByTestId('node-credentials-select'));
		await this.page.getByTestId(`node-credentials-select-item-${id}`).click();
		await list.waitFor({ state: 'hidden' }).catch(() => {});
		return names;
	}

	async closeNdv(): Promise<void> {
		await this.ndv.getByTestId('ndv-close-button').click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	async openNode(name: string): Promise<void> {
		await this.page.locator(`[data-test-id="canvas-node"][data-node-name=${JSON.stringify(name)}]`).dblclick();
		await this.ndv.waitFor();
	}

	/** The issues n8n shows on a canvas node (hovering its warning icon, which stays hovered), one line each. */
	async nodeIssues(name: string): Promise<string[]> {
		const node = this.page.locator(`[data-test-id="canvas-node"][data-node-name=${JSON.stringify(name)}]`);
		const icon = node.getByTestId('node-issues');
		if (!(await icon.isVisible())) return [];
		await icon.hover();
		const tooltip = this.page.locator('[data-reka-popper-content-wrapper], .el-popper, [role="tooltip"]').filter({ hasText: /Issues/ }).last();
		await tooltip.waitFor();
		const lines = (await tooltip.innerText()).split('\n').map((line) => line.trim());
		return lines.map((line) => line.replace(/^[-•]\s*/, '')).filter((line) => line && line !== 'Issues');
	}

	/** Execute step (in the node's panel) and wait for the run to finish. */
	async executeStep(): Promise<'success' | 'error'> {
		await this.ndv.getByTestId('node-execute-button').click();
		const output = this.ndv.getByTestId('output-panel');
		const success = output.getByTestId('node-run-status-success');
		const failure = output.getByTestId('node-run-status-error').or(output.getByTestId('node-error-message'));
		await success.or(failure).first().waitFor({ timeout: 60_000 });
		return (await success.isVisible()) ? 'success' : 'error';
	}

	/** The items of the output panel, read from its JSON view (for a few items: long lists are virtualised). */
	async outputJson(): Promise<Array<Record<string, unknown>>> {
		const output = this.ndv.getByTestId('output-panel');
		await output.getByTestId('radio-button-json').click();
		const container = output.getByTestId('ndv-data-container');
		await container.getByText('[').first().waitFor();
		// The JSON view indents with non-breaking spaces, which JSON.parse does not take as blanks.
		const text = (await container.innerText()).replace(/\u00a0/g, ' ');
		return JSON.parse(text) as Array<Record<string, unknown>>;
	}

	/** How many items the output panel says the step returned ("12 items"). */
	async outputCount(): Promise<number> {
		const text = await this.ndv.getByTestId('output-panel').getByTestId('ndv-items-count').innerText();
		const match = /(\d+)\s+items?/.exec(text);
		if (!match) throw new Error(`the output panel shows no item count ("${text}")`);
		return Number(match[1]);
	}

	/** The error the output panel shows for a failed step. */
	async outputError(): Promise<string> {
		return (await this.ndv.getByTestId('output-panel').innerText()).trim();
	}

	// --- opening and running a workflow -----------------------------------------------------------

	/** Overview → Workflows → the workflow's card. */
	async openWorkflow(name: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/home/workflows`);
		await this.page.getByTestId('resources-list-item-workflow').filter({ hasText: exactly(name) }).or(
			this.page.getByTestId('resources-list-item-workflow').filter({ has: this.page.getByTestId('workflow-card-name').filter({ hasText: exactly(name) }) }),
		).first().getByTestId('workflow-card-name').click();
		await this.page.waitForURL(/\/workflow\//);
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 30_000 });
	}

	/** Execute workflow, then wait until no node is running any more. Returns the status of each node. */
	async executeWorkflow(): Promise<Record<string, 'success' | 'error' | 'not run'>> {
		await this.page.getByTestId('execute-workflow-button').click();
		const nodes = this.page.getByTestId('canvas-node');
		const deadline = Date.now() + 90_000;
		// Running shows a spinner on the node and a Stop button instead of Execute workflow.
		await this.page.getByTestId('stop-execution-button').waitFor({ timeout: 5_000 }).catch(() => {});
		while (Date.now() < deadline && (await this.page.getByTestId('stop-execution-button').isVisible().catch(() => false))) {
			await this.page.waitForTimeout(250);
		}
		const statuses: Record<string, 'success' | 'error' | 'not run'> = {};
		for (const node of await nodes.all()) {
			const name = (await node.getAttribute('data-node-name')) ?? '?';
			if (await node.getByTestId('canvas-node-status-success').count()) statuses[name] = 'success';
			else if (await node.getByTestId('node-issues').or(node.getByTestId('canvas-node-status-error')).count()) statuses[name] = 'error';
			else statuses[name] = 'not run';
		}
		return statuses;
	}
}
