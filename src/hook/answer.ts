import type { HookEventName } from '../schemas/hook-events.js';
import { blockAnswer, contextAnswer, permissionAnswer, SILENT, type HookAnswer } from '../protocol/output.js';
import type { Verdict } from './gates.js';

const PREFIX = 'kei-substrate';

function line(v: Verdict): string {
  return `[${v.capability}] ${v.reason}`;
}

/** One line per distinct reason: several gates refusing the same unanalysable command say it once. */
function joined(verdicts: Verdict[]): string {
  const seen = new Set<string>();
  return verdicts.filter((v) => !seen.has(v.reason) && seen.add(v.reason)).map(line).join('\n');
}

/**
 * Folds the verdicts of one call into Claude Code's protocol. PreToolUse: any deny or error
 * denies (fail closed), else any ask asks, else warnings become context. After a tool ran,
 * nothing can be denied any more, so findings go back to the agent as context.
 */
export function answerFor(event: HookEventName, verdicts: Verdict[]): HookAnswer {
  const of = (...kinds: Verdict['kind'][]) => verdicts.filter((v) => kinds.includes(v.kind));
  const denies = of('deny', 'error');
  const asks = of('ask');
  const warns = of('warn');
  const blocks = of('block');
  if (event === 'PreToolUse') {
    const context = warns.length > 0 ? `${PREFIX}:\n${joined(warns)}` : undefined;
    if (denies.length > 0) return permissionAnswer('deny', `${PREFIX} blocked this call.\n${joined(denies)}`, context);
    if (asks.length > 0) return permissionAnswer('ask', `${PREFIX} asks the user to decide.\n${joined(asks)}`, context);
    return context ? contextAnswer(event, context) : SILENT;
  }
  if (blocks.length > 0) return blockAnswer(`${PREFIX}:\n${joined(blocks)}`);
  const notes = [...denies, ...asks, ...warns];
  return notes.length > 0 ? contextAnswer(event, `${PREFIX}:\n${joined(notes)}`) : SILENT;
}
