// Bundles an in-process benchmark (bench/inprocess/*.ts) with esbuild and runs it in a fresh node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** { results } on success; { missing } when the module under test does not exist yet; { error } otherwise. */
export async function runInProcess(root, entry, requiredSource) {
  if (!existsSync(join(root, requiredSource))) return { missing: `n/a (module missing: ${requiredSource})` };
  const dir = mkdtempSync(join(tmpdir(), 'kei-bench-inproc-'));
  const outfile = join(dir, 'bench.cjs');
  try {
    await build({ entryPoints: [join(root, entry)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { missing: `n/a (does not build yet: ${String(error.errors?.[0]?.text ?? error.message).slice(0, 120)})` };
  }
  const result = spawnSync(process.execPath, [outfile], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 600_000 });
  rmSync(dir, { recursive: true, force: true });
  if (result.status !== 0) return { error: `exited ${result.status ?? result.signal}: ${(result.stderr || '').trim().split('\n').slice(-3).join(' | ')}` };
  return { results: JSON.parse(result.stdout) };
}
