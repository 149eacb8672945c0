import { parseArgs, UsageError } from './args.js';
import { resolveTarget } from '../install/target.js';

export interface TargetFlags {
  target: string;
  dryRun: boolean;
}

/** `--target <dir> --dry-run`, shared by install and uninstall; a usage error prints and gives 2. */
export function targetFlags(args: string[], command: string): TargetFlags | 2 {
  try {
    const { flags } = parseArgs(args, { target: 'string', 'dry-run': 'boolean' });
    return { target: resolveTarget(flags.target as string | undefined), dryRun: flags['dry-run'] === true };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kei ${command}: ${error.message}\nusage: kei ${command} [--target <claude config dir>] [--dry-run]\n`);
    return 2;
  }
}
