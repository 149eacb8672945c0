import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { TaskSpecError } from '../../capabilities/types.js';
import type { TaskSpec } from '../../schemas/task-spec.js';
import { KEI_TASK_FENCE } from './block.js';
import { parseTaskSpec, specFromPrompt } from './parse.js';

const PROSE_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.prompt']);

/**
 * A spec from a file: the kei-task block of a prompt or markdown file, or the whole file as
 * YAML. Throws TaskSpecError (naming the field) when it is not a usable spec; read errors
 * propagate as they are.
 */
export function specFromFile(file: string): TaskSpec {
  const text = readFileSync(file, 'utf8');
  if (text.includes(KEI_TASK_FENCE)) {
    const spec = specFromPrompt(text, file);
    if (spec !== undefined) return spec;
  }
  if (PROSE_EXTENSIONS.has(extname(file).toLowerCase())) {
    throw new TaskSpecError(`no ${KEI_TASK_FENCE} block (a fence line holding only ${KEI_TASK_FENCE}) found`, file);
  }
  return parseTaskSpec(text, file);
}
