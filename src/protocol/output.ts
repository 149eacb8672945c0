import type { HookEventName } from '../schemas/hook-events.js';

/** What one hook process prints and how it exits. Never `allow`: that would skip the user's own rules. */
export interface HookAnswer {
  stdout: string;
  stderr: string;
  exitCode: 0 | 2;
}

export const SILENT: HookAnswer = { stdout: '', stderr: '', exitCode: 0 };

function json(value: unknown): HookAnswer {
  return { stdout: JSON.stringify(value), stderr: '', exitCode: 0 };
}

export function permissionAnswer(decision: 'deny' | 'ask', reason: string, context?: string): HookAnswer {
  const specific: Record<string, string> = {
    hookEventName: 'PreToolUse',
    permissionDecision: decision,
    permissionDecisionReason: reason,
  };
  if (context) specific.additionalContext = context;
  return json({ hookSpecificOutput: specific });
}

/** Extra context for the agent (and a line for the user) without deciding anything. */
export function contextAnswer(event: HookEventName, context: string): HookAnswer {
  if (event === 'SubagentStop') return json({ systemMessage: context });
  return json({ hookSpecificOutput: { hookEventName: event, additionalContext: context }, systemMessage: context });
}

/** SubagentStop / PostToolUse block: the reason goes back to the agent as its next instruction. */
export function blockAnswer(reason: string): HookAnswer {
  return json({ decision: 'block', reason });
}

/** Last resort when even JSON output cannot be produced: exit 2 blocks with stderr as the reason. */
export function hardFailure(reason: string): HookAnswer {
  return { stdout: '', stderr: reason, exitCode: 2 };
}
