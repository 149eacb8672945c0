import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HookAnswer } from '../protocol/output.js';
import { hardFailure } from '../protocol/output.js';
import { readPolicy, policyPath } from '../policy/load-bundle.js';
import { resolveStateDir } from '../state/state-dir.js';
import { CAPABILITY_MODULES } from '../capabilities/registry.js';
import { runHook } from './runtime.js';

/** A hard stop well inside Claude Code's own timeout: a hook that hangs must not fail open. */
const HARD_DEADLINE_MS = Number(process.env.KEI_HOOK_DEADLINE_MS) || 8000;

function deadline(event: string): Promise<HookAnswer> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const reason = `kei-substrate: checks did not finish within ${HARD_DEADLINE_MS} ms; the call is blocked.`;
      resolve(event === 'PreToolUse' ? hardFailure(reason) : { stdout: '', stderr: reason, exitCode: 0 });
    }, HARD_DEADLINE_MS);
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
