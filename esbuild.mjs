// Bundles each entry point on its own: the client (VS Code loads it, so `vscode` stays
// external), the language server, and the plain-Node tools. `tsc` only type-checks.
// package.json declares the project's modules free of side effects, so a bundle keeps
// only what its entry uses of the service's index (the client: the vocabulary, not the
// parser).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
// The packaged extension ships minified bundles without source maps.
const production = process.argv.includes('--production');
const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  // PDF.js on its own, loaded by pdf.ts on the first PDF (see pdfJsApart below).
  { in: 'server/src/report/pdf/pdfjs.mts', out: 'pdfjs', own: true },
  { in: 'server/src/main.ts', out: 'server', banner: '#!/usr/bin/env node' },
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'test/corpus.ts', out: 'corpus' },
  { in: 'test/bench.ts', out: 'bench' },
  // The in-editor suite: its entry and each test file on its own, as mocha adds files.
  ...readdirSync('test/editor')
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => ({ in: `test/editor/${name}`, out: `test/editor/${name.replace(/\.ts$/, '')}`, external: ['vscode', 'mocha'] })),
].filter((entry) => existsSync(entry.in));

// PDF.js is four fifths of a bundle that holds it: the language server and the CLI would
// read it on every start for the odd PDF. They load dist/pdfjs.js, beside them, instead.
const pdfJsApart = {
  name: 'pdfjs-apart',
  setup(build) {
    build.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(?:\.worker)?\.mjs$/ }, () => ({ path: './pdfjs.js', external: true }));
  },
};

const contexts = await Promise.all(entries.map((entry) => esbuild.context({
  entryPoints: { [entry.out]: entry.in },
  outdir: 'dist',
  bundle: true,
  plugins: entry.own ? [] : [pdfJsApart],
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  external: entry.external ?? [],
  // jsonc-parser's CommonJS build requires its parts by computed names, which a bundle
  // cannot follow; its ES module build imports them plainly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // Some dependencies' ES modules read import.meta.url (fdir, under tinyglobby); in a
  // CommonJS bundle it is made from __filename, after the directive that keeps the
  // bundle in strict mode as its modules were written.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: [entry.banner, '"use strict";', "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;"].filter(Boolean).join('\n') },
  logLevel: 'warning',
})));

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
