/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { parseCsv } from '../../sandbox';
import { toCsv } from '../../shared/csv';
import { multipartFile } from '../../shared/multipart';

describe('toCsv', () => {
	test('quotes what needs quoting and reads back the same through the sandbox parser', () => {
		const records = [
			{ customerId: 'KC1', description: 'Plain', amount: 10 },
			{ customerId: 'KC2', description: 'Comma, "quotes"\nand a line break', amount: 2.5 },
			{ customerId: 'KC3' },
		];
		const text = toCsv(['customerId', 'description', 'amount'], records);
		assert.equal(text.split('\r\n')[0], 'customerId,description,amount');
		const parsed = parseCsv(text) as unknown as string[][];
		assert.deepEqual(parsed[2], ['KC2', 'Comma, "quotes"\nand a line break', '2.5']);
		assert.deepEqual(parsed[3], ['KC3', '', '']);
	});
});

describe('multipartFile', () => {
	test('one file part with a unique boundary', () => {
		const { body, contentType } = multipartFile('file', 'invoices.csv', 'text/csv', Buffer.from('a,b\r\n1,2\r\n'));
		const boundary = contentType.split('boundary=')[1];
		assert.ok(boundary.length > 20);
		const text = body.toString('utf8');
		assert.ok(text.startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="invoices.csv"\r\nContent-Type: text/csv\r\n\r\na,b`));
		assert.ok(text.endsWith(`\r\n--${boundary}--\r\n`));
		assert.notEqual(multipartFile('file', 'x', 'text/csv', Buffer.alloc(0)).contentType, contentType);
	});
});
