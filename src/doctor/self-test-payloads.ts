import { join } from 'node:path';
import type { AgentPolicy } from '../policy/bundle-types.js';

export interface Answer {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A synthetic hook call and what a healthy installation answers to it. */
export interface SelfTest {
  event: string;
  label: string;
  payload: Record<string, unknown>;
  /** A problem with the answer, or undefined when it is what we expect. */
  judge: (answer: Record<string, unknown> | undefined) => string | undefined;
}

const GATED_TOOLS = ['NotebookEdit', 'MultiEdit', 'Write', 'Edit', 'Agent', 'Bash'];

function toolInput(tool: string, dir: string): Record<string, unknown> {
  if (tool === 'Bash') return { command: 'ls', description: 'list' };
  if (tool === 'Agent') return { description: 'self-test', prompt: 'self-test', subagent_type: 'general-purpose' };
  if (tool === 'NotebookEdit') return { notebook_path: join(dir, 'self-test.ipynb'), new_source: '' };
  return { file_path: join(dir, 'self-test.txt'), content: 'x', old_string: 'x', new_string: 'y' };
}

const decisionOf = (a: Record<string, unknown> | undefined) => (a?.hookSpecificOutput as Record<string, unknown> | undefined)?.permissionDecision;
const expectDeny = (a: Record<string, unknown> | undefined) => (decisionOf(a) === 'deny' ? undefined : `expected a deny, got ${a ? JSON.stringify(a).slice(0, 160) : 'no decision'}`);
const expectNoDecision = (a: Record<string, unknown> | undefined) => (decisionOf(a) === undefined && a?.decision === undefined ? undefined : `expected no decision, got ${JSON.stringify(a).slice(0, 160)}`);
const expectBlock = (a: Record<string, unknown> | undefined) => (a?.decision === 'block' ? undefined : `expected a block, got ${a ? JSON.stringify(a).slice(0, 160) : 'no decision'}`);
const expectSilence = (a: Record<string, unknown> | undefined) => (a === undefined ? undefined : `expected no output for a call that is not governed, got ${JSON.stringify(a).slice(0, 160)}`);

/** The calls doctor sends through the installed hooks, built for one kit agent of the policy. */
export function selfTests(agent: AgentPolicy, dir: string): SelfTest[] {
  const base = { session_id: 'kei-doctor', transcript_path: join(dir, 'kei-doctor.jsonl'), cwd: dir, permission_mode: 'default' };
  const who = { agent_id: 'a0d0c7001', agent_type: agent.name };
  const call = (tool: string, extra: Record<string, unknown> = {}) => ({ ...base, ...who, tool_name: tool, tool_input: toolInput(tool, dir), tool_use_id: 'toolu_doctor', ...extra });
  const outside = GATED_TOOLS.find((t) => !agent.tools.includes(t));
  const tests: SelfTest[] = [
    { event: 'PreToolUse', label: 'main thread Bash `git status` passes untouched', payload: { ...base, tool_name: 'Bash', tool_input: { command: 'git status' }, tool_use_id: 'toolu_main' }, judge: expectSilence },
  ];
  if (outside) tests.push({ event: 'PreToolUse', label: `${agent.name} calling ${outside} (not in its tools) is denied`, payload: call(outside), judge: expectDeny });
  if (agent.tools.includes('Bash') && agent.capabilities.includes('policy::no-git-ops')) {
    tests.push({ event: 'PreToolUse', label: `${agent.name} running \`git push\` is denied`, payload: { ...call('Bash'), tool_input: { command: 'git push origin main' } }, judge: expectDeny });
  }
  tests.push(
    { event: 'PostToolUse', label: `${agent.name} Bash result is recorded`, payload: call('Bash', { tool_response: { stdout: '', stderr: '', interrupted: false, isImage: false } }), judge: expectNoDecision },
    { event: 'PostToolUseFailure', label: `${agent.name} failed Bash is recorded`, payload: call('Bash', { error: 'Exit code 1' }), judge: expectNoDecision },
    { event: 'UserPromptSubmit', label: 'a user prompt is recorded', payload: { ...base, prompt: 'kei doctor self-test' }, judge: expectNoDecision },
    { event: 'SubagentStart', label: `${agent.name} start is seen`, payload: { ...base, ...who }, judge: expectNoDecision },
    { event: 'SubagentStop', label: `${agent.name} returning without its report is sent back`, payload: { ...base, ...who, stop_hook_active: false, agent_transcript_path: join(dir, 'agent-a0d0c7001.jsonl'), last_assistant_message: 'done' }, judge: expectBlock },
  );
  return tests.map((t) => ({ ...t, payload: { ...t.payload, hook_event_name: t.event } }));
}
