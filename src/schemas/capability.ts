import { z } from 'zod';

import { HOOK_EVENTS, type HookEventName } from './hook-events.js';

export { HOOK_EVENTS, type HookEventName };
export const HookEventSchema = z.enum(HOOK_EVENTS);

export const CAPABILITY_NAME = /^[a-z][a-z0-9-]*::[a-z][a-z0-9-]*$/;

const HookBindingSchema = z.strictObject({
  event: HookEventSchema,
  /** Tool names this binding applies to; omitted = every tool (or a tool-less event). */
  tools: z.array(z.string().min(1)).optional(),
});

/** capabilities/<category>/<name>/capability.yaml */
export const CapabilitySchema = z
  .strictObject({
    name: z.string().regex(CAPABILITY_NAME, 'expected <category>::<name> in lower-case kebab'),
    title: z.string().min(1),
    description: z.string().min(1),
    /** The hook events (and tools) whose calls reach this capability's gate. */
    hooks: z.array(HookBindingSchema).default([]),
    /** Task-spec keys (dotted, e.g. scope.files-whitelist) this capability reads. */
    params: z.array(z.string().min(1)).default([]),
    /** True when the capability checks an agent's work on return (SubagentStop / kei verify). */
    verify: z.boolean().default(false),
    /** Message templates by id; {placeholders} are filled from the gate's data. */
    messages: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.string().min(1)).default({}),
  })
  .describe('A capability: one rule an agent reads, with the gate and verify that enforce it');

export type CapabilityMeta = z.infer<typeof CapabilitySchema>;
