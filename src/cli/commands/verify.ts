import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TaskSpec } from '../../schemas/task-spec.js';
import { parseArgs, UsageError } from '../args.js';
import { packageRoot } from '../package-root.js';
import { gitTopLevel, resolveCommit } from '../../verify/git.js';
import { defaultBaseRef } from '../../verify/base-ref.js';
import { VerifyEnvironmentError } from '../../verify/errors.js';
import { loadTaskFile } from '../../verify/cli/task-file.js';
import { verifyPolicy, type VerifyPolicy } from '../../verify/cli/agent.js';
import { runVerifies, verifiesOf } from '../../verify/runner.js';
import { formatTable, overall } from '../../verify/cli/table.js';
import { SourceError } from '../../schemas/errors.js';
import { withDefaultScope } from '../../policy/task-binding.js';

const USAGE = `usage: kei verify [--worktree <dir>] [--agent <name>] [--task <spec>] [--base <ref>] [--report <file>|-] [--json]
  Runs every verify of the agent's role against the worktree's change and prints a table.
  --worktree  the agent's worktree (default: the current directory)
  --agent     whose rules apply (default: the role named in the task spec)
  --task      task spec: YAML, or a file holding a kei-task block (default: <worktree>/.kei/task.yaml)
  --base      ref the change is measured against (default: the branch the worktree came from, else main)
  --report    the agent's final report, from a file or '-' for stdin
  --json      print the results as JSON
Exit: 0 all passed (or skipped), 1 a check failed, 2 usage or environment error.
`;

const SPEC = { worktree: 'string', agent: 'string', task: 'string', base: 'string', report: 'string', json: 'boolean', help: 'boolean' } as const;
/** Verifies that read only the report and never need git. */
const REPORT_ONLY = new Set(['output::report-format', 'output::severity-grade']);

function readTask(flag: string | undefined, worktree: string): TaskSpec | undefined {
  if (flag) return loadTaskFile(resolve(flag));
  const file = join(worktree, '.kei', 'task.yaml');
  return existsSync(file) ? loadTaskFile(file) : undefined;
}

function readReport(flag: string | undefined): string | undefined {
  if (flag === undefined) return undefined;
  try {
    return readFileSync(flag === '-' ? 0 : resolve(flag), 'utf8');
  } catch (error) {
    throw new VerifyEnvironmentError(`cannot read report ${flag}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

async function checkBase(worktree: string, base: string, policy: VerifyPolicy): Promise<void> {
  if (verifiesOf(policy.agent).every((name) => REPORT_ONLY.has(name))) return;
  if (!(await resolveCommit(worktree, base))) throw new VerifyEnvironmentError(`base ref '${base}' does not name a commit in ${worktree}; give one with --base`);
}

async function verify(flags: Record<string, string | boolean>): Promise<number> {
  const dir = resolve(typeof flags.worktree === 'string' ? flags.worktree : '.');
  const worktree = await gitTopLevel(dir);
  if (!worktree) throw new VerifyEnvironmentError(`${dir} is not inside a git work tree`);
  const task = readTask(flags.task as string | undefined, worktree);
  const policy = verifyPolicy(packageRoot(), flags.agent as string | undefined, task);
  const spec = task ? withDefaultScope(task, policy.agent) : policy.agent.defaultScope ? { scope: policy.agent.defaultScope } : undefined;
  const base = typeof flags.base === 'string' ? flags.base : await defaultBaseRef(worktree);
  await checkBase(worktree, base, policy);
  const report = readReport(flags.report as string | undefined);
  const results = await runVerifies({ worktree, base, agent: policy.agent, task: spec, report, capabilities: policy.capabilities });
  const failed = results.some((r) => r.status === 'fail');
  if (flags.json) {
    process.stdout.write(JSON.stringify({ worktree, base, agent: policy.agent.name, ok: !failed, results }, null, 2) + '\n');
  } else {
    process.stdout.write(`kei verify: ${policy.agent.name} in ${worktree} against ${base}\n\n${formatTable(results)}\n${overall(results)}`);
  }
  return failed ? 1 : 0;
}

/** `kei verify`: checks an agent's work in its worktree, as the SubagentStop hook does on return. */
export async function run(args: string[]): Promise<number> {
  try {
    const { flags, positionals } = parseArgs(args, SPEC);
    if (flags.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    return await verify(flags);
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`kei verify: ${error.message}\n${USAGE}`);
    else if (error instanceof VerifyEnvironmentError || error instanceof SourceError) process.stderr.write(`kei verify: ${error.message}\n`);
    else throw error;
    return 2;
  }
}
