// esbuild plugin for the hook bundle: Node built-ins that are slow to load (child_process pulls
// in net and streams; crypto and zlib their own worlds) are loaded on first use instead of when
// the bundle starts. Only the return verifier and a few gates ever call them, so most hook calls
// never pay for them (see bench/results.md).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SLOW = ['child_process', 'crypto', 'fs/promises', 'zlib', 'worker_threads', 'http', 'https', 'net'];
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A module with the built-in's functions as stand-ins that load it when first called. */
function stubFor(name) {
  const real = require(`node:${name}`);
  const lines = [`let real;`, `const load = () => (real ??= require('node:${name}'));`];
  for (const key of Object.keys(real)) {
    if (typeof real[key] !== 'function' || !IDENTIFIER.test(key)) continue;
    lines.push(`export function ${key}(...args) { return new.target ? new (load().${key})(...args) : load().${key}.apply(this, args); }`);
  }
  lines.push(`export default new Proxy({}, { get: (_target, key) => load()[key] });`);
  return lines.join('\n');
}

export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(node:)?(${SLOW.map((s) => s.replace('/', '\\/')).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({ contents: stubFor(args.path), loader: 'js' }));
  },
};
