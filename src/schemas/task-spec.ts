import { z } from 'zod';

/** The task an orchestrator hands a subagent in a ```kei-task block (or .kei/task.yaml). */
export const TaskSpecSchema = z
  .strictObject({
    role: z.enum(['read-only', 'edit-local']).optional(),
    scope: z
      .strictObject({
        'files-whitelist': z.array(z.string().min(1)).optional(),
        'files-denylist': z.array(z.string().min(1)).optional(),
      })
      .optional(),
    verification: z
      .strictObject({
        'cargo-check-crates': z.array(z.string().min(1)).optional(),
        'cargo-test-crates': z.array(z.string().min(1)).optional(),
        'test-count-min': z.number().int().nonnegative().optional(),
      })
      .optional(),
    output: z
      .strictObject({
        'report-fields-required': z.array(z.string().min(1)).optional(),
      })
      .optional(),
  })
  .describe('kei-task: the scope, verification and report contract of one subagent task');

export type TaskSpec = z.infer<typeof TaskSpecSchema>;
