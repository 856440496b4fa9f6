/** A small seeded PRNG (mulberry32), so seed data and fault decisions repeat for the same seed. */

export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** `length` characters drawn from `alphabet`. */
	chars(alphabet: string, length: number): string;
}

export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chars: (alphabet, length) => {
			let out = '';
			for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
			return out;
		},
	};
}

/** A 32-bit FNV-1a hash, to derive independent seeds from names (e.g. one per report). */
export function hashSeed(...parts: Array<string | number>): number {
	let hash = 0x811c9dc5;
	for (const part of parts) {
		const text = `${part}|`;
		for (let i = 0; i < text.length; i++) {
			hash ^= text.charCodeAt(i);
			hash = Math.imul(hash, 0x01000193);
		}
	}
	return hash >>> 0;
}
