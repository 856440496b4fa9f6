// Copies what tsc does not emit: node and credential icons (light and dark SVG) and the codex
// `.node.json` files that tell n8n's editor a node's categories and documentation links.
const path = require('node:path');
const { src, dest, series } = require('gulp');

const ASSETS = ['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json', 'credentials/**/*.svg', 'credentials/**/*.png'];

function copyAssets() {
	return src(ASSETS, { base: '.', encoding: false, allowEmpty: true }).pipe(dest('dist'));
}

function checkAssets(done) {
	// Every node and credential icon must exist in the build in both light and dark variants.
	const fs = require('node:fs');
	const missing = [];
	for (const file of fs.globSync ? fs.globSync('nodes/**/*.node.ts') : []) {
		const dir = path.dirname(file);
		const base = path.basename(file, '.node.ts');
		if (!fs.existsSync(path.join('dist', dir, `${base}.node.json`))) missing.push(path.join('dist', dir, `${base}.node.json`));
	}
	for (const svg of fs.globSync ? fs.globSync('{nodes,credentials}/**/*.svg') : []) {
		if (!fs.existsSync(path.join('dist', svg))) missing.push(path.join('dist', svg));
	}
	if (missing.length > 0) {
		done(new Error(`build is missing assets: ${missing.join(', ')}`));
		return;
	}
	done();
}

exports.build = series(copyAssets, checkAssets);
exports.default = exports.build;
