/**
 * The Modal capabilities through the real bundled hook, as Claude Code runs it: one process per
 * call, JSON on stdin, the answer on stdout. Then `kei ledger --json` reads what was billed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KEI_BIN, runHookProcess } from '../helpers/hook-process.js';
import { workspace } from './support/workspace.js';

const ws = workspace();
const env = { KEI_STATE_DIR: ws.state };

function payload(event: string, command: string, toolUseId: string, description = 'run') {
  return JSON.stringify({
    hook_event_name: event, session_id: 'sess-e2e', transcript_path: `${ws.state}/sess-e2e.jsonl`, cwd: ws.root,
    agent_id: 'a583d82909ac9f161', agent_type: 'kei-modal-runner', tool_name: 'Bash',
    tool_input: { command, description }, tool_use_id: toolUseId,
  });
}

describe('modal capabilities in the bundled hook', () => {
  it('deny, warn as context, bill after the run, and report it in kei ledger', () => {
    const denied = runHookProcess('PreToolUse', payload('PreToolUse', 'modal run train_good.py', 'toolu_1'), env);
    expect(denied.status).toBe(0);
    expect(denied.json.hookSpecificOutput.permissionDecision).toBe('deny');
    expect(denied.json.hookSpecificOutput.permissionDecisionReason).toContain('[modal::cost-line] Modal launch without a cost line');
    expect(denied.json.hookSpecificOutput.permissionDecisionReason).toContain('[modal::prelaunch] No `modal app list` from you');

    expect(runHookProcess('PostToolUse', payload('PostToolUse', 'modal app list', 'toolu_2'), env).status).toBe(0);
    const six = 'Estimate: $6.00 (= 1 × 1h × $6.00/hr/gpu)';
    const warned = runHookProcess('PreToolUse', payload('PreToolUse', 'modal run train_good.py', 'toolu_3', six), env);
    expect(warned.json.hookSpecificOutput.permissionDecision).toBeUndefined();
    expect(warned.json.hookSpecificOutput.additionalContext).toContain('[modal::cost-line] Estimate $6.00 is in the $5–$20 tier');

    const recorded = runHookProcess('PostToolUse', payload('PostToolUse', 'modal run train_good.py', 'toolu_3', six), env);
    expect(recorded.json.hookSpecificOutput.additionalContext).toContain("today's Modal spend is $6.00 of the $20.00 daily cap");

    const ledger = spawnSync(process.execPath, [KEI_BIN, 'ledger', '--json'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(ledger.status).toBe(0);
    expect(JSON.parse(ledger.stdout)).toMatchObject({ spent: 6, headroom: 14, launches: [{ toolUseId: 'toolu_3', estimate: 6, tier: 'warn', outcome: 'ran' }] });
  });
});
