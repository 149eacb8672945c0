import type { AgentPolicy } from '../policy/bundle-types.js';
import type { CapabilityMeta } from '../schemas/capability.js';
import type { TaskSpec } from '../schemas/task-spec.js';
import type { CapabilityModule, VerifyOutcome } from '../capabilities/types.js';
import { CAPABILITY_MODULES } from '../capabilities/registry.js';

export interface VerifyRequest {
  worktree: string;
  base: string;
  agent: AgentPolicy;
  task: TaskSpec | undefined;
  report: string | undefined;
  /** Capability metadata by name (from the policy bundle or the sources). */
  capabilities?: Record<string, CapabilityMeta>;
  modules?: ReadonlyMap<string, CapabilityModule>;
  signal?: AbortSignal;
}

export interface CheckResult extends VerifyOutcome {
  capability: string;
  ms: number;
}

/** Metadata for a capability the caller gave none for: enough for a verify, which only reads its name. */
function standIn(name: string): CapabilityMeta {
  return { name, title: name, description: name, hooks: [], params: [], verify: true, messages: {} };
}

async function runOne(name: string, module: CapabilityModule, req: VerifyRequest, signal: AbortSignal): Promise<CheckResult> {
  const started = performance.now();
  const capability = req.capabilities?.[name] ?? standIn(name);
  const ctx = { worktree: req.worktree, base: req.base, agent: req.agent, capability, task: req.task, report: req.report, signal };
  let outcome: VerifyOutcome;
  try {
    outcome = await module.verify!(ctx);
  } catch (error) {
    outcome = { status: 'fail', summary: `could not run: ${(error as Error).message}`, evidence: [] };
  }
  return { capability: name, ...outcome, ms: performance.now() - started };
}

/** The capabilities of an agent that check work on return, in the agent's order. */
export function verifiesOf(agent: AgentPolicy, modules: ReadonlyMap<string, CapabilityModule> = CAPABILITY_MODULES): string[] {
  return agent.capabilities.filter((name) => modules.get(name)?.verify !== undefined);
}

/**
 * Runs every verify of the agent's capabilities at once (the cargo ones queue behind each
 * other inside) and returns the results in the agent's capability order. A verify that
 * throws is a failure, never a pass.
 */
export async function runVerifies(req: VerifyRequest): Promise<CheckResult[]> {
  const modules = req.modules ?? CAPABILITY_MODULES;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const names = verifiesOf(req.agent, modules);
    return await Promise.all(names.map((name) => runOne(name, modules.get(name)!, req, controller.signal)));
  } finally {
    req.signal?.removeEventListener('abort', onAbort);
  }
}
