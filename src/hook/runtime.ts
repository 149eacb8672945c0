import type { HookInput } from '../protocol/hook-input.js';
import { parseHookInput } from '../protocol/hook-input.js';
import { HOOK_EVENTS, type HookEventName } from '../schemas/hook-events.js';
import type { AgentPolicy, PolicyBundle } from '../policy/bundle-types.js';
import type { CapabilityModule } from '../capabilities/types.js';
import { resolveAgent } from '../policy/resolve-agent.js';
import { captureAgentSpawn } from '../policy/task-binding.js';
import { appendDecisions, type DecisionRecord } from '../state/decision-log.js';
import { handleSubagentStop } from './parts/verify.js';
import { blockAnswer, contextAnswer, hardFailure, permissionAnswer, SILENT, type HookAnswer } from '../protocol/output.js';
import { runGates, type Verdict } from './gates.js';
import { answerFor } from './answer.js';
import { binds } from './binding.js';
import { toolInputProblem } from './tool-shape.js';

export interface RuntimeOptions {
  stateDir: string;
  policy: PolicyBundle;
  modules: ReadonlyMap<string, CapabilityModule>;
  now?: () => Date;
  /** Gates stop and deny once a call has taken this long. */
  deadlineMs?: number;
}

function isEvent(name: string): name is HookEventName {
  return (HOOK_EVENTS as readonly string[]).includes(name);
}

function record(input: Partial<HookInput>, event: string, v: Verdict, now: Date): DecisionRecord {
  return {
    time: now.toISOString(),
    session: String(input.session_id ?? ''),
    agentId: typeof input.agent_id === 'string' ? input.agent_id : null,
    agentType: typeof input.agent_type === 'string' ? input.agent_type : null,
    event,
    tool: typeof input.tool_name === 'string' ? input.tool_name : null,
    capability: v.capability,
    decision: v.kind,
    reason: v.reason,
    micros: v.micros,
  };
}

/** Bookkeeping that must happen for calls we do not govern (user prompts, spawns by the parent). */
function observe(event: HookEventName, raw: Record<string, unknown>, options: RuntimeOptions, now: Date): void {
  const parsed = parseHookInput(raw);
  if (!parsed.ok) return;
  if (event === 'PreToolUse' && (parsed.input.tool_name === 'Agent' || parsed.input.tool_name === 'Task')) {
    captureAgentSpawn(parsed.input, options.stateDir);
  }
  for (const [name, meta] of Object.entries(options.policy.capabilities)) {
    if (!binds(meta, event, parsed.input.tool_name)) continue;
    options.modules.get(name)?.observe?.(parsed.input, options.stateDir, now);
  }
}

/** Lets each capability that saw a PreToolUse call undo its bookkeeping when the call will not run. */
function tellDecision(input: HookInput, verdicts: Verdict[], options: RuntimeOptions): void {
  const decision = verdicts.some((v) => v.kind === 'deny' || v.kind === 'error') ? 'deny' : verdicts.some((v) => v.kind === 'ask') ? 'ask' : 'pass';
  for (const name of new Set(verdicts.map((v) => v.capability))) {
    options.modules.get(name)?.decided?.(input, options.stateDir, decision);
  }
}

function failClosed(event: HookEventName, reason: string): HookAnswer {
  const text = `kei-substrate could not check this call: ${reason}`;
  if (event === 'PreToolUse') return permissionAnswer('deny', text);
  if (event === 'SubagentStop') return blockAnswer(text);
  return contextAnswer(event, text);
}

async function governed(event: HookEventName, input: HookInput, agent: AgentPolicy, options: RuntimeOptions, now: () => Date): Promise<HookAnswer> {
  if (event === 'SubagentStart') return SILENT;
  if (event === 'SubagentStop') {
    const result = await handleSubagentStop(input, agent, options.stateDir, options.policy.capabilities);
    // After the last round the agent is let go: its remaining failures are logged as warnings.
    const failKind = result.decision === 'block' ? 'block' : 'warn';
    const verdicts: Verdict[] = result.checks.map((c) => ({
      capability: c.capability,
      kind: c.status === 'fail' ? failKind : 'pass',
      reason: [`${c.status}: ${c.summary}`, ...c.evidence.slice(0, 5)].join(' | '),
      micros: c.micros,
    }));
    appendDecisions(options.stateDir, verdicts.map((v) => record(input, event, v, now())));
    if (result.decision === 'block') return blockAnswer(result.reason);
    return result.reason ? contextAnswer(event, result.reason) : SILENT;
  }
  const run = runGates(input, agent, options.policy, options.modules, options.stateDir, now, options.deadlineMs ?? 4000);
  appendDecisions(options.stateDir, run.verdicts.map((v) => record(input, event, v, now())));
  if (event === 'PreToolUse') tellDecision(input, run.verdicts, options);
  return answerFor(event, run.verdicts);
}

/**
 * One hook call, start to finish, for an already JSON-parsed stdin. Calls that are not from a
 * kit agent return silently after bookkeeping; for a kit agent every failure is a deny.
 */
export async function runHook(eventArg: string, raw: unknown, options: RuntimeOptions): Promise<HookAnswer> {
  const now = options.now ?? (() => new Date());
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return hardFailure('kei-substrate: hook input must be one JSON object.');
  }
  const payload = raw as Record<string, unknown>;
  const agent = resolveAgent(options.policy, payload.agent_type);
  if (!isEvent(eventArg)) {
    return agent ? hardFailure(`kei-substrate: unknown hook event '${eventArg}'.`) : SILENT;
  }
  try {
    observe(eventArg, payload, options, now());
  } catch (error) {
    const problem = `bookkeeping failed (${(error as Error).message})`;
    if (agent) return failClosed(eventArg, problem);
    return { stdout: '', stderr: `kei-substrate: ${problem}`, exitCode: 0 };
  }
  if (!agent) return SILENT;
  const parsed = parseHookInput({ ...payload, hook_event_name: eventArg });
  if (!parsed.ok) return failClosed(eventArg, `the hook input does not have the expected shape (${parsed.problem})`);
  const shape = eventArg === 'PreToolUse' ? toolInputProblem(parsed.input.tool_name, parsed.input.tool_input) : undefined;
  if (shape) return failClosed(eventArg, `the hook input does not have the expected shape (${shape})`);
  try {
    return await governed(eventArg, parsed.input, agent, options, now);
  } catch (error) {
    return failClosed(eventArg, `internal error (${(error as Error).message})`);
  }
}
