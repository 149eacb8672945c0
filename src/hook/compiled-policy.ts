import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyBundle } from '../policy/bundle-types.js';

const isMap = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The compiled policy in force: the state dir's copy wins over the one shipped in dist/. */
export function compiledPolicyFile(stateDir: string, distDir: string): string {
  const user = join(stateDir, 'policy.json');
  return existsSync(user) ? user : join(distDir, 'policy.json');
}

/**
 * A file of the wrong shape throws like an unreadable one: `{}` or `"agents": []` must not
 * quietly make every agent ungoverned.
 */
export function parseCompiledPolicy(file: string): PolicyBundle {
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as Partial<PolicyBundle> | null;
  if (bundle?.version !== 1 || !isMap(bundle.agents) || !isMap(bundle.capabilities)) {
    throw new Error(`${file} is not a kei policy bundle (version 1 with agents and capabilities maps)`);
  }
  return bundle as PolicyBundle;
}

/** Read by the hook dispatcher once per call. */
export function readCompiledPolicy(stateDir: string, distDir: string): PolicyBundle {
  return parseCompiledPolicy(compiledPolicyFile(stateDir, distDir));
}
