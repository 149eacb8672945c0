import { packageRoot } from '../package-root.js';
import { targetFlags } from '../target-flags.js';
import { planUninstall } from '../../install/plan-uninstall.js';
import { applyUninstall } from '../../install/apply.js';
import { describeUninstall } from '../../install/report.js';

/** `kei uninstall`: removes the hook entries and unchanged agents that install added. */
export async function run(args: string[], root: string = packageRoot()): Promise<number> {
  const flags = targetFlags(args, 'uninstall');
  if (flags === 2) return 2;
  const plan = planUninstall({ packageRoot: root, target: flags.target });
  const applied = flags.dryRun ? undefined : applyUninstall(plan);
  const text = describeUninstall(plan, flags.dryRun, applied);
  if (plan.problems.length > 0) {
    process.stderr.write(text);
    return 1;
  }
  process.stdout.write(text);
  return 0;
}
