import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentPolicy, PolicyBundle } from '../../src/policy/bundle-types.js';
import { loadCapabilities } from '../../src/policy/sources.js';
import { REPO_ROOT, testAgent } from './gate.js';

/** A policy bundle with the real capability data and the given agents (tests need no manifests). */
export function testPolicy(agents: AgentPolicy[] = [testAgent()]): PolicyBundle {
  const capabilities: PolicyBundle['capabilities'] = {};
  for (const [name, source] of loadCapabilities(REPO_ROOT)) capabilities[name] = source.meta;
  return { version: 1, agents: Object.fromEntries(agents.map((a) => [a.name, a])), capabilities };
}

/** Writes the bundle where the hook process looks first: $KEI_STATE_DIR/policy.json. */
export function installTestPolicy(stateDir: string, policy: PolicyBundle = testPolicy()): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, 'policy.json'), JSON.stringify(policy));
}
