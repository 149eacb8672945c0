import type { HookInput } from '../protocol/hook-input.js';
import type { AgentPolicy } from '../policy/bundle-types.js';
import type { CapabilityMeta } from '../schemas/capability.js';
import type { BoundTask } from '../capabilities/types.js';
import { bindTask } from '../policy/task-binding.js';
import { gitTopLevel } from './git.js';
import { defaultBaseRef } from './base-ref.js';
import { runVerifies, type CheckResult } from './runner.js';
import { lastAssistantText } from './stop/transcript.js';
import { blocksSoFar, clearBlocks, MAX_ROUNDS, recordBlocks } from './stop/rounds.js';
import { blockReason, giveUpNote } from './stop/reason.js';

/** One verify result as the decision log records it. */
export interface StopCheck {
  capability: string;
  status: 'pass' | 'fail' | 'skipped';
  summary: string;
  micros: number;
  evidence: string[];
}

export interface SubagentStopResult {
  decision: 'pass' | 'block';
  /** For block: what the agent must fix; for pass: a note (e.g. gave up after 3 rounds) or ''. */
  reason: string;
  checks: StopCheck[];
  /** 1..3 for a block, 0 when nothing failed, MAX_ROUNDS + 1 when it gave up. */
  round: number;
}

/** The final report: the hook's last_assistant_message, else the transcript's last assistant text. */
async function finalReport(input: HookInput): Promise<string> {
  if (typeof input.last_assistant_message === 'string' && input.last_assistant_message.trim() !== '') return input.last_assistant_message;
  return (await lastAssistantText(input.agent_transcript_path)) ?? '';
}

function bind(input: HookInput, agent: AgentPolicy, stateDir: string, worktree: string): { task: BoundTask | undefined; problem?: CheckResult } {
  try {
    return { task: bindTask(input, agent, stateDir, worktree) };
  } catch (error) {
    const summary = `the task spec could not be read: ${(error as Error).message}`;
    return { task: undefined, problem: { capability: 'task-spec', status: 'fail', summary, evidence: [], ms: 0 } };
  }
}

function toStopCheck(r: CheckResult): StopCheck {
  return { capability: r.capability, status: r.status, summary: r.summary, micros: Math.round(r.ms * 1000), evidence: r.evidence };
}

/** Runs the agent's verifies for a SubagentStop payload (worktree = git top level of its cwd). */
export async function verifyStop(input: HookInput, agent: AgentPolicy, stateDir: string, capabilities?: Record<string, CapabilityMeta>): Promise<CheckResult[]> {
  const worktree = (await gitTopLevel(input.cwd)) ?? input.cwd;
  const [report, base] = await Promise.all([finalReport(input), defaultBaseRef(worktree)]);
  const { task, problem } = bind(input, agent, stateDir, worktree);
  const results = await runVerifies({ worktree, base, agent, task: task?.spec, report, capabilities });
  return problem ? [problem, ...results] : results;
}

/**
 * SubagentStop for a kit agent: verify its work; on failure block the stop with a reason that
 * lists each failure and asks for the complete final report again. After MAX_ROUNDS blocks in
 * one stop sequence the agent is let go, with a note for the user.
 */
export async function handleSubagentStop(input: HookInput, agent: AgentPolicy, stateDir: string, capabilities?: Record<string, CapabilityMeta>): Promise<SubagentStopResult> {
  const results = await verifyStop(input, agent, stateDir, capabilities);
  const checks = results.map(toStopCheck);
  const failures = results.filter((r) => r.status === 'fail');
  const blocks = blocksSoFar(stateDir, input.session_id, input.agent_id, input.stop_hook_active === true);
  if (failures.length === 0) {
    clearBlocks(stateDir, input.session_id, input.agent_id);
    return { decision: 'pass', reason: '', checks, round: 0 };
  }
  if (blocks >= MAX_ROUNDS) {
    clearBlocks(stateDir, input.session_id, input.agent_id);
    return { decision: 'pass', reason: giveUpNote(agent.name, input.agent_id, failures), checks, round: MAX_ROUNDS + 1 };
  }
  recordBlocks(stateDir, input.session_id, input.agent_id, blocks + 1);
  return { decision: 'block', reason: blockReason(failures, blocks + 1), checks, round: blocks + 1 };
}
