import type { HookInput } from '../protocol/hook-input.js';
import type { HookEventName, CapabilityMeta } from '../schemas/capability.js';
import type { AgentPolicy } from '../policy/bundle-types.js';
import type { TaskSpec } from '../schemas/task-spec.js';
import type { ShellAnalysis } from '../shell/types.js';

/** Where the task spec of this call came from. */
export type TaskSource = 'transcript' | 'agent-call' | 'file' | 'manifest-default' | 'none';
export interface BoundTask {
  spec: TaskSpec | undefined;
  source: TaskSource;
  /** File or record the spec was read from, for messages. */
  origin?: string;
}

/** Everything a gate may look at for one hook call. Lazy parts are computed once per call. */
export interface GateContext {
  event: HookEventName;
  input: HookInput;
  toolName: string | undefined;
  toolInput: Record<string, unknown>;
  agent: AgentPolicy;
  capability: CapabilityMeta;
  stateDir: string;
  now(): Date;
  /** Analysis of tool_input.command (Bash calls). */
  shell(): ShellAnalysis;
  /** The task spec bound to this agent; throws TaskSpecError when it exists but cannot be used. */
  task(): BoundTask;
  /** Git top level of the call's cwd, or the cwd itself. */
  worktree(): string;
}

/**
 * A gate's answer. `message` is an id from capability.yaml `messages`; `data` fills its
 * placeholders. deny/ask decide PreToolUse; warn adds context the agent (and user) sees;
 * block stops a SubagentStop.
 */
export type GateOutcome =
  | { kind: 'pass' }
  | { kind: 'deny' | 'ask' | 'warn' | 'block'; message: string; data: Record<string, string | number> };

export interface VerifyContext {
  worktree: string;
  /** Base ref the changed set is measured against. */
  base: string;
  agent: AgentPolicy;
  capability: CapabilityMeta;
  task: TaskSpec | undefined;
  /** The agent's final report, when known. */
  report: string | undefined;
  signal: AbortSignal;
}

export interface VerifyOutcome {
  status: 'pass' | 'fail' | 'skipped';
  /** One line: why it failed or was skipped, or what passed. */
  summary: string;
  /** Offending files, lines, compiler tails, the test count line. */
  evidence: string[];
}

/** The logic half of a capability (the data half is capabilities/<category>/<name>/). */
export interface CapabilityModule {
  name: string;
  gate?(ctx: GateContext): GateOutcome | GateOutcome[];
  verify?(ctx: VerifyContext): Promise<VerifyOutcome>;
  /**
   * Session bookkeeping for events that come from the user, not from an agent (UserPromptSubmit
   * has no agent_type): called for every capability that binds the event. Must be cheap and
   * must never throw for input it does not care about.
   */
  observe?(input: HookInput, stateDir: string, now: Date): void;
  /**
   * Told the final PreToolUse decision of a call its gate saw, so bookkeeping done by the gate
   * (e.g. a launch's place under the daily cap) can be undone when another gate denied the call.
   */
  decided?(input: HookInput, stateDir: string, decision: 'deny' | 'ask' | 'pass'): void;
}

export class TaskSpecError extends Error {
  constructor(
    message: string,
    readonly origin: string,
  ) {
    super(message);
    this.name = 'TaskSpecError';
  }
}
