import { parseArgs, UsageError } from '../args.js';
import { packageRoot } from '../package-root.js';
import { resolveTarget } from '../../install/target.js';
import { runDoctor } from '../../doctor/doctor.js';
import { renderLines } from '../../doctor/check.js';

const USAGE = 'usage: kei doctor [--target <claude config dir>]';

/** `kei doctor`: one OK/WARN/FAIL line per check, each failure with its fix; exit 1 on any FAIL. */
export async function run(args: string[], root: string = packageRoot(), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let target: string;
  try {
    const { flags } = parseArgs(args, { target: 'string' });
    target = resolveTarget(flags.target as string | undefined, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kei doctor: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const lines = await runDoctor({ target, packageRoot: root, env });
  process.stdout.write(`kei doctor: ${target}\n${renderLines(lines)}`);
  return lines.some((l) => l.status === 'FAIL') ? 1 : 0;
}
