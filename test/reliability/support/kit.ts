/**
 * The kit as users get it (policy compiled from agents/ and capabilities/) and a realistic place
 * for a hook call: a git worktree, a state dir and a session transcript with a kei-task block.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePolicy, loadSources } from '../../../src/policy/compile.js';
import type { PolicyBundle } from '../../../src/policy/bundle-types.js';
import { REPO_ROOT, tempDir } from '../../helpers/gate.js';

export const AGENT = 'kei-modal-runner';
export const SESSION = 'sess-rel-0001';
export const AGENT_ID = 'a0reliability0001';

let policy: PolicyBundle | undefined;
export function kitPolicy(): PolicyBundle {
  policy ??= compilePolicy(loadSources(REPO_ROOT));
  if (!policy.agents[AGENT]) throw new Error(`the kit has no ${AGENT} manifest`);
  return policy;
}

export const TASK_BLOCK = [
  '```kei-task',
  'role: edit-local',
  'scope:',
  '  files-whitelist: ["train/**", "configs/**"]',
  '  files-denylist: ["**/Cargo.toml", "**/*.lock"]',
  '```',
].join('\n');

export interface Workspace {
  root: string;
  worktree: string;
  stateDir: string;
  transcript: string;
  subagentTranscript: string;
}

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

export function workspace(): Workspace {
  const root = tempDir('kei-rel-');
  const worktree = join(root, 'worktree');
  mkdirSync(worktree, { recursive: true });
  execFileSync('git', ['init', '-q', worktree]);
  write(join(worktree, 'train', 'train.py'), 'print("step", flush=True)\n');
  write(join(worktree, 'configs', 'base.yaml'), 'lr: 0.001\n');
  const stateDir = join(root, 'state');
  mkdirSync(stateDir, { recursive: true });
  const projects = join(root, 'projects', 'p');
  const transcript = join(projects, `${SESSION}.jsonl`);
  write(transcript, JSON.stringify({ type: 'user', message: { role: 'user', content: 'Run the sweep.' }, sessionId: SESSION }) + '\n');
  const ws = { root, worktree, stateDir, transcript, subagentTranscript: '' };
  ws.subagentTranscript = addSubagent(ws, AGENT_ID);
  return ws;
}

/** The transcript of a subagent whose first message carries the task block; returns its path. */
export function addSubagent(ws: Pick<Workspace, 'transcript'>, agentId: string): string {
  const file = join(ws.transcript.replace(/\.jsonl$/, ''), 'subagents', `agent-${agentId}.jsonl`);
  const first = { type: 'user', isSidechain: true, agentId, sessionId: SESSION, message: { role: 'user', content: `Update the trainer.\n\n${TASK_BLOCK}\n` } };
  write(file, JSON.stringify(first) + '\n');
  return file;
}

/** A well-formed call of the governed agent. */
export function governedCall(ws: Workspace, tool: string, toolInput: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    session_id: SESSION,
    transcript_path: ws.transcript,
    cwd: ws.worktree,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    agent_id: AGENT_ID,
    agent_type: AGENT,
    tool_name: tool,
    tool_input: toolInput,
    tool_use_id: 'toolu_rel_1',
    ...extra,
  };
}
