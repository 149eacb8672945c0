import { packageRoot } from '../package-root.js';
import { targetFlags } from '../target-flags.js';
import { planInstall } from '../../install/plan-install.js';
import { applyInstall } from '../../install/apply.js';
import { describeInstall } from '../../install/report.js';
import { userManifestDir } from '../../assemble/layout.js';
import { refreshUserPolicy, stateDirFor } from '../../policy/user-policy.js';

/** `kei install`: the kit agents into <target>/agents, our hook entries into <target>/settings.json. */
export async function run(args: string[], root: string = packageRoot()): Promise<number> {
  const flags = targetFlags(args, 'install');
  if (flags === 2) return 2;
  const plan = planInstall({ packageRoot: root, target: flags.target });
  if (plan.problems.length > 0) {
    process.stderr.write(describeInstall(plan, flags.dryRun));
    return 1;
  }
  const applied = flags.dryRun ? undefined : applyInstall(plan);
  // The hooks prefer <state>/policy.json; rebuild it so an upgrade never runs a stale policy.
  if (!flags.dryRun) refreshUserPolicy(root, userManifestDir(plan.target), stateDirFor(plan.target));
  process.stdout.write(describeInstall(plan, flags.dryRun, applied));
  return 0;
}
