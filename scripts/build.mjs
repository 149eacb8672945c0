// Builds dist/: the compiled policy, the JSON Schemas, and one CommonJS bundle per entry point.
// CommonJS because it starts faster than an ESM bundle and needs no require shim (see README).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyBuiltins } from './lazy-builtins.mjs';
import { lazyModules } from './lazy-modules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  logOverride: { 'unsupported-require-call': 'silent' },
};

async function main() {
  const tool = join(root, 'dist', '.build', 'compile.cjs');
  await build({ ...common, minify: false, entryPoints: [join(root, 'src/build/compile-main.ts')], outfile: tool });
  execFileSync(process.execPath, [tool, root], { stdio: 'inherit' });
  rmSync(join(root, 'dist', '.build'), { recursive: true, force: true });
  const bundle = (name, entry, extra = {}) => build({ ...common, entryPoints: [join(root, entry)], outfile: join(root, 'dist', `${name}.cjs`), ...extra });
  const deferred = lazyModules(root, common);
  await Promise.all([bundle('hook-runtime', 'src/hook/process.ts', { plugins: [lazyBuiltins, deferred.plugin] }), bundle('cli', 'src/cli/main.ts'), bundle('manifest-edit', 'src/hook/manifest-edit.ts')]);
  await deferred.buildDeferred(join(root, 'dist'));
  // The dispatcher names the runtime's V8 code cache after the runtime's content (src/hook/code-cache.ts).
  const runtimeId = createHash('sha256').update(readFileSync(join(root, 'dist', 'hook-runtime.cjs'))).digest('hex').slice(0, 16);
  await bundle('kei', 'src/entry.ts', { banner: { js: '#!/usr/bin/env node' }, define: { KEI_RUNTIME_ID: JSON.stringify(runtimeId) } });
  chmodSync(join(root, 'dist', 'kei.cjs'), 0o755);
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error.message}\n`);
  process.exit(1);
});
