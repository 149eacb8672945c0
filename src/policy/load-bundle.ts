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

const isMap = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A file of the wrong shape throws like an unreadable one: `{}` or `"agents": []` must not
 * quietly make every agent ungoverned. Read by the hook dispatcher and the hook server per call.
 */
export function readPolicy(file: string): PolicyBundle {
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as Partial<PolicyBundle> | null;
  if (bundle?.version !== 1 || !isMap(bundle.agents) || !isMap(bundle.capabilities)) {
    throw new Error(`${file} is not a kei policy bundle (version 1 with agents and capabilities maps)`);
  }
  return bundle as PolicyBundle;
}
