import { TaskSpecError } from '../../capabilities/types.js';
import type { TaskSpec } from '../../schemas/task-spec.js';
import { specFromFile } from '../../policy/task-spec/spec-file.js';
import { VerifyEnvironmentError } from '../errors.js';

/**
 * Reads a task spec for `kei verify` the way task binding reads one: a YAML file, or a prompt
 * or markdown file holding a kei-task block. Any problem is an environment error (exit 2)
 * naming the file and the field.
 */
export function loadTaskFile(file: string): TaskSpec {
  try {
    return specFromFile(file);
  } catch (error) {
    if (error instanceof TaskSpecError) throw new VerifyEnvironmentError(`task spec ${error.origin}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new VerifyEnvironmentError(`cannot read task spec ${file}: ${code ?? (error as Error).message}`);
  }
}
