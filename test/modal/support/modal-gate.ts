/** Test support: one kei-modal-runner session driving the Modal capabilities through runGate. */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { runGate, type FormattedOutcome } from '../../helpers/gate.js';
import type { HookInput } from '../../../src/protocol/hook-input.js';
import { workspace, type Workspace } from './workspace.js';

export const SESSION = 'sess-modal';
export const AGENT = 'a583d82909ac9f161';

export interface ModalSession extends Workspace {
  /** ~/.claude/projects/<project> of this session. */
  projects: string;
  transcriptPath: string;
  /** The subagent's own transcript file. */
  agentTranscript: string;
}

export function modalSession(): ModalSession {
  const ws = workspace();
  const projects = join(ws.state, 'projects', '-work');
  mkdirSync(projects, { recursive: true });
  return {
    ...ws,
    projects,
    transcriptPath: join(projects, `${SESSION}.jsonl`),
    agentTranscript: join(projects, SESSION, 'subagents', `agent-${AGENT}.jsonl`),
  };
}

export interface CallOptions {
  event?: HookInput['hook_event_name'];
  tool?: string;
  toolInput?: Record<string, unknown>;
  description?: string;
  toolUseId?: string;
  now?: Date;
}

/** One hook call of the session's kei-modal-runner subagent to one capability. */
export function call(capability: string, s: ModalSession, command: string | undefined, o: CallOptions = {}): FormattedOutcome[] {
  const toolInput = o.toolInput ?? { command, ...(o.description === undefined ? {} : { description: o.description }) };
  return runGate({
    capability,
    event: o.event ?? 'PreToolUse',
    toolName: o.tool ?? 'Bash',
    toolInput,
    stateDir: s.state,
    cwd: s.root,
    now: o.now ?? new Date(2026, 10, 25, 12, 0, 0),
    input: { session_id: SESSION, agent_id: AGENT, transcript_path: s.transcriptPath, tool_use_id: o.toolUseId ?? 'toolu_test' },
  });
}

export const minutesAfterNoon = (minutes: number) => new Date(2026, 10, 25, 12, minutes, 0);

/** The non-pass outcomes as `kind message`, for compact assertions. */
export function kinds(outcomes: FormattedOutcome[]): string[] {
  return outcomes.filter((o) => o.kind !== 'pass').map((o) => `${o.kind} ${o.message}`);
}
