// Builds dist/: the compiled policy, the JSON Schemas, and one CommonJS bundle per entry point.
// CommonJS because it starts faster than an ESM bundle and needs no require shim (see README).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyBuiltins } from './lazy-builtins.mjs';
import { lazyModules } from './lazy-modules.mjs';
import { buildRuntime, staleRuntimeFiles } from './runtime-split.mjs';
import { asciiOnly } from './ascii-only.mjs';
import { common } from './esbuild-common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const tool = join(root, 'dist', '.build', 'compile.cjs');
  await build({ ...common, minify: false, entryPoints: [join(root, 'src/build/compile-main.ts')], outfile: tool }).then(writeAtomically);
  execFileSync(process.execPath, [tool, root], { stdio: 'inherit' });
  rmSync(join(root, 'dist', '.build'), { recursive: true, force: true });
  const bundle = (name, entry, extra = {}) => build({ ...common, entryPoints: [join(root, entry)], outfile: join(root, 'dist', `${name}.cjs`), ...extra }).then(writeAtomically);
  const deferred = lazyModules(root, common);
  const runtime = buildRuntime(root, common, { plugins: [lazyBuiltins, deferred.plugin], prepare: asciiOnly }).then(writeRuntime);
  await Promise.all([runtime, bundle('cli', 'src/cli/main.ts'), bundle('manifest-edit', 'src/hook/manifest-edit.ts'), bundle('hook-server', 'src/server/serve.ts')]);
  await deferred.buildDeferred(join(root, 'dist'), writeAtomically);
  // The dispatcher names the runtime's V8 code cache after the runtime's content (src/hook/code-cache.ts);
  // the entry names the runtime's other files after the whole build, so its hash covers them too.
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

/** The split runtime (entry last), then the files of the builds before the one it replaces. */
function writeRuntime({ files }) {
  const dist = join(root, 'dist');
  const previous = existsSync(join(dist, 'hook-runtime.cjs')) ? readFileSync(join(dist, 'hook-runtime.cjs'), 'utf8') : undefined;
  writeAtomically({ outputFiles: files });
  for (const name of staleRuntimeFiles(readdirSync(dist), previous, files)) rmSync(join(dist, name), { force: true });
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error.message}\n`);
  process.exit(1);
});
