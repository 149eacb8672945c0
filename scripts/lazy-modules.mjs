// esbuild plugin for the hook bundle: heavy modules that only a rare path needs (zod and the
// YAML parser, used when a task spec is parsed for the first time, never when it is cached)
// move to their own bundles in dist/lazy/ and load on first use. The hook bundle keeps a
// stand-in for each export that loads the real module when it is first touched. See
// bench/results.md for what this saves on every governed call.
import { build } from 'esbuild';
import { join, relative } from 'node:path';

/** Which modules go to dist/lazy/<name>.cjs: matched on the resolved path. */
export const LAZY_MODULES = [
  { name: 'task-spec-schema', match: /[\\/]src[\\/]schemas[\\/]task-spec\.ts$/ },
  { name: 'yaml', match: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/]index\.js$/ },
  // Glob matching of words in shell commands: only when a command has a glob in it.
  { name: 'picomatch', match: /[\\/]node_modules[\\/]picomatch[\\/]index\.js$/ },
  // TOML: only when a dependency manifest is edited, or by the return verifier.
  { name: 'smol-toml', match: /[\\/]node_modules[\\/]smol-toml[\\/]dist[\\/]index\.js$/ },
];

/** Export names of a module and whether it is CommonJS, from an ESM build's metafile. */
async function exportsOf(entry, common) {
  const result = await build({ ...common, entryPoints: [entry], format: 'esm', write: false, metafile: true, outfile: 'names.mjs' });
  const input = Object.entries(result.metafile.inputs).find(([path]) => entry.endsWith(path.replace(/^\.\.?\//, '')));
  return { names: Object.values(result.metafile.outputs)[0].exports, commonjs: input?.[1].format === 'cjs' };
}

/** A stand-in whose every export forwards to the real module, loaded on first touch. */
function standIn(name, { names, commonjs }) {
  const lines = [`let real;`, `const load = () => (real ??= require('./lazy/${name}.cjs'));`, FORWARD];
  for (const key of names) {
    // A CommonJS module's default import is the module object itself.
    if (key === 'default') lines.push(`export default forward(${commonjs ? 'undefined' : "'default'"});`);
    else lines.push(`export const ${key} = forward(${JSON.stringify(key)});`);
  }
  return lines.join('\n');
}

// A function-shaped Proxy: calls, property reads and `in` reach the real export. That is all a
// deferred export may be used for (no spreading, no instanceof); test/reliability/
// deferred-modules.test.ts runs every use the hook makes of one through the built bundle.
const FORWARD = `const target = (key) => (key === undefined ? load() : load()[key]);
const forward = (key) => new Proxy(() => {}, {
  get: (_t, p) => { const v = target(key); return Reflect.get(v, p, v); },
  apply: (_t, self, args) => Reflect.apply(target(key), self, args),
  has: (_t, p) => p in target(key),
});`;

export function lazyModules(root, common) {
  const used = new Map();
  const plugin = {
    name: 'lazy-modules',
    setup(b) {
      b.onResolve({ filter: /^\.\/lazy\//, namespace: 'lazy-module' }, (args) => ({ path: args.path, external: true }));
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.lazyModules || args.namespace !== 'file' || !args.importer.startsWith(join(root, 'src'))) return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { lazyModules: true } });
        const lazy = LAZY_MODULES.find((m) => m.match.test(resolved.path));
        if (!lazy) return undefined;
        used.set(lazy.name, resolved.path);
        // require() already defers loading: point it at the separate bundle. Imports get a stand-in.
        if (args.kind === 'require-call') return { path: `./lazy/${lazy.name}.cjs`, external: true };
        return { path: resolved.path, namespace: 'lazy-module', pluginData: { name: lazy.name } };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, async (args) => ({
        contents: standIn(args.pluginData.name, await exportsOf(args.path, common)),
        loader: 'js',
      }));
    },
  };
  /** Builds dist/lazy/<name>.cjs for every module the hook bundle deferred; `write` stores the output. */
  async function buildDeferred(outDir, write) {
    for (const [name, entry] of used) {
      const result = write(await build({ ...common, entryPoints: [entry], outfile: join(outDir, 'lazy', `${name}.cjs`), metafile: true }));
      // A module of ours inside a deferred bundle would exist twice (two classes, two caches).
      const ours = Object.keys(Object.values(result.metafile.outputs)[0].inputs).filter((p) => p.startsWith('src/') && join(root, p) !== entry);
      if (ours.length > 0) throw new Error(`${relative(root, entry)} cannot be deferred: it pulls in ${ours.join(', ')}`);
    }
  }
  return { plugin, buildDeferred };
}
