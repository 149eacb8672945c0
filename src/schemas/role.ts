import { z } from 'zod';
import { CAPABILITY_NAME } from './capability.js';

/** agents/roles/<role>.yaml */
export const RoleSchema = z
  .strictObject({
    name: z.enum(['read-only', 'edit-local']),
    description: z.string().min(1),
    /** Ordered: this is the order of the rule texts in the agent file and of the gates. */
    capabilities: z.array(z.string().regex(CAPABILITY_NAME)).min(1),
    /** The ceiling: a manifest may list only these tools. */
    'allowed-tools': z.array(z.string().min(1)).min(1),
    /** When true, Bash may only run commands that change nothing. */
    'bash-read-only': z.boolean(),
  })
  .describe('A substrate role: the capabilities and tool ceiling shared by its agents');

export type Role = z.infer<typeof RoleSchema>;
