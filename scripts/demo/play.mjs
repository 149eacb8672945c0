// Plays one call of the session: writes the transcript lines Claude Code would write, fires the
// installed hooks for it, and (when the call passes) "runs" the tool with a scripted result.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fire } from './hooks.mjs';

let counter = 0;
const toolUseId = () => `toolu_demo${String(++counter).padStart(4, '0')}`;

function base(world) {
  return { session_id: world.session, transcript_path: world.transcript, cwd: world.worktree, permission_mode: 'default' };
}

function agentBase(world) {
  return { ...base(world), agent_id: world.agentId, agent_type: 'kei-modal-runner' };
}

function perform(call) {
  if (call.tool === 'Write') {
    mkdirSync(dirname(call.input.file_path), { recursive: true });
    writeFileSync(call.input.file_path, call.input.content);
  }
}

function response(call) {
  if (call.tool === 'Read') return { type: 'text', file: { filePath: call.input.file_path, content: '', numLines: 24, startLine: 1, totalLines: 24 } };
  if (call.tool === 'Bash') return { ...call.response, stdout: call.output ?? '' };
  return { type: 'create', filePath: call.input.file_path, content: call.input.content };
}

/** A tool call of the subagent: PreToolUse, then (unless denied) the tool and PostToolUse. */
function agentCall(world, call, say) {
  const id = toolUseId();
  world.agentSays(say, { id, name: call.tool, input: call.input });
  const payload = { ...agentBase(world), tool_name: call.tool, tool_input: call.input, tool_use_id: id };
  const pre = fire(world, 'PreToolUse', payload, call.tool);
  const answers = [{ event: 'PreToolUse', answer: pre }];
  if (pre && (pre.decision === 'deny' || pre.decision === 'ask')) {
    world.toolResult(id, `PreToolUse:${call.tool} hook error: ${pre.text}`, true);
    return answers;
  }
  perform(call);
  world.toolResult(id, call.output ?? 'ok');
  answers.push({ event: 'PostToolUse', answer: fire(world, 'PostToolUse', { ...payload, tool_response: response(call) }, call.tool) });
  return answers;
}

/** Plays one call; returns [{ event, answer }] where answer is null when no hook is registered for it. */
export function play(world, call, say) {
  if (call.kind === 'agent') return agentCall(world, call, say);
  if (call.kind === 'spawn') {
    const id = toolUseId();
    const answer = fire(world, 'PreToolUse', { ...base(world), tool_name: 'Agent', tool_input: call.input, tool_use_id: id }, 'Agent');
    world.spawned(call.input.prompt, id);
    return [{ event: 'PreToolUse', answer }];
  }
  if (call.kind === 'prompt') {
    world.userSays(call.prompt);
    return [{ event: 'UserPromptSubmit', answer: fire(world, 'UserPromptSubmit', { ...base(world), prompt: call.prompt }) }];
  }
  if (call.kind === 'stop') {
    world.agentSays(call.message);
    const payload = { ...agentBase(world), stop_hook_active: call.active === true, agent_transcript_path: world.agentTranscript, last_assistant_message: call.message };
    return [{ event: 'SubagentStop', answer: fire(world, 'SubagentStop', payload, 'kei-modal-runner') }];
  }
  return [{ event: call.event, answer: fire(world, call.event, agentBase(world), 'kei-modal-runner') }];
}
