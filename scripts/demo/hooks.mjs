// Calls the hooks exactly as installed: reads <config>/settings.json, picks the handlers whose
// matcher takes the tool (Claude Code's matcher rule), runs their command with the payload on stdin.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function matches(matcher, name) {
  if (matcher === undefined || matcher === '' || matcher === '*') return true;
  if (/^[A-Za-z0-9_ ,|-]*$/.test(matcher)) return matcher.split(/[|,]/).map((s) => s.trim()).includes(name);
  return new RegExp(matcher).test(name);
}

export function installedHooks(config) {
  return JSON.parse(readFileSync(join(config, 'settings.json'), 'utf8')).hooks ?? {};
}

/** What one hook answered, folded into a decision word and the text shown to the agent. */
export function interpret(event, run) {
  if (run.status === 2) return { decision: event === 'PreToolUse' ? 'deny' : 'block', text: run.stderr.trim() };
  if (run.status !== 0) return { decision: 'error', text: `exit ${run.status}: ${run.stderr.trim()}` };
  if (run.stdout.trim() === '') return { decision: 'pass', text: '' };
  const out = JSON.parse(run.stdout);
  const specific = out.hookSpecificOutput ?? {};
  if (specific.permissionDecision) return { decision: specific.permissionDecision, text: specific.permissionDecisionReason ?? '' };
  if (out.decision === 'block') return { decision: 'block', text: out.reason ?? '' };
  const context = specific.additionalContext ?? out.systemMessage;
  // Context with no decision: a warning before a call, a note after one.
  if (context) return { decision: event === 'PreToolUse' ? 'warn' : 'note', text: context };
  return { decision: 'pass', text: '' };
}

/** Runs every installed handler of `event` that applies to `tool`; null when none is registered for it. */
export function fire(world, event, payload, tool) {
  const groups = (installedHooks(world.config)[event] ?? []).filter((g) => tool === undefined || matches(g.matcher, tool));
  const handlers = groups.flatMap((g) => g.hooks);
  if (handlers.length === 0) return null;
  const env = { ...process.env, KEI_STATE_DIR: world.stateDir, CLAUDE_CONFIG_DIR: world.config };
  const answers = handlers.map((h) => {
    const run = spawnSync(h.command, h.args ?? [], { input: JSON.stringify({ ...payload, hook_event_name: event }), env, cwd: world.worktree, encoding: 'utf8', timeout: (h.timeout ?? 60) * 1000 });
    return interpret(event, run);
  });
  const order = ['deny', 'block', 'error', 'ask', 'warn', 'note', 'pass'];
  return answers.sort((a, b) => order.indexOf(a.decision) - order.indexOf(b.decision))[0];
}
