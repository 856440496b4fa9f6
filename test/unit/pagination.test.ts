/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { collectCursorPages, collectOffsetPages } from '../../shared/pagination';

function source(total: number) {
	const asked: Array<[number, number]> = [];
	const fetchPage = async (offset: number, limit: number) => {
		asked.push([offset, limit]);
		const content = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
		return { content, totalElements: total };
	};
	return { fetchPage, asked };
}

describe('collectOffsetPages', () => {
	test('Return All reads every page once, in order', async () => {
		const { fetchPage, asked } = source(1200);
		const records = await collectOffsetPages(fetchPage, { max: Infinity, pageSize: 500 });
		assert.deepEqual(records, Array.from({ length: 1200 }, (_, i) => i));
		assert.deepEqual(asked, [
			[0, 500],
			[500, 500],
			[1000, 500],
		]);
	});

	test('Limit asks only for what is still wanted', async () => {
		const { fetchPage, asked } = source(5000);
		const records = await collectOffsetPages(fetchPage, { max: 1234, pageSize: 500 });
		assert.equal(records.length, 1234);
		assert.deepEqual(asked, [
			[0, 500],
			[500, 500],
			[1000, 234],
		]);
	});

	test('an exact multiple of the page size stops on totalElements without an empty page', async () => {
		const { fetchPage, asked } = source(1000);
		assert.equal((await collectOffsetPages(fetchPage, { max: Infinity, pageSize: 500 })).length, 1000);
		assert.equal(asked.length, 2);
	});

	test('no results: one request, nothing returned', async () => {
		const { fetchPage, asked } = source(0);
		assert.deepEqual(await collectOffsetPages(fetchPage, { max: Infinity, pageSize: 100 }), []);
		assert.equal(asked.length, 1);
	});

	test('a server that omits totalElements still ends on a short page', async () => {
		const calls: number[] = [];
		const records = await collectOffsetPages(
			async (offset, limit) => {
				calls.push(offset);
				return { content: Array.from({ length: Math.max(0, Math.min(limit, 250 - offset)) }, (_, i) => offset + i) };
			},
			{ max: Infinity, pageSize: 100 },
		);
		assert.equal(records.length, 250);
		assert.deepEqual(calls, [0, 100, 200]);
	});
});

describe('collectCursorPages', () => {
	function cursorSource(total: number, pageSize = 500) {
		const asked: Array<string | undefined> = [];
		const fetchPage = async (nextKey: string | undefined) => {
			asked.push(nextKey);
			const start = nextKey === undefined ? 0 : Number(nextKey);
			const end = Math.min(total, start + pageSize);
			const items = Array.from({ length: end - start }, (_, i) => start + i);
			return end < total ? { items, nextKey: String(end) } : { items };
		};
		return { fetchPage, asked };
	}

	test('Return All follows nextKey to the last page, each record once', async () => {
		const { fetchPage, asked } = cursorSource(1200);
		assert.deepEqual(await collectCursorPages(fetchPage, { max: Infinity }), Array.from({ length: 1200 }, (_, i) => i));
		assert.deepEqual(asked, [undefined, '500', '1000']);
	});

	test('Limit stops reading once enough records came', async () => {
		const { fetchPage, asked } = cursorSource(5000);
		assert.deepEqual(await collectCursorPages(fetchPage, { max: 501 }), Array.from({ length: 501 }, (_, i) => i));
		assert.deepEqual(asked, [undefined, '500']);
	});

	test('an empty report: one request, nothing returned', async () => {
		const { fetchPage, asked } = cursorSource(0);
		assert.deepEqual(await collectCursorPages(fetchPage, { max: Infinity }), []);
		assert.deepEqual(asked, [undefined]);
	});

	test('an empty nextKey ends the reading', async () => {
		let calls = 0;
		const records = await collectCursorPages(async () => {
			calls++;
			return { items: [1], nextKey: '' };
		}, { max: Infinity });
		assert.deepEqual(records, [1]);
		assert.equal(calls, 1);
	});
});
