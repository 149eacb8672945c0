/** One Bash command through one capability's gate, as the governed agent, in a temp worktree. */
import { decisionOf, runGate, tempDir } from '../../helpers/gate.js';
import { kitPolicy, AGENT } from './kit.js';

export const NO_GIT = 'policy::no-git-ops';
export const KILL_GUARD = 'safety::kill-guard';

let cwd: string | undefined;
function worktree(): string {
  cwd ??= tempDir('kei-rel-gate-');
  return cwd;
}

/** The gate's strongest decision for the command ('deny', 'pass', ...), with the reason. */
export function decide(capability: string, command: string): { kind: string; reason?: string } {
  const outcome = decisionOf(runGate({ capability, toolName: 'Bash', toolInput: { command }, agent: kitPolicy().agents[AGENT], cwd: worktree(), stateDir: tempDir('kei-rel-state-') }));
  return { kind: outcome.kind, reason: outcome.reason };
}

export const BLOCKED: Record<string, string[]> = {
  [NO_GIT]: ['git push origin main', 'git reset --hard HEAD~1', 'git -C /tmp status'],
  [KILL_GUARD]: ['modal app stop ap-123', 'kill -9 4242', 'pkill -f modal'],
};
