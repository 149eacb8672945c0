import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runHook } from '../../src/hook/runtime.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import { testAgent } from '../helpers/gate.js';
import { testPolicy } from '../helpers/policy.js';
import { AGENT, modalSession, SESSION } from '../modal/support/modal-gate.js';

const agent = testAgent({ capabilities: ['policy::no-git-ops', 'modal::cost-line'] });

function pending(state: string): string[] {
  const dir = join(state, 'ledger-pending');
  return existsSync(dir) ? readdirSync(dir) : [];
}

async function launch(command: string) {
  const s = modalSession();
  const answer = await runHook(
    'PreToolUse',
    {
      session_id: SESSION, cwd: s.root, transcript_path: s.transcriptPath, agent_id: AGENT, agent_type: 'kei-modal-runner',
      tool_name: 'Bash', tool_input: { command, description: 'Estimate: $4.50 (= 1 × 1h × $4.50/hr/gpu)' }, tool_use_id: 'toolu_d',
    },
    { stateDir: s.state, policy: testPolicy([agent]), modules: CAPABILITY_MODULES, now: () => new Date(2026, 10, 25, 12, 0, 0) },
  );
  return { s, answer };
}

describe('the final decision reaches the capabilities that saw the call', () => {
  it('a launch that cost-line cleared but another gate denied holds no place under the cap', async () => {
    const { s, answer } = await launch('modal run train_good.py && git push');
    expect(JSON.parse(answer.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(JSON.parse(answer.stdout).hookSpecificOutput.permissionDecisionReason).toContain('[policy::no-git-ops]');
    expect(pending(s.state)).toEqual([]);
  });

  it('a launch that passes keeps its reservation until it has run', async () => {
    const { s, answer } = await launch('modal run train_good.py');
    expect(answer.stdout).toBe('');
    expect(pending(s.state)).toHaveLength(1);
  });
});
