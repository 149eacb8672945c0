/** Test support: subagent transcripts laid out as Claude Code writes them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const base = (agentId: string) => ({ isSidechain: true, agentId, sessionId: 'sess-test', cwd: '/work', version: '2.1.328' });

export function textLine(messageId: string, text: string, agentId = 'a0000000000000001'): string {
  return JSON.stringify({ ...base(agentId), type: 'assistant', uuid: `u-${messageId}-t`, message: { id: messageId, role: 'assistant', model: 'claude', content: [{ type: 'text', text }] } });
}

export function toolUseLine(messageId: string, toolUseId: string, command: string, agentId = 'a0000000000000001'): string {
  return JSON.stringify({
    ...base(agentId), type: 'assistant', uuid: `u-${messageId}-b`,
    message: { id: messageId, role: 'assistant', model: 'claude', content: [{ type: 'tool_use', id: toolUseId, name: 'Bash', input: { command } }] },
  });
}

export function toolResultLine(toolUseId: string, content: string, agentId = 'a0000000000000001'): string {
  return JSON.stringify({ ...base(agentId), type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUseId, content }] } });
}

export function promptLine(prompt: string, agentId = 'a0000000000000001'): string {
  return JSON.stringify({ ...base(agentId), type: 'user', message: { role: 'user', content: prompt } });
}

/**
 * Writes `<projects>/<session>.jsonl` (the parent transcript) and
 * `<projects>/<session>/subagents/agent-<id>.jsonl`; returns the subagent file.
 */
export function subagentTranscript(projects: string, sessionId: string, agentId: string, lines: string[]): string {
  writeFileSync(join(projects, `${sessionId}.jsonl`), promptLine('parent session') + '\n');
  const dir = join(projects, sessionId, 'subagents');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `agent-${agentId}.jsonl`);
  writeFileSync(file, [promptLine('task prompt', agentId), ...lines].join('\n') + '\n');
  writeFileSync(join(dir, `agent-${agentId}.meta.json`), JSON.stringify({ agentType: 'kei-modal-runner', toolUseId: 'toolu_spawn' }));
  return file;
}
