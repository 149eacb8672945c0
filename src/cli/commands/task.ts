import { TaskSpecError } from '../../capabilities/types.js';
import { compilePolicy, loadSources } from '../../policy/compile.js';
import { resolveAgent } from '../../policy/resolve-agent.js';
import { withDefaultScope } from '../../policy/task-binding.js';
import { describeSpec } from '../../policy/task-spec/describe.js';
import { specFromFile } from '../../policy/task-spec/spec-file.js';
import type { TaskSpec } from '../../schemas/task-spec.js';
import { parseArgs, UsageError } from '../args.js';
import { packageRoot } from '../package-root.js';

const USAGE = `usage: kei task check <file> [--agent <name>] [<relative path>...]
  <file>    a YAML task spec, or a prompt/markdown file holding one \`\`\`kei-task block
  --agent   fill the lists the spec leaves out from that agent's default scope
  paths     show whether the scope allows each path (relative to the worktree root)`;

function readSpec(file: string): TaskSpec {
  try {
    return specFromFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new UsageError(`cannot read ${file} (${code})`);
    throw error;
  }
}

function withAgentDefaults(spec: TaskSpec, agentName: string | undefined): TaskSpec {
  if (agentName === undefined) return spec;
  const agent = resolveAgent(compilePolicy(loadSources(packageRoot())), agentName);
  if (!agent) throw new UsageError(`no kit agent named '${agentName}'`);
  return withDefaultScope(spec, agent);
}

function check(args: string[]): number {
  const parsed = parseArgs(args, { agent: 'string' });
  const [file, ...paths] = [...parsed.positionals, ...parsed.rest];
  if (file === undefined) throw new UsageError('missing <file>');
  const agent = typeof parsed.flags.agent === 'string' ? parsed.flags.agent : undefined;
  let spec: TaskSpec;
  try {
    spec = withAgentDefaults(readSpec(file), agent);
  } catch (error) {
    if (!(error instanceof TaskSpecError)) throw error;
    process.stderr.write(`kei task check: invalid task spec (${error.origin}): ${error.message}\n`);
    return 1;
  }
  process.stdout.write([`${file}: valid task spec`, ...describeSpec(spec, paths)].join('\n') + '\n');
  return 0;
}

/** `kei task check <file>`: validates a task spec and prints it resolved. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub !== 'check') throw new UsageError(sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`);
    return check(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kei task: ${error.message}\n${USAGE}\n`);
    return 2;
  }
}
