import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyBundle } from './bundle-types.js';

/**
 * The compiled policy: the state dir's copy (written by `kei assemble` when the user keeps their
 * own manifests) wins over the one shipped next to the bundle.
 */
export function policyPath(stateDir: string, distDir: string): string {
  const user = join(stateDir, 'policy.json');
  return existsSync(user) ? user : join(distDir, 'policy.json');
}

export function readPolicy(file: string): PolicyBundle {
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as PolicyBundle;
  if (bundle?.version !== 1 || typeof bundle.agents !== 'object' || typeof bundle.capabilities !== 'object') {
    throw new Error(`${file} is not a kei policy bundle (version 1)`);
  }
  return bundle;
}
