import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HookAnswer } from '../protocol/output.js';
import { hardFailure } from '../protocol/output.js';
import { readPolicy, policyPath } from '../policy/load-bundle.js';
import { resolveStateDir } from '../state/state-dir.js';
import { CAPABILITY_MODULES } from '../capabilities/registry.js';
import { runHook } from './runtime.js';

/**
 * A hard stop well inside Claude Code's own timeout (install sets 30 s for tool events and
 * 900 s for SubagentStop): a hook that hangs must not fail open. The return verifier runs cargo,
 * so SubagentStop gets minutes; its own per-command time-outs come first.
 */
function deadlineMs(event: string): number {
  if (event === 'SubagentStop') return Number(process.env.KEI_VERIFY_DEADLINE_MS) || 840_000;
  return Number(process.env.KEI_HOOK_DEADLINE_MS) || 8000;
}

function deadline(event: string): Promise<HookAnswer> {
  const ms = deadlineMs(event);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const reason = `kei-substrate: checks did not finish within ${ms} ms; the call is blocked.`;
      resolve(event === 'PreToolUse' ? hardFailure(reason) : { stdout: '', stderr: reason, exitCode: 0 });
    }, ms);
    timer.unref();
  });
}

/** The governed path of a hook process: load the policy and capabilities, decide, answer. */
export async function governedAnswer(event: string, payload: unknown, distDir: string): Promise<HookAnswer> {
  const stateDir = resolveStateDir();
  const policy = readPolicy(policyPath(stateDir, distDir));
  return Promise.race([runHook(event, payload, { stateDir, policy, modules: CAPABILITY_MODULES }), deadline(event)]);
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
