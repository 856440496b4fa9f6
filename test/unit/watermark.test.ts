/* eslint-disable -- development only, never shipped: n8n's community rules are for shipped code; eslint.dev.config.mjs lints this file */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { advance, enteredSet, newSinceWatermark, rowsAfter } from '../../shared/polling/watermark';

interface Rec {
	id: string;
	at: string;
}
const at = (r: Rec) => r.at;
const id = (r: Rec) => r.id;

describe('newSinceWatermark', () => {
	test('first poll (no watermark): everything is new, the watermark is the latest time and its IDs', () => {
		const records = [
			{ id: 'a', at: '2026-11-24 10:00:00' },
			{ id: 'b', at: '2026-11-24 10:00:05' },
			{ id: 'c', at: '2026-11-24 10:00:05' },
		];
		const { fresh, next } = newSinceWatermark(records, undefined, at, id);
		assert.deepEqual(fresh.map(id), ['a', 'b', 'c']);
		assert.deepEqual(next, { at: '2026-11-24 10:00:05', ids: ['b', 'c'] });
	});

	test('records in the watermark second: the ones already seen are not emitted again, a newcomer is', () => {
		const watermark = { at: '2026-11-24 10:00:05', ids: ['b', 'c'] };
		const records = [
			{ id: 'b', at: '2026-11-24 10:00:05' },
			{ id: 'c', at: '2026-11-24 10:00:05' },
			{ id: 'd', at: '2026-11-24 10:00:05' },
			{ id: 'e', at: '2026-11-24 10:01:00' },
		];
		const { fresh, next } = newSinceWatermark(records, watermark, at, id);
		assert.deepEqual(fresh.map(id), ['d', 'e']);
		assert.deepEqual(next, { at: '2026-11-24 10:01:00', ids: ['e'] });
	});

	test('nothing new: nothing emitted, the watermark stays', () => {
		const watermark = { at: '2026-11-24 10:00:05', ids: ['b'] };
		const { fresh, next } = newSinceWatermark([{ id: 'b', at: '2026-11-24 10:00:05' }], watermark, at, id);
		assert.deepEqual(fresh, []);
		assert.deepEqual(next, watermark);
	});

	test('an older record (before the watermark) is not new', () => {
		const { fresh } = newSinceWatermark([{ id: 'z', at: '2026-11-24 09:00:00' }], { at: '2026-11-24 10:00:00', ids: [] }, at, id);
		assert.deepEqual(fresh, []);
	});

	test('advance ignores records without a time', () => {
		assert.equal(advance(undefined, [{ id: 'x', at: '' }], at, id), undefined);
	});
});

describe('enteredSet', () => {
	test('only records that were not in the set before; one that left and came back is new again', () => {
		const first = enteredSet([{ id: 'a', at: '' }, { id: 'b', at: '' }], undefined, id);
		assert.deepEqual(first.entered.map(id), ['a', 'b']);
		const second = enteredSet([{ id: 'b', at: '' }, { id: 'c', at: '' }], first.next, id);
		assert.deepEqual(second.entered.map(id), ['c']);
		assert.deepEqual(second.next, ['b', 'c']);
		const third = enteredSet([{ id: 'a', at: '' }, { id: 'b', at: '' }], second.next, id);
		assert.deepEqual(third.entered.map(id), ['a']);
	});
});

describe('rowsAfter', () => {
	const rows = (...ids: string[]) => ids.map((id) => ({ id, at: '' }));
	test('rows after the last one seen; then nothing; an empty list first', () => {
		const first = rowsAfter(rows('r1', 'r2'), undefined, id);
		assert.deepEqual(first.next, { lastId: 'r2', count: 2 });
		const second = rowsAfter(rows('r1', 'r2', 'r3', 'r4'), first.next, id);
		assert.deepEqual(second.fresh.map(id), ['r3', 'r4']);
		assert.deepEqual(rowsAfter(rows('r1', 'r2', 'r3', 'r4'), second.next, id).fresh, []);
		const empty = rowsAfter([], undefined, id);
		assert.deepEqual(rowsAfter(rows('r1'), empty.next, id).fresh.map(id), ['r1']);
	});

	test('the last row seen was removed: rows beyond the previous count', () => {
		assert.deepEqual(rowsAfter(rows('r1', 'r3', 'r4'), { lastId: 'r2', count: 2 }, id).fresh.map(id), ['r4']);
	});
});
