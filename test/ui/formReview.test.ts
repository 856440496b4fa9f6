/**
 * The form review of issue 9 over every node and credential form of the built package (no browser,
 * a second or two): what n8n's editor will show, read from the descriptions in `dist/`.
 *
 * - every field has a description;
 * - required fields are marked (`required: true` where the description says a field is required);
 * - date fields say YYYY-MM-DD in their placeholder;
 * - operations read as actions ("Create an invoice");
 * - options sorted (select lists, "Add Field" lists, fixed-collection fields);
 * - no field shown that the chosen operation does not use;
 * - every implemented operation is offered in its resource's Operation list, and nothing else.
 *
 * The browser test (`editor.test.ts`) checks the visible side of the same list in the real editor.
 */
/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	datePlaceholders,
	forms,
	loadPackage,
	missingDescriptions,
	operationActions,
	operationLists,
	unmarkedRequired,
	unsortedOptions,
	unusedFields,
	type LoadedNode,
} from './support/descriptions';

function report(findings: string[], rule: string): void {
	assert.equal(findings.length, 0, `${rule}: ${findings.length} finding(s)\n  - ${findings.join('\n  - ')}`);
}

describe('form review of the built nodes and credentials (dist/)', () => {
	const { nodes, credentials } = loadPackage();

	test('the package declares the four nodes and six credentials', () => {
		assert.deepEqual(nodes.map((node) => node.description.name).sort(), ['enboarder', 'enboarderTrigger', 'enkash', 'enkashTrigger']);
		assert.equal(credentials.length, 6);
	});

	test('every implemented operation is in its Operation list, and the lists offer nothing else', () => {
		report(nodes.flatMap(operationLists), 'operation lists');
	});

	test('every field has a description', () => {
		report(forms().flatMap(missingDescriptions), 'fields without a description');
	});

	test('fields the description calls required are marked required', () => {
		report(forms().flatMap(unmarkedRequired), 'required fields not marked');
	});

	test('date fields say YYYY-MM-DD in their placeholder', () => {
		report(forms().flatMap(datePlaceholders), 'date placeholders');
	});

	test('operations read as actions', () => {
		report(nodes.flatMap(operationActions), 'operation actions');
	});

	test('options are sorted', () => {
		report(forms().flatMap(unsortedOptions), 'unsorted options');
	});

	test('no field is shown for an operation that does not use it', () => {
		report(nodes.flatMap(unusedFields), 'fields shown but unused');
	});
});

/** The review must be able to fail: each rule, fed a deliberately broken copy of a real form, reports it. */
describe('form review: each rule catches a broken form', () => {
	const { nodes } = loadPackage();
	const enkash = nodes.find((node) => node.description.name === 'enkash')!;
	const clone = <T>(value: T): T => structuredClone(value);

	test('an operation dropped from the Invoice operation list is reported', () => {
		const broken: LoadedNode = { ...enkash, description: clone(enkash.description) };
		const operation = broken.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('invoice'))!;
		operation.options = (operation.options as INodePropertyOptions[]).filter((option) => option.value !== 'dispatch');
		assert.deepEqual(operationLists(enkash), []);
		assert.deepEqual(operationLists(broken), ['Enkash (node n8n-nodes-token-connectors.enkash) › invoice: operation "dispatch" is implemented but missing from the Operation list']);
	});

	test('a field without a description, an unsorted list and an unmarked required field are reported', () => {
		const properties = clone(enkash.description.properties);
		const dueDate = properties.find((p) => p.name === 'dueDate')!;
		delete dueDate.description;
		const form = { owner: 'Broken (node)', properties };
		assert.ok(missingDescriptions(form).some((finding) => finding.startsWith('Broken (node) › Due Date (dueDate): no description')));

		const resource = properties.find((p) => p.name === 'resource')!;
		resource.options = [...(resource.options as INodePropertyOptions[])].reverse();
		assert.ok(unsortedOptions(form).some((finding) => finding.startsWith('Broken (node) › Resource (resource): options are not in alphabetical order')));

		const required: INodeProperties = { displayName: 'Reference', name: 'reference', type: 'string', default: '', description: 'Your reference (required)' };
		assert.deepEqual(unmarkedRequired({ owner: 'Broken (node)', properties: [required] }).length, 1);
		assert.deepEqual(unmarkedRequired({ owner: 'Broken (node)', properties: [{ ...required, required: true }] }), []);
	});
});
