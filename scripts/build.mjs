// Builds dist/: the compiled policy, the JSON Schemas, and one CommonJS bundle per entry point.
// CommonJS because it starts faster than an ESM bundle and needs no require shim (see README).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyBuiltins } from './lazy-builtins.mjs';
import { lazyModules } from './lazy-modules.mjs';
import { asciiOnly } from './ascii-only.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  write: false,
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
  await build({ ...common, minify: false, entryPoints: [join(root, 'src/build/compile-main.ts')], outfile: tool }).then(writeAtomically);
  execFileSync(process.execPath, [tool, root], { stdio: 'inherit' });
  rmSync(join(root, 'dist', '.build'), { recursive: true, force: true });
  const bundle = (name, entry, extra = {}) => build({ ...common, entryPoints: [join(root, entry)], outfile: join(root, 'dist', `${name}.cjs`), ...extra }).then(writeAtomically);
  const deferred = lazyModules(root, common);
  await Promise.all([bundle('hook-runtime', 'src/hook/process.ts', { plugins: [lazyBuiltins, deferred.plugin] }), bundle('cli', 'src/cli/main.ts'), bundle('manifest-edit', 'src/hook/manifest-edit.ts'), bundle('hook-server', 'src/server/serve.ts')]);
  await deferred.buildDeferred(join(root, 'dist'), writeAtomically);
  // The dispatcher names the runtime's V8 code cache after the runtime's content (src/hook/code-cache.ts).
  const runtimeId = createHash('sha256').update(readFileSync(join(root, 'dist', 'hook-runtime.cjs'))).digest('hex').slice(0, 16);
  await bundle('kei', 'src/entry.ts', { banner: { js: '#!/usr/bin/env node' }, define: { KEI_RUNTIME_ID: JSON.stringify(runtimeId) } });
  chmodSync(join(root, 'dist', 'kei.cjs'), 0o755);
}

/**
 * Hooks may be running while dist/ is rebuilt or reinstalled: each file is written next to its
 * place and renamed over it, so a hook never loads half a bundle (a syntax error in kei.cjs
 * itself would exit 1, which Claude Code treats as "let the call through"). Bundles are kept
 * pure ASCII (see ascii-only.mjs).
 */
function writeAtomically(result) {
  for (const file of result.outputFiles ?? []) {
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, asciiOnly(file.text), { mode: file.path.endsWith('kei.cjs') ? 0o755 : 0o644 });
    renameSync(tmp, file.path);
  }
  return result;
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error.message}\n`);
  process.exit(1);
});
