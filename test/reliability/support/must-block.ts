/** When a governed call must be blocked whatever the gates think: we cannot understand it. */
import { parseHookInput } from '../../../src/protocol/hook-input.js';
import { resolveAgent } from '../../../src/policy/resolve-agent.js';
import { analyseShell } from '../../../src/shell/index.js';
import { kitPolicy } from './kit.js';

/** The reason the call must be blocked, or undefined when the gates may decide either way. */
export function mustBlock(event: string, raw: Record<string, unknown>): string | undefined {
  if (event !== 'PreToolUse' || !resolveAgent(kitPolicy(), raw.agent_type)) return undefined;
  const parsed = parseHookInput({ ...raw, hook_event_name: event });
  if (!parsed.ok) return `malformed input (${parsed.problem})`;
  if (parsed.input.tool_name !== 'Bash') return undefined;
  const command = parsed.input.tool_input?.command;
  if (typeof command !== 'string') return 'a Bash call without a command string';
  const analysis = analyseShell(command, { cwd: parsed.input.cwd });
  return analysis.status === 'unknown' ? `the shell analysis is unknown (${analysis.problems[0] ?? ''})` : undefined;
}
