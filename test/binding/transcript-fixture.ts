import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { HookInput } from '../../src/protocol/hook-input.js';
import type { AgentPolicy } from '../../src/policy/bundle-types.js';

/** A temp dir (without the gate helper, which loads the YAML sources). */
export function scratchDir(prefix = 'kei-bind-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Claude Code's layout under one config dir: the session transcript and its subagent files. */
export class FakeSession {
  readonly sessionId = 'c1b0e1f2-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
  readonly projectDir: string;
  readonly transcriptPath: string;

  constructor(readonly cwd: string) {
    this.projectDir = join(scratchDir('kei-home-'), '.claude', 'projects', cwd.replace(/[^A-Za-z0-9]/g, '-'));
    this.transcriptPath = join(this.projectDir, `${this.sessionId}.jsonl`);
    mkdirSync(this.projectDir, { recursive: true });
    writeFileSync(this.transcriptPath, JSON.stringify({ type: 'user', message: { role: 'user', content: 'parent prompt' } }) + '\n');
  }

  subagentFile(agentId: string): string {
    return join(this.projectDir, this.sessionId, 'subagents', `agent-${agentId}.jsonl`);
  }

  /** Writes a subagent transcript as Claude Code does: the spawn prompt is the first user line. */
  spawn(agentId: string, prompt: string | { type: string; text: string }[], toolUseId?: string, file = this.subagentFile(agentId)): string {
    mkdirSync(dirname(file), { recursive: true });
    const first = {
      parentUuid: null,
      isSidechain: true,
      userType: 'external',
      cwd: this.cwd,
      sessionId: this.sessionId,
      version: '2.1.328',
      agentId,
      type: 'user',
      message: { role: 'user', content: prompt },
      uuid: '0b7e8d3c-1111-4222-8333-944455556666',
      timestamp: '2026-11-25T10:00:00.000Z',
    };
    const reply = { isSidechain: true, agentId, type: 'assistant', message: { id: 'msg_1', role: 'assistant', content: [{ type: 'text', text: 'Working.' }] } };
    writeFileSync(file, `${JSON.stringify(first)}\n${JSON.stringify(reply)}\n`);
    if (toolUseId) writeFileSync(file.replace(/\.jsonl$/, '.meta.json'), JSON.stringify({ agentType: 'kei-modal-runner', toolUseId }));
    return file;
  }

  /** The PreToolUse input a subagent's Write call carries. */
  input(agentId: string | undefined, over: Partial<HookInput> = {}): HookInput {
    return {
      hook_event_name: 'PreToolUse',
      session_id: this.sessionId,
      transcript_path: this.transcriptPath,
      cwd: this.cwd,
      ...(agentId ? { agent_id: agentId, agent_type: 'kei-modal-runner' } : {}),
      tool_name: 'Write',
      tool_input: { file_path: join(this.cwd, 'src', 'a.ts'), content: 'x' },
      tool_use_id: 'toolu_01Write',
      ...over,
    } as HookInput;
  }

  /** The parent's PreToolUse input for an Agent call. */
  agentCall(toolUseId: string, prompt: string): HookInput {
    return {
      hook_event_name: 'PreToolUse',
      session_id: this.sessionId,
      transcript_path: this.transcriptPath,
      cwd: this.cwd,
      tool_name: 'Agent',
      tool_input: { description: 'train', prompt, subagent_type: 'kei-modal-runner' },
      tool_use_id: toolUseId,
    } as HookInput;
  }
}

/** A spawn prompt carrying a task block, as an orchestrator writes it. */
export function promptWith(whitelist: string[], extra = ''): string {
  return [
    'Train the forge model.',
    '',
    '```kei-task',
    'role: edit-local',
    'scope:',
    `  files-whitelist: [${whitelist.map((g) => JSON.stringify(g)).join(', ')}]`,
    '  files-denylist: ["**/Cargo.toml", "**/Cargo.lock", ".github/**"]',
    extra,
    '```',
    '',
    'Report when done.',
  ].join('\n');
}

/** An edit-local agent policy, optionally with a manifest default scope. */
export function agentPolicy(defaultScope: AgentPolicy['defaultScope'] = null): AgentPolicy {
  return {
    name: 'kei-modal-runner',
    role: 'edit-local',
    tools: ['Read', 'Edit', 'Write', 'Bash', 'Agent'],
    capabilities: ['scope::files-whitelist', 'scope::files-denylist'],
    bashReadOnly: false,
    reportName: 'KEI-MODAL-RUNNER',
    defaultScope,
  };
}
