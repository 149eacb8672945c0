import type { HookInput } from '../protocol/hook-input.js';
import type { AgentPolicy } from '../policy/bundle-types.js';

export interface StopCheck {
  capability: string;
  status: 'pass' | 'fail' | 'skipped';
  summary: string;
  micros: number;
}

export interface SubagentStopResult {
  decision: 'pass' | 'block';
  /** For block: what the agent must fix; for pass: a note (e.g. gave up after 3 rounds) or ''. */
  reason: string;
  checks: StopCheck[];
}

/** Placeholder until the verifier lands: fails closed by blocking with a clear reason. */
export async function handleSubagentStop(_input: HookInput, _agent: AgentPolicy, _stateDir: string): Promise<SubagentStopResult> {
  return { decision: 'block', reason: 'kei-substrate: the return verifier is not available in this build.', checks: [] };
}
