// esbuild plugin for the split hook runtime: each part (modules in src/hook/parts/, listed in
// RUNTIME_PARTS) is an entry of the runtime build (scripts/runtime-split.mjs), and every import
// of one of its modules elsewhere gets a stand-in that requires the part's file the first time
// one of its functions is called. So a call loads only the parts its event and tool use: a
// Write never loads the shell parser, a Bash call never loads the measurers, only SubagentStop
// loads the return verifier.
import { build } from 'esbuild';
import { join } from 'node:path';

/** The parts by output name, each with its modules; the runtime itself is `hook-runtime`. */
export const RUNTIME_PARTS = {
  'hook-runtime-bash': ['src/hook/parts/bash.ts'],
  'hook-runtime-file-edits': ['src/hook/parts/file-edits.ts'],
  'hook-runtime-modal-scan': ['src/hook/parts/modal-scan.ts'],
  'hook-runtime-modal-checks': ['src/hook/parts/modal-checks.ts'],
  'hook-runtime-verify': ['src/hook/parts/verify.ts', 'src/hook/parts/verify-checks.ts'],
};

/**
 * Code each file set must not hold: the reason for the split, checked on every build
 * (scripts/split-checks.mjs). A set is a file with the shared files it requires at load.
 */
export const KEEP_OUT = {
  'hook-runtime': [/^src\/(shell|measure|modal|verify)\//, /^src\/deps\/(?!files\.ts$|types\.ts$)/],
  'hook-runtime-bash': [/^src\/(measure|modal|verify)\//],
  'hook-runtime-modal-scan': [/^src\/(measure|verify)\//, /^src\/modal\/(cost-check|estimate|lint|prelaunch-check|reservations|spend-check)/],
  'hook-runtime-file-edits': [/^src\/(shell|modal|verify)\//, /^src\/deps\/commands\//],
  'hook-runtime-modal-checks': [/^src\/(measure|verify)\//],
};

/** Export names of a part, read without bundling it. */
async function exportsOf(entry) {
  const result = await build({ entryPoints: [entry], bundle: false, format: 'esm', write: false, metafile: true, outfile: 'names.mjs', logLevel: 'error' });
  return Object.values(result.metafile.outputs)[0].exports;
}

/**
 * Plain functions, not proxies: a part exports only functions (checked on the built parts by
 * test/reliability/runtime-split-process.test.ts). A part that cannot be loaded throws on every
 * call, and the gate that called it denies (fail closed), with the file and the reason.
 */
function standIn(file, names) {
  const lines = [
    `const file = ${JSON.stringify(`./${file}`)};`,
    `let real;`,
    `function load() {`,
    `  if (real) return real;`,
    `  try { return (real = require(file)); }`,
    `  catch (error) { throw new Error(\`kei-substrate cannot load \${file.slice(2)}, part of its hook runtime (\${String(error && error.message).split('\\n')[0]}); reinstall it with kei install\`); }`,
    `}`,
  ];
  for (const key of names) lines.push(`export function ${key}(...args) { return load().${key}(...args); }`);
  return lines.join('\n');
}

/**
 * The runtime's entry point and each part's. A part's entry also imports the runtime's, for
 * effect only (the part's loader has run it already): so every module of the runtime is reached
 * from every entry, and esbuild puts them all in one shared file instead of one small file for
 * each combination of parts that uses some of them (each file costs a read and a compile).
 */
export function runtimeParts(root, runtimeEntry) {
  const byPath = new Map(Object.entries(RUNTIME_PARTS).flatMap(([name, modules]) => modules.map((path) => [join(root, path), name])));
  const plugin = {
    name: 'runtime-parts',
    setup(b) {
      b.onResolve({ filter: /^runtime-part:/ }, (args) => ({ path: args.path.slice('runtime-part:'.length), namespace: 'runtime-part-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'runtime-part-entry' }, (args) => ({
        contents: [join(root, runtimeEntry), ...RUNTIME_PARTS[args.path].map((path) => join(root, path))]
          .map((path, i) => `${i === 0 ? 'import' : 'export * from'} ${JSON.stringify(path)};`)
          .join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
      b.onResolve({ filter: /[\\/]parts[\\/][\w-]+\.js$/ }, (args) => {
        if (args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
        const path = join(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        const name = byPath.get(path);
        return name === undefined ? undefined : { path, namespace: 'runtime-part', pluginData: { name } };
      });
      b.onLoad({ filter: /.*/, namespace: 'runtime-part' }, async (args) => ({
        contents: standIn(`${args.pluginData.name}.cjs`, await exportsOf(args.path)),
        loader: 'js',
      }));
    },
  };
  const parts = Object.fromEntries(Object.keys(RUNTIME_PARTS).map((name) => [name, `runtime-part:${name}`]));
  return { plugin, entryPoints: { 'hook-runtime': join(root, runtimeEntry), ...parts } };
}
