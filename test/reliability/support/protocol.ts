/**
 * What Claude Code accepts from a hook, as a checker: exit 0 with nothing or one valid JSON
 * object of the right shape for the event, or exit 2 with a reason on stderr. Anything else
 * (exit 1, a crash, a signal, malformed JSON) would let the call through.
 */
export interface RawAnswer {
  status: number | null;
  signal?: string | null;
  stdout: string;
  stderr: string;
}

const DECISIONS = new Set(['deny', 'ask']);

function shapeProblems(event: string, out: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const specific = out.hookSpecificOutput as Record<string, unknown> | undefined;
  if ('permissionDecision' in out) problems.push('flat permissionDecision (ignored by Claude Code)');
  if (specific !== undefined) {
    if (specific.hookEventName !== event) problems.push(`hookEventName ${String(specific.hookEventName)} is not ${event}`);
    if ('permissionDecision' in specific) {
      if (event !== 'PreToolUse') problems.push('permissionDecision outside PreToolUse');
      if (!DECISIONS.has(String(specific.permissionDecision))) problems.push(`permissionDecision ${String(specific.permissionDecision)} (we never allow)`);
      if (typeof specific.permissionDecisionReason !== 'string' || specific.permissionDecisionReason === '') problems.push('decision without a reason');
    }
  }
  if ('decision' in out) {
    if (out.decision !== 'block') problems.push(`decision ${String(out.decision)}`);
    if (typeof out.reason !== 'string' || out.reason === '') problems.push('block without a reason');
  }
  return problems;
}

/** Empty list = a well-formed answer. */
export function protocolProblems(event: string, answer: RawAnswer): string[] {
  if (answer.signal) return [`killed by ${answer.signal}`];
  if (answer.status === 2) return answer.stderr.trim() === '' ? ['exit 2 without a reason on stderr'] : [];
  if (answer.status !== 0) return [`exit ${answer.status} (Claude Code lets the call through)`];
  if (answer.stdout === '') return [];
  let out: unknown;
  try {
    out = JSON.parse(answer.stdout);
  } catch {
    return ['stdout is not JSON'];
  }
  if (out === null || typeof out !== 'object' || Array.isArray(out)) return ['stdout is not one JSON object'];
  return shapeProblems(event, out as Record<string, unknown>);
}

/** True when Claude Code would not run the call: exit 2, or a PreToolUse deny. */
export function blocks(answer: RawAnswer): boolean {
  if (answer.status === 2) return true;
  if (answer.status !== 0 || answer.stdout === '') return false;
  try {
    const out = JSON.parse(answer.stdout) as { hookSpecificOutput?: { permissionDecision?: string } };
    return out.hookSpecificOutput?.permissionDecision === 'deny';
  } catch {
    return false;
  }
}

/** The in-process answer (runHook) in the same terms. */
export function asRaw(answer: { stdout: string; stderr: string; exitCode: number }): RawAnswer {
  return { status: answer.exitCode, stdout: answer.stdout, stderr: answer.stderr };
}
