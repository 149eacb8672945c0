import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { TaskSpecSchema, type TaskSpec } from '../../schemas/task-spec.js';
import { describeIssues } from '../../schemas/errors.js';
import { VerifyEnvironmentError } from '../errors.js';

const FENCE = /^(`{3,}|~{3,})\s*kei-task\s*$/;

/** The body of the first ```kei-task fenced block, or undefined when the text has none. */
export function keiTaskBlock(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => FENCE.test(line.trim()));
  if (start === -1) return undefined;
  const fence = FENCE.exec(lines[start]!.trim())![1]!;
  const end = lines.findIndex((line, i) => i > start && line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '');
  return lines.slice(start + 1, end === -1 ? lines.length : end).join('\n');
}

/**
 * Reads a task spec for `kei verify`: a YAML file, or any text file (a prompt) holding a
 * ```kei-task block. A spec that does not parse or fails the schema is an error naming the field.
 */
export function loadTaskFile(file: string): TaskSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new VerifyEnvironmentError(`cannot read task spec ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const source = keiTaskBlock(text) ?? text;
  let value: unknown;
  try {
    value = parseYaml(source);
  } catch (error) {
    throw new VerifyEnvironmentError(`task spec ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = TaskSpecSchema.safeParse(value ?? {});
  if (!result.success) throw new VerifyEnvironmentError(`task spec ${file}: ${describeIssues(result.error).join('; ')}`);
  return result.data;
}
