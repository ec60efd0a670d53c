/**
 * Bundles the widget sources (widget/index.ts and what it imports, including src/contract/markers.ts)
 * into public/widget.js: one classic script (IIFE), readable (not minified), ASCII only (but for the header), the usage comment
 * of widget/index.ts on top, stylesheets imported as text.
 *
 *   npm run build:widget            write public/widget.js
 *   npm run build:widget -- --check exit 1 if public/widget.js differs from a fresh build
 *
 * public/widget.js is committed (the server and the tests use it as is); tests/unit/widget-bundle.test.ts
 * fails when it is out of date with the sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WIDGET_ENTRY = path.join(ROOT, 'widget', 'index.ts');
export const WIDGET_OUT = path.join(ROOT, 'public', 'widget.js');

/** `import css from './x.css'` gives the stylesheet as a string, comments removed. */
const cssAsText: Plugin = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = await fs.promises.readFile(args.path, 'utf8');
      const contents = css
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\n\s*\n/g, '\n')
        .trim();
      return { contents, loader: 'text' };
    });
  },
};

/** The leading license-style comment of the entry (`/*! … *\/`), kept as the bundle's header. */
function headerComment(): string {
  const m = /^\/\*![\s\S]*?\*\//.exec(fs.readFileSync(WIDGET_ENTRY, 'utf8'));
  if (!m) throw new Error(`${WIDGET_ENTRY} must start with a /*! … */ usage comment`);
  return m[0];
}

/** Builds the bundle in memory and returns its text. */
export async function buildWidget(): Promise<string> {
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // ASCII only (non-ASCII as \u escapes): the script works whatever charset the embedding page assumes.
    charset: 'ascii',
    legalComments: 'none',
    banner: { js: headerComment() },
    tsconfig: path.join(ROOT, 'widget', 'tsconfig.json'),
    plugins: [cssAsText],
    logLevel: 'silent',
  });
  if (result.warnings.length) throw new Error(`esbuild warnings: ${result.warnings.map((w) => w.text).join('; ')}`);
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  return out.text;
}

async function main(): Promise<void> {
  const built = await buildWidget();
  const rel = path.relative(ROOT, WIDGET_OUT);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(WIDGET_OUT) ? fs.readFileSync(WIDGET_OUT, 'utf8') : '';
    if (current !== built) {
      console.error(`${rel} is out of date with widget/: run npm run build:widget`);
      process.exit(1);
    }
    console.log(`${rel} is up to date`);
    return;
  }
  fs.writeFileSync(WIDGET_OUT, built);
  console.log(`wrote ${rel} (${Buffer.byteLength(built)} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
