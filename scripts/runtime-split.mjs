// Builds the hook runtime as several CommonJS files: dist/hook-runtime.cjs (the entry, what
// every governed call loads), one file per part (src/hook/parts/, loaded on first use) and the
// shared files esbuild splits off. esbuild splits only ESM output, so the split build is ESM and
// each file is then turned into CommonJS (the format hook processes start fastest with).
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { runtimeParts } from './runtime-parts.mjs';
import { checkSplit } from './split-checks.mjs';

const ENTRY = 'hook-runtime';

/**
 * Every file but the entry is named after the whole build (a hash of every file): a runtime
 * loaded before a rebuild can never pick up a part of the new build (two builds' modules in one
 * process); it finds its own files or fails closed. Parts and shared files may require each
 * other both ways (a stand-in only at call time), so one name for the build, not one per file.
 */
function buildNames(texts) {
  const hash = createHash('sha256');
  for (const [name, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}\0${text}\0`);
  const id = hash.digest('hex').slice(0, 12);
  const names = new Map([...texts.keys()].map((name) => [name, name === `${ENTRY}.cjs` ? name : name.replace(/\.cjs$/, `-${id}.cjs`)]));
  const named = new Map();
  for (const [name, text] of texts) {
    let final = text;
    for (const [from, to] of names) if (from !== to) final = final.split(JSON.stringify(`./${from}`)).join(JSON.stringify(`./${to}`));
    named.set(name, { name: names.get(name), text: final });
  }
  return named;
}

/**
 * The split runtime, not yet written: `files` in write order (the entry last, so a hook never
 * loads an entry whose parts are not there yet), and the metafile with esbuild's names mapped
 * to the final ones. `prepare` turns a file's text into what is written (e.g. ASCII only).
 */
export async function buildRuntime(root, common, { plugins = [], prepare = (text) => text } = {}) {
  const parts = runtimeParts(root, 'src/hook/process.ts');
  const result = await build({
    ...common,
    absWorkingDir: root,
    format: 'esm',
    splitting: true,
    write: false,
    metafile: true,
    outdir: join(root, 'dist'),
    entryNames: '[name]',
    chunkNames: `${ENTRY}-shared-[hash]`,
    outExtension: { '.js': '.cjs' },
    entryPoints: parts.entryPoints,
    plugins: [parts.plugin, ...plugins],
  });
  const texts = new Map();
  for (const file of result.outputFiles) {
    // ESM is strict mode; as CommonJS it must say so.
    const cjs = await transform(file.text, { format: 'cjs', platform: 'node', target: common.target, minify: common.minify, legalComments: 'none', banner: '"use strict";' });
    texts.set(file.path.slice(join(root, 'dist').length + 1), prepare(cjs.code));
  }
  const named = buildNames(texts);
  const rename = (path) => `dist/${named.get(path.replace(/^dist\//, ''))?.name ?? path.replace(/^dist\//, '')}`;
  const outputs = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([path, output]) => [rename(path), { ...output, imports: output.imports.map((i) => ({ ...i, path: i.external ? i.path : rename(i.path) })) }]),
  );
  const metafile = { ...result.metafile, outputs };
  checkSplit(metafile);
  const files = [...named.values()].sort((a, b) => (a.name === `${ENTRY}.cjs`) - (b.name === `${ENTRY}.cjs`));
  return { files: files.map((f) => ({ path: join(root, 'dist', f.name), text: f.text })), metafile };
}

const BUILD_ID = /-([0-9a-f]{12})\.cjs$/;

/**
 * The files of earlier runtime builds in `names` (a listing of dist/) that may go. The build
 * that `previousEntry` (the text of the entry this build replaces) belongs to stays: a process
 * that loaded it (a hook server, a hook in the middle of a call) may still load one of its parts
 * and must find it; the server notices the rebuild and stops within a second or two.
 */
export function staleRuntimeFiles(names, previousEntry, files) {
  const keep = new Set(files.map((file) => BUILD_ID.exec(file.path)?.[1]));
  for (const match of (previousEntry ?? '').matchAll(/-([0-9a-f]{12})\.cjs"/g)) keep.add(match[1]);
  return names.filter((name) => name.startsWith(`${ENTRY}-`) && BUILD_ID.test(name) && !keep.has(BUILD_ID.exec(name)[1]));
}
