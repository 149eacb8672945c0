import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The Claude config dir to install into: --target, else $CLAUDE_CONFIG_DIR, else ~/.claude. */
export function resolveTarget(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.CLAUDE_CONFIG_DIR) return resolve(env.CLAUDE_CONFIG_DIR);
  return join(homedir(), '.claude');
}
