import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { writeFileAtomic } from '../state/files.js';
import { compilePolicy, loadSources } from './compile.js';

function hasUserManifests(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.yaml'));
}

/**
 * Keeps the hooks' view of the user's own agents current: with user manifests present, the
 * kit and those manifests are compiled into <state dir>/policy.json (which the hook prefers);
 * without them that file is removed so the kit's own policy applies.
 */
export function refreshUserPolicy(root: string, userManifestDir: string, stateDir: string): 'written' | 'removed' | 'none' {
  const file = join(stateDir, 'policy.json');
  if (!hasUserManifests(userManifestDir)) {
    if (!existsSync(file)) return 'none';
    rmSync(file, { force: true });
    return 'removed';
  }
  writeFileAtomic(file, JSON.stringify(compilePolicy(loadSources(root, [userManifestDir]))));
  return 'written';
}

/** The state dir the hooks of a Claude config dir use ($KEI_STATE_DIR wins, as in the hook). */
export function stateDirFor(configDir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return env.KEI_STATE_DIR || join(configDir ?? env.CLAUDE_CONFIG_DIR ?? join(homedir(), '.claude'), 'kei');
}
