// Links dist-dev/{credentials,nodes,shared} to the package build in dist/.
//
// The tests import shipped code by relative path (../../shared/token, ../../nodes/…), compiled as
// is into dist-dev/test/…. Through these links those imports reach dist/, and Node resolves a
// linked module to its real path, so a test and the n8n engine it drives (which loads the nodes
// from dist/ through package.json's `n8n` section) share one copy of every module, and with it one
// token store, one login guard, one set of counters. A second compiled copy would hold state of
// its own and let a test watch a store that the nodes never use.
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const devBuild = join(root, 'dist-dev');
mkdirSync(devBuild, { recursive: true });
for (const folder of ['credentials', 'nodes', 'shared']) {
	if (!existsSync(join(root, 'dist', folder))) throw new Error(`dist/${folder} is missing: build the package first (npm run build)`);
	const link = join(devBuild, folder);
	if (existsSync(link) || isLink(link)) {
		if (!isLink(link)) throw new Error(`${link} is a real folder: the dev build must not compile shipped code (tsconfig.dev.json)`);
		rmSync(link);
	}
	symlinkSync(join('..', 'dist', folder), link, 'dir');
}

function isLink(path) {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return false;
	}
}
