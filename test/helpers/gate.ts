/**
 * CapabilityTester: builds a real GateContext for a payload and runs one capability's gate,
 * returning each outcome with its formatted reason. Tests assert the decision, the message id,
 * its data and the text the agent reads.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AgentPolicy } from '../../src/policy/bundle-types.js';
import type { HookInput } from '../../src/protocol/hook-input.js';
import type { BoundTask, GateOutcome } from '../../src/capabilities/types.js';
import { loadCapabilities } from '../../src/policy/sources.js';
import { CAPABILITY_MODULES } from '../../src/capabilities/registry.js';
import { createCallFacts, createGateContext } from '../../src/hook/context.js';
import { formatMessage } from '../../src/protocol/format-message.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

let capabilityCache: ReturnType<typeof loadCapabilities> | undefined;
export function capabilityMeta(name: string) {
  capabilityCache ??= loadCapabilities(REPO_ROOT);
  const source = capabilityCache.get(name);
  if (!source) throw new Error(`no capability ${name} in capabilities/`);
  return source.meta;
}

export function testAgent(overrides: Partial<AgentPolicy> = {}): AgentPolicy {
  return {
    name: 'kei-modal-runner',
    role: 'edit-local',
    tools: ['Glob', 'Grep', 'Read', 'Edit', 'Write', 'Bash', 'Agent'],
    capabilities: [],
    bashReadOnly: false,
    reportName: 'KEI-MODAL-RUNNER',
    defaultScope: null,
    ...overrides,
  };
}

export function tempDir(prefix = 'kei-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface GateCall {
  capability: string;
  toolName?: string;
  toolInput?: Record<string, unknown>;
  event?: HookInput['hook_event_name'];
  input?: Partial<HookInput>;
  agent?: AgentPolicy;
  stateDir?: string;
  cwd?: string;
  /** Overrides task binding (otherwise the real binding runs). */
  task?: BoundTask;
  now?: Date;
}

export interface FormattedOutcome {
  kind: GateOutcome['kind'];
  message?: string;
  data?: Record<string, string | number>;
  reason?: string;
}

export function hookInput(call: Omit<GateCall, 'capability'>): HookInput {
  const agent = call.agent ?? testAgent();
  return {
    hook_event_name: call.event ?? 'PreToolUse',
    session_id: 'sess-test',
    cwd: call.cwd ?? process.cwd(),
    agent_id: 'a0000000000000001',
    agent_type: agent.name,
    tool_name: call.toolName ?? 'Bash',
    tool_input: call.toolInput ?? {},
    tool_use_id: 'toolu_test',
    ...call.input,
  } as HookInput;
}

/** Runs one capability's gate on a payload; every outcome comes back with its reason text. */
export function runGate(call: GateCall): FormattedOutcome[] {
  const module = CAPABILITY_MODULES.get(call.capability);
  if (!module?.gate) throw new Error(`${call.capability} has no gate`);
  const agent = call.agent ?? testAgent();
  const meta = capabilityMeta(call.capability);
  const stateDir = call.stateDir ?? tempDir();
  const input = hookInput(call);
  const facts = createCallFacts(input, agent, stateDir);
  if (call.task) facts.task = () => call.task!;
  const ctx = createGateContext(input, agent, meta, stateDir, facts, () => call.now ?? new Date());
  const raw = module.gate(ctx);
  const outcomes = Array.isArray(raw) ? raw : [raw];
  return outcomes.map((o) =>
    o.kind === 'pass' ? { kind: 'pass' } : { kind: o.kind, message: o.message, data: o.data, reason: formatMessage(meta, o.message, o.data) },
  );
}

/** The strongest decision of a gate run: deny > ask > block > warn > pass. */
export function decisionOf(outcomes: FormattedOutcome[]): FormattedOutcome {
  const rank = { deny: 4, ask: 3, block: 2, warn: 1, pass: 0 } as const;
  return outcomes.reduce((best, o) => (rank[o.kind] > rank[best.kind] ? o : best), { kind: 'pass' } as FormattedOutcome);
}
