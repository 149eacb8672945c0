import * as v from 'valibot';
import { HOOK_EVENTS } from '../schemas/hook-events.js';

/**
 * What Claude Code sends on stdin. Only the fields we rely on are typed; everything else is
 * tolerated (loose object) so newer Claude Code versions keep working. This schema runs on
 * every governed tool call, so it uses valibot (no measurable start-up cost) rather than zod,
 * whose bundle adds tens of milliseconds to each hook process; zod stays the source of truth
 * for the files we define (capabilities, roles, manifests, task specs).
 */
export const HookInputSchema = v.looseObject({
  hook_event_name: v.picklist(HOOK_EVENTS),
  session_id: v.string(),
  transcript_path: v.optional(v.string()),
  cwd: v.string(),
  agent_id: v.optional(v.string()),
  agent_type: v.optional(v.string()),
  tool_name: v.optional(v.string()),
  tool_input: v.optional(v.record(v.string(), v.unknown())),
  tool_use_id: v.optional(v.string()),
  tool_response: v.optional(v.unknown()),
  error: v.optional(v.string()),
  prompt: v.optional(v.string()),
  stop_hook_active: v.optional(v.boolean()),
  agent_transcript_path: v.optional(v.string()),
  last_assistant_message: v.optional(v.string()),
});

export type HookInput = v.InferOutput<typeof HookInputSchema>;

/** Validates hook input; on failure names the first offending field. */
export function parseHookInput(value: unknown): { ok: true; input: HookInput } | { ok: false; problem: string } {
  const result = v.safeParse(HookInputSchema, value);
  if (result.success) return { ok: true, input: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') || '(top level)';
  return { ok: false, problem: `${path}: ${issue.message}` };
}
