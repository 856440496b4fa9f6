// The project's asset step, after `n8n-node build`.
//
// `n8n-node build` (n8n's own CLI, what reviewers run) already puts every asset into dist/: tsc
// emits the codex `.node.json` files (tsconfig.json includes nodes/**/*.json) and the CLI copies
// every .svg and .png. So nothing is copied here any more; what stays is the check that the build
// is complete: every node has its codex file, and every icon, light and dark, reached dist/.
const path = require('node:path');
const fs = require('node:fs');
const { series } = require('gulp');

function checkAssets(done) {
	const missing = [];
	for (const file of fs.globSync('nodes/**/*.node.ts')) {
		const codex = path.join('dist', path.dirname(file), `${path.basename(file, '.node.ts')}.node.json`);
		if (!fs.existsSync(codex)) missing.push(codex);
	}
	for (const icon of fs.globSync('{nodes,credentials}/**/*.{svg,png}')) {
		if (!fs.existsSync(path.join('dist', icon))) missing.push(path.join('dist', icon));
		if (icon.endsWith('.svg') && !icon.endsWith('.dark.svg') && !fs.existsSync(icon.replace(/\.svg$/, '.dark.svg'))) missing.push(`${icon.replace(/\.svg$/, '.dark.svg')} (the dark variant)`);
	}
	if (missing.length > 0) {
		done(new Error(`build is missing assets: ${missing.join(', ')}`));
		return;
	}
	done();
}

exports.build = series(checkAssets);
exports.default = exports.build;
