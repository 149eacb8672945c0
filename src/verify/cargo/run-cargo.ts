import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { resolveStateDir } from '../../state/state-dir.js';
import { lastLines, runProcess, type ProcessResult } from '../process.js';

export type Pass = 'worktree' | 'merge';

const DEFAULT_TIMEOUT_SECONDS = 900;

/** Per-command time-out: KEI_VERIFY_CARGO_TIMEOUT (seconds) or 15 minutes. */
export function cargoTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.KEI_VERIFY_CARGO_TIMEOUT);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TIMEOUT_SECONDS) * 1000;
}

/**
 * One build directory per worktree and pass, kept between runs so repeated verifies are
 * incremental and never write into the agent's worktree. KEI_CARGO_TARGET_DIR shares one.
 */
export function cargoTargetDir(worktree: string, pass: Pass, env: NodeJS.ProcessEnv = process.env): string {
  if (env.KEI_CARGO_TARGET_DIR) return join(env.KEI_CARGO_TARGET_DIR, pass);
  const key = createHash('sha256').update(worktree).digest('hex').slice(0, 16);
  return join(resolveStateDir(env), 'cargo-target', key, pass);
}

/** Cargo runs one at a time per process: parallel builds on a small machine only fight for cores and locks. */
let lane: Promise<unknown> = Promise.resolve();

function inLane<T>(work: () => Promise<T>): Promise<T> {
  const next = lane.then(work, work);
  lane = next.catch(() => undefined);
  return next;
}

export interface CargoCall {
  /** e.g. ['check', '--workspace'] — `--offline` is added. */
  args: string[];
  cwd: string;
  worktree: string;
  pass: Pass;
  signal?: AbortSignal;
}

export function runCargo(call: CargoCall): Promise<ProcessResult> {
  const env = {
    ...process.env,
    CARGO_TARGET_DIR: cargoTargetDir(call.worktree, call.pass),
    CARGO_NET_OFFLINE: 'true',
    CARGO_TERM_COLOR: 'never',
  };
  const [sub = '', ...rest] = call.args;
  return inLane(() => runProcess('cargo', [sub, '--offline', ...rest], { cwd: call.cwd, env, timeoutMs: cargoTimeoutMs(), signal: call.signal }));
}

/** The compiler's first error lines and the last lines of stderr: what a reader needs to act. */
export function failureLines(result: ProcessResult): string[] {
  if (result.timedOut) return [`timed out after ${Math.round(cargoTimeoutMs() / 1000)}s`, ...lastLines(result.stderr, 5)];
  if (result.aborted) return ['aborted'];
  const lines = result.stderr.split('\n');
  const errors: string[] = [];
  for (let i = 0; i < lines.length && errors.length < 8; i++) {
    if (/^error(\[E\d+\])?:/.test(lines[i]!)) {
      errors.push(lines[i]!);
      const at = lines[i + 1]?.trim();
      if (at?.startsWith('-->')) errors.push(`  ${at}`);
    }
  }
  const tail = lastLines(result.stderr, 12).filter((line) => !errors.includes(line));
  return [...errors, ...(tail.length > 0 ? ['stderr tail:', ...tail.map((l) => `  ${l}`)] : [])];
}

export function exitText(result: ProcessResult): string {
  if (result.timedOut) return 'timed out';
  if (result.aborted) return 'aborted';
  return `exit ${result.code}`;
}
