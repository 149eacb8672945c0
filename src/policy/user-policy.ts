import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
