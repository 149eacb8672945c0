import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where kei keeps its state. KEI_STATE_DIR wins (tests use temp dirs); otherwise it lives in
 * the Claude config dir, next to the settings that run our hooks.
 */
export function resolveStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KEI_STATE_DIR) return env.KEI_STATE_DIR;
  const config = env.CLAUDE_CONFIG_DIR || join(homedir(), '.claude');
  return join(config, 'kei');
}
