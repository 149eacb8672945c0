import type { StopFinding } from '../../shell/classify/stops.js';
import type { ProcessInfo } from '../../shell/processes.js';
import { describeProcess, findProcesses, stopFindings } from '../../hook/parts/bash.js';
import { recordPrompt, STOP_PHRASE, takeStopConfirmation } from '../../state/confirmations.js';
import type { HookInput } from '../../protocol/hook-input.js';
import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { unanalysable } from '../policy/support/bash-unanalysable.js';

/**
 * safety::kill-guard — stopping running work (modal app stop, kill, pkill, docker stop …) needs
 * a fresh user confirmation: a prompt with the literal phrase arms exactly one stop.
 */
function gate(ctx: GateContext): GateOutcome {
  if (ctx.toolName !== 'Bash') return { kind: 'pass' };
  const analysis = ctx.shell();
  if (analysis.status === 'unknown') return unanalysable(analysis);
  const stops = stopFindings(analysis);
  if (stops.length === 0) return { kind: 'pass' };
  const command = String(ctx.toolInput.command ?? '');
  const use = { agentId: ctx.input.agent_id, command };
  if (takeStopConfirmation(ctx.stateDir, ctx.input.session_id, ctx.input.transcript_path, ctx.now(), use)) return { kind: 'pass' };
  const first = stops[0]!;
  return {
    kind: 'deny',
    message: 'stop',
    data: { command: first.command.text, what: stops.map((stop) => stop.what).join(', '), targets: targetsText(stops), phrase: STOP_PHRASE },
  };
}

/** " PID 4242 is `modal run train.py`, running 1h12m." for every live process the command names. */
function targetsText(stops: StopFinding[]): string {
  const seen = new Set<string>();
  const found: ProcessInfo[] = [];
  for (const stop of stops) {
    for (const pid of stop.pids) if (!seen.has(pid)) push(describeProcess(pid.replace(/^-/, '')), found, seen);
    for (const pattern of stop.patterns) for (const info of findProcesses(pattern.text, pattern.full)) push(info, found, seen);
  }
  if (found.length === 0) return '';
  return ' ' + found.slice(0, 5).map((p) => `PID ${p.pid} is \`${p.commandLine}\`${p.elapsed ? `, running ${p.elapsed}` : ''}.`).join(' ');
}

function push(info: ProcessInfo | undefined, found: ProcessInfo[], seen: Set<string>): void {
  if (!info || seen.has(info.pid)) return;
  seen.add(info.pid);
  found.push(info);
}

/** UserPromptSubmit: record the prompt; the literal phrase arms one stop for this session. */
function observe(input: HookInput, stateDir: string, now: Date): void {
  if (input.hook_event_name !== 'UserPromptSubmit' || typeof input.prompt !== 'string') return;
  recordPrompt(stateDir, input.session_id, input.prompt, now);
}

const capability: CapabilityModule = { name: 'safety::kill-guard', gate, observe };
export default capability;
