import { parseArgs, UsageError } from '../args.js';
import { packageRoot } from '../package-root.js';
import { planUninstall } from '../../install/plan-uninstall.js';
import { applyUninstall } from '../../install/apply.js';
import { describeUninstall } from '../../install/report.js';
import { resolveTarget } from '../../install/target.js';

const USAGE = 'usage: kei uninstall [--target <claude config dir>] [--dry-run]';

/** `kei uninstall`: removes the hook entries and unchanged agents that install added. */
export async function run(args: string[], root: string = packageRoot()): Promise<number> {
  let flags;
  try {
    flags = parseArgs(args, { target: 'string', 'dry-run': 'boolean' }).flags;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kei uninstall: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const dryRun = flags['dry-run'] === true;
  const plan = planUninstall({ packageRoot: root, target: resolveTarget(flags.target as string | undefined) });
  const applied = dryRun ? undefined : applyUninstall(plan);
  const text = describeUninstall(plan, dryRun, applied);
  if (plan.problems.length > 0) {
    process.stderr.write(text);
    return 1;
  }
  process.stdout.write(text);
  return 0;
}
