import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HookAnswer } from '../protocol/output.js';
import { hardFailure } from '../protocol/output.js';
import { readPolicy, policyPath } from '../policy/load-bundle.js';
import type { PolicyBundle } from '../policy/bundle-types.js';
import { resolveStateDir } from '../state/state-dir.js';
import { CAPABILITY_MODULES } from '../capabilities/registry.js';
import { runHook } from './runtime.js';
import { runBounded, WorkTimedOut } from './bounded.js';

/**
 * A hard stop well inside Claude Code's own timeout (install sets 30 s for tool events and
 * 1800 s for SubagentStop): a hook that hangs must not fail open. The return verifier runs cargo,
 * so SubagentStop gets minutes; its own per-command time-outs come first.
 */
function deadlineMs(event: string): number {
  if (event === 'SubagentStop') return Number(process.env.KEI_VERIFY_DEADLINE_MS) || 1_740_000;
  return Number(process.env.KEI_HOOK_DEADLINE_MS) || 8000;
}

function timedOut(event: string, ms: number): HookAnswer {
  const reason = `kei-substrate: checks did not finish within ${ms} ms; the call is blocked.`;
  return event === 'PreToolUse' ? hardFailure(reason) : { stdout: '', stderr: reason, exitCode: 0 };
}

function deadline(event: string, ms: number, total: number): Promise<HookAnswer> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(timedOut(event, total)), Math.max(0, ms));
    timer.unref();
  });
}

/**
 * The governed path of a hook process: load the policy and capabilities, decide, answer. The
 * synchronous part (every gate) runs under a hard stop; the asynchronous rest (the return
 * verifier's commands) races a timer.
 */
export async function governedAnswer(event: string, payload: unknown, distDir: string, preloaded?: PolicyBundle): Promise<HookAnswer> {
  const started = Date.now();
  const total = deadlineMs(event);
  const stateDir = resolveStateDir();
  // The dispatcher has parsed and checked the policy already; read it here only when called alone.
  const policy = preloaded ?? readPolicy(policyPath(stateDir, distDir));
  let work: Promise<HookAnswer>;
  try {
    // Gates stop early at half the budget (a deny that says so), well before the hard stop.
    const options = { stateDir, policy, modules: CAPABILITY_MODULES, deadlineMs: total / 2 };
    work = runBounded(() => runHook(event, payload, options), total);
  } catch (error) {
    if (error instanceof WorkTimedOut) return timedOut(event, total);
    throw error;
  }
  return Promise.race([work, deadline(event, total - (Date.now() - started), total)]);
}

export function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

export function distDirOf(scriptPath: string): string {
  return join(scriptPath, '..');
}
