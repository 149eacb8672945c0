import { parseArgs, UsageError } from '../args.js';
import { packageRoot } from '../package-root.js';
import { planInstall } from '../../install/plan-install.js';
import { applyInstall } from '../../install/apply.js';
import { describeInstall } from '../../install/report.js';
import { resolveTarget } from '../../install/target.js';
import { userManifestDir } from '../../assemble/layout.js';
import { refreshUserPolicy, stateDirFor } from '../../policy/user-policy.js';

const USAGE = 'usage: kei install [--target <claude config dir>] [--dry-run]';

/** `kei install`: the kit agents into <target>/agents, our hook entries into <target>/settings.json. */
export async function run(args: string[], root: string = packageRoot()): Promise<number> {
  let flags;
  try {
    flags = parseArgs(args, { target: 'string', 'dry-run': 'boolean' }).flags;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kei install: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const dryRun = flags['dry-run'] === true;
  const plan = planInstall({ packageRoot: root, target: resolveTarget(flags.target as string | undefined) });
  if (plan.problems.length > 0) {
    process.stderr.write(describeInstall(plan, dryRun));
    return 1;
  }
  const applied = dryRun ? undefined : applyInstall(plan);
  // The hooks prefer <state>/policy.json; rebuild it so an upgrade never runs a stale policy.
  if (!dryRun) refreshUserPolicy(root, userManifestDir(plan.target), stateDirFor(plan.target));
  process.stdout.write(describeInstall(plan, dryRun, applied));
  return 0;
}
