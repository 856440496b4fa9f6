// Removes a previous build folder (default dist-dev/) so the outputs of deleted sources never
// linger: a deleted test would otherwise still run from its old .js. dist/ needs no such step:
// `n8n-node build` empties it itself.
import { rmSync } from 'node:fs';

for (const folder of process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['dist-dev']) {
	if (!/^dist(-dev)?$/.test(folder)) throw new Error(`clean: refusing to remove ${folder}`);
	rmSync(new URL(`../${folder}`, import.meta.url), { recursive: true, force: true });
}
