import type { HookInput } from '../protocol/hook-input.js';
import type { AgentPolicy, PolicyBundle } from '../policy/bundle-types.js';
import type { CapabilityModule, GateOutcome } from '../capabilities/types.js';
import { TaskSpecError } from '../capabilities/types.js';
import { formatMessage } from '../protocol/format-message.js';
import { binds } from './binding.js';
import { createCallFacts, createGateContext } from './context.js';

/** One capability's verdict on one call, with the text the agent will read. */
export interface Verdict {
  capability: string;
  kind: GateOutcome['kind'] | 'error';
  reason: string;
  micros: number;
}

export interface GateRun {
  verdicts: Verdict[];
}

function elapsedMicros(start: bigint): number {
  return Number((process.hrtime.bigint() - start) / 1000n);
}

function failureReason(capability: string, error: unknown): string {
  if (error instanceof TaskSpecError) {
    return `the task spec (${error.origin}) cannot be used: ${error.message}. Fix the kei-task block, or ask the orchestrator to re-spawn you with a valid one.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `internal error in ${capability} (${message}); kei-substrate blocks the call rather than let it through unchecked. Try a simpler call, or report this.`;
}

function toVerdicts(capability: string, raw: GateOutcome | GateOutcome[], meta: PolicyBundle['capabilities'][string], micros: number): Verdict[] {
  const outcomes = Array.isArray(raw) ? raw : [raw];
  const verdicts: Verdict[] = [];
  for (const o of outcomes) {
    if (o.kind !== 'pass') verdicts.push({ capability, kind: o.kind, reason: formatMessage(meta, o.message, o.data), micros });
  }
  return verdicts.length > 0 ? verdicts : [{ capability, kind: 'pass', reason: '', micros }];
}

/**
 * Runs every capability of the agent that binds this event and tool, in role order. Any throw
 * becomes an 'error' verdict (fail closed); a call that outlives the deadline stops early.
 */
export function runGates(
  input: HookInput,
  agent: AgentPolicy,
  policy: PolicyBundle,
  modules: ReadonlyMap<string, CapabilityModule>,
  stateDir: string,
  now: () => Date,
  deadlineMs: number,
): GateRun {
  const started = Date.now();
  const facts = createCallFacts(input, agent, stateDir);
  const verdicts: Verdict[] = [];
  for (const name of agent.capabilities) {
    const meta = policy.capabilities[name];
    if (!meta) {
      verdicts.push({ capability: name, kind: 'error', reason: `capability ${name} is missing from the compiled policy; rebuild and reinstall kei-substrate.`, micros: 0 });
      continue;
    }
    if (!binds(meta, input.hook_event_name, input.tool_name)) continue;
    const start = process.hrtime.bigint();
    try {
      const module = modules.get(name);
      if (!module?.gate) throw new Error(`no gate is built for ${name}`);
      const ctx = createGateContext(input, agent, meta, stateDir, facts, now);
      verdicts.push(...toVerdicts(name, module.gate(ctx), meta, elapsedMicros(start)));
    } catch (error) {
      verdicts.push({ capability: name, kind: 'error', reason: failureReason(name, error), micros: elapsedMicros(start) });
    }
    if (Date.now() - started > deadlineMs) {
      verdicts.push({ capability: 'runtime', kind: 'error', reason: `checks took longer than ${deadlineMs} ms; the call is blocked. Split it into smaller calls.`, micros: 0 });
      break;
    }
  }
  return { verdicts };
}
