// Runs one variant as a fresh process, the way Claude Code runs a hook: argv, stdin, env.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const HWM_PRELOAD = join(import.meta.dirname, 'vmhwm.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'kei-bench-mem-'));

/** Wall time of one process in ms: spawnSync blocks, so nothing else runs in between. */
export function timedRun(variant) {
  const start = process.hrtime.bigint();
  const result = spawnSync(variant.command, variant.args, { input: variant.stdin, env: variant.env, cwd: variant.cwd, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, signal: result.signal, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

/**
 * How peak memory is measured: GNU time's %M is the child's ru_maxrss from wait4(2), i.e. the
 * kernel's own high-water mark of the process, with no code added to it. Without GNU time, a
 * preload reads VmHWM from /proc/self/status in the process's exit handler (slightly later
 * than the hook's last allocation, and the preload itself costs a few hundred KB).
 */
export function memoryMethod() {
  if (existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0) return 'gnu-time';
  if (existsSync('/proc/self/status')) return 'vmhwm';
  return 'none';
}

/** Peak RSS of one run in kB (NaN when it cannot be measured here). */
export function peakRssKb(variant, method) {
  const out = join(scratch, 'rss');
  rmSync(out, { force: true });
  if (method === 'gnu-time') {
    spawnSync(GNU_TIME, ['-f', '%M', '-o', out, variant.command, ...variant.args], { input: variant.stdin, env: variant.env, cwd: variant.cwd, maxBuffer: 64 << 20 });
  } else if (method === 'vmhwm' && variant.command === process.execPath) {
    const env = { ...variant.env, KEI_BENCH_HWM_FILE: out };
    spawnSync(variant.command, ['-r', HWM_PRELOAD, ...variant.args], { input: variant.stdin, env, cwd: variant.cwd, maxBuffer: 64 << 20 });
  } else {
    return NaN;
  }
  try {
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    return Number(lines[lines.length - 1]);
  } catch {
    return NaN;
  }
}

export function cleanupScratch() {
  rmSync(scratch, { recursive: true, force: true });
}
