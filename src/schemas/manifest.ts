import { z } from 'zod';
import { CAPABILITY_NAME } from './capability.js';

export const AGENT_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const BLOCK_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Blocks every agent carries: its baseline, how it grades evidence, and how it keeps memory. */
export const REQUIRED_BLOCKS = ['baseline', 'evidence-grading', 'memory-protocol'] as const;

const HandoffSchema = z.strictObject({
  target: z.string().regex(AGENT_NAME, 'an agent name (lower-case kebab, no path characters)'),
  trigger: z.string().min(1),
});

const ScopeSchema = z.strictObject({
  'files-whitelist': z.array(z.string().min(1)).default([]),
  'files-denylist': z.array(z.string().min(1)).default([]),
});

const ReferenceSchema = z.strictObject({
  /** A path or URL the agent should consult. */
  ref: z.string().min(1),
  /** What it is for. */
  note: z.string().min(1).optional(),
});

/** agents/manifests/<name>.yaml */
export const ManifestSchema = z
  .strictObject({
    name: z.string().regex(AGENT_NAME, 'lower-case kebab name, no path characters'),
    /** One line for the frontmatter; runs of white space (and newlines) become one space. */
    description: z.string().trim().min(1),
    tools: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a tool name such as Read or Bash')).min(1),
    model: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._\-[\]]*$/, 'a model alias or id such as opus'),
    substrate_role: z.enum(['read-only', 'edit-local']),
    /** Capabilities beyond the role's, in the order they are added. */
    capabilities: z.array(z.string().regex(CAPABILITY_NAME)).default([]),
    /** The ROLE section: who the agent is and the facts its job rests on (markdown). */
    role: z.string().trim().min(1),
    /** Shared blocks from agents/blocks/<name>.md, in this order, after the rule texts. */
    blocks: z.array(z.string().regex(BLOCK_NAME, 'a block name (lower-case kebab, no path characters)')).default([]),
    domain_in: z.array(z.string().min(1)).min(1),
    /** DOMAIN SCOPE "Out (hand off)"; omitted: the handoffs list. */
    domain_out: z.array(HandoffSchema).optional(),
    handoffs: z.array(HandoffSchema).min(1),
    forbidden: z.array(z.string().min(1)).min(1),
    /** Extra lines of the OUTPUT FORMAT block, between "Handoffs made:" and "Blockers / next:". */
    output_extra_fields: z.array(z.string().min(1)).default([]),
    /** REFERENCES beyond the baseline and memory index every agent gets. */
    references: z.array(ReferenceSchema).default([]),
    /** Used when no kei-task block binds a scope to a spawn of this agent. */
    default_scope: ScopeSchema.optional(),
  })
  .describe('An agent manifest: the single source its .md file and its enforcement are built from');

export type Manifest = z.infer<typeof ManifestSchema>;
