import { TaskSpecError } from '../../capabilities/types.js';
import { TaskSpecSchema, type TaskSpec } from '../../schemas/task-spec.js';
import { describeIssues } from '../../schemas/errors.js';
import { globProblem } from '../../paths/glob-check.js';
import { findKeiTaskBlocks, KEI_TASK_FENCE } from './block.js';

/** A task block is a few lines; a huge one is a mistake, and the bound keeps parsing cheap. */
const MAX_SPEC_CHARS = 64 * 1024;

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

/** Loaded on first use: hook calls answered from the binding cache never load the parser. */
function yaml(): YamlModule {
  yamlModule ??= require('yaml') as YamlModule;
  return yamlModule;
}

function readYaml(text: string, origin: string): unknown {
  try {
    return yaml().parse(text, { maxAliasCount: 50, uniqueKeys: true });
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    throw new TaskSpecError(`not valid YAML: ${first}`, origin);
  }
}

function globProblems(spec: TaskSpec): string[] {
  const problems: string[] = [];
  for (const field of ['files-whitelist', 'files-denylist'] as const) {
    spec.scope?.[field]?.forEach((glob, i) => {
      const problem = globProblem(glob);
      if (problem) problems.push(`scope.${field}.${i}: '${glob}' ${problem}`);
    });
  }
  return problems;
}

/** Parses and checks a task spec written in YAML; every problem names its field. */
export function parseTaskSpec(text: string, origin: string): TaskSpec {
  if (text.length > MAX_SPEC_CHARS) throw new TaskSpecError(`longer than ${MAX_SPEC_CHARS} characters`, origin);
  const data = readYaml(text, origin);
  if (data === null || data === undefined) throw new TaskSpecError('the spec is empty', origin);
  const result = TaskSpecSchema.safeParse(data);
  if (!result.success) throw new TaskSpecError(describeIssues(result.error).join('; '), origin);
  const problems = globProblems(result.data);
  if (problems.length > 0) throw new TaskSpecError(problems.join('; '), origin);
  return result.data;
}

/**
 * The spec in a prompt's ```kei-task block; undefined when the prompt has none. Two blocks are
 * an error: which one applies would be a guess.
 */
export function specFromPrompt(prompt: string, origin: string): TaskSpec | undefined {
  if (!prompt.includes(KEI_TASK_FENCE)) return undefined;
  const blocks = findKeiTaskBlocks(prompt);
  if (blocks.length === 0) return undefined;
  if (blocks.length > 1) {
    throw new TaskSpecError(`${blocks.length} kei-task blocks (lines ${blocks.map((b) => b.line).join(', ')}); give exactly one`, origin);
  }
  const block = blocks[0]!;
  return parseTaskSpec(block.body, `${origin}, kei-task block at line ${block.line}`);
}
