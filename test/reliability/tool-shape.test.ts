/**
 * A governed call whose tool_input lacks what the gates read (a Bash call without a command
 * string, a Write without content) is refused before any gate runs: a gate would read the
 * missing command as an empty one and pass it. Found by the payload fuzzer.
 */
import { describe, expect, it } from 'vitest';
import { runHook } from '../../src/hook/runtime.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import { governedCall, kitPolicy, workspace } from './support/kit.js';

const ws = workspace();
const options = { stateDir: ws.stateDir, policy: kitPolicy(), modules: CAPABILITY_MODULES };

async function reasonFor(tool: string, toolInput: unknown): Promise<string | undefined> {
  const call: Record<string, unknown> = governedCall(ws, tool, {});
  if (toolInput === undefined) delete call.tool_input;
  else call.tool_input = toolInput;
  const answer = await runHook('PreToolUse', call, options);
  const out = answer.stdout ? JSON.parse(answer.stdout).hookSpecificOutput : undefined;
  return out?.permissionDecision === 'deny' ? out.permissionDecisionReason : undefined;
}

describe('governed calls with a malformed tool_input', () => {
  it.each([
    ['Bash', undefined, 'tool_input: missing for Bash'],
    ['Bash', {}, 'tool_input.command: expected a string for Bash'],
    ['Bash', { command: ['git', 'push'] }, 'tool_input.command: expected a string for Bash'],
    ['Write', { file_path: `${ws.worktree}/train/a.py` }, 'tool_input.content: expected a string for Write'],
    ['Edit', { file_path: `${ws.worktree}/train/a.py`, old_string: 'a', new_string: 7 }, 'tool_input.new_string: expected a string for Edit'],
    ['MultiEdit', { file_path: `${ws.worktree}/train/a.py`, edits: [] }, 'tool_input.edits: expected a non-empty list for MultiEdit'],
    ['MultiEdit', { file_path: `${ws.worktree}/train/a.py`, edits: [{ old_string: 'a' }] }, 'tool_input.edits.0: expected old_string and new_string strings'],
    ['NotebookEdit', { new_source: 'x' }, 'tool_input.notebook_path: expected a string for NotebookEdit'],
  ])('%s with %j is denied naming the field', async (tool, input, problem) => {
    expect(await reasonFor(tool, input)).toBe(`kei-substrate could not check this call: the hook input does not have the expected shape (${problem})`);
  });

  it.each([
    ['Bash', { command: 'ls -la' }],
    ['Write', { file_path: `${ws.worktree}/train/a.py`, content: 'print(1)\n' }],
    ['Read', {}],
  ])('%s with %j reaches the gates', async (tool, input) => {
    expect(await reasonFor(tool, input)).toBeUndefined();
  });
});
