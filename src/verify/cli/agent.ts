import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentPolicy, PolicyBundle } from '../../policy/bundle-types.js';
import type { CapabilityMeta } from '../../schemas/capability.js';
import type { TaskSpec } from '../../schemas/task-spec.js';
import { compilePolicy, loadSources } from '../../policy/compile.js';
import { loadRoles, loadCapabilities } from '../../policy/sources.js';
import { policyPath, readPolicy } from '../../policy/load-bundle.js';
import { agentNameOf } from '../../policy/resolve-agent.js';
import { resolveStateDir } from '../../state/state-dir.js';
import { VerifyEnvironmentError } from '../errors.js';

export interface VerifyPolicy {
  agent: AgentPolicy;
  capabilities: Record<string, CapabilityMeta>;
}

/** Policies to look an agent up in: the kit's sources first, then the compiled bundle (user manifests). */
function bundles(root: string): PolicyBundle[] {
  const found: PolicyBundle[] = [];
  try {
    found.push(compilePolicy(loadSources(root)));
  } catch {
    // Sources that do not compile: the compiled bundle may still know the agent.
  }
  const compiled = policyPath(resolveStateDir(), join(root, 'dist'));
  if (existsSync(compiled)) found.push(readPolicy(compiled));
  return found;
}

function namedAgent(root: string, name: string): VerifyPolicy {
  const wanted = agentNameOf(name) ?? name;
  const all = bundles(root);
  for (const bundle of all) {
    const agent = bundle.agents[wanted];
    if (agent && Object.prototype.hasOwnProperty.call(bundle.agents, wanted)) return { agent, capabilities: bundle.capabilities };
  }
  const known = [...new Set(all.flatMap((b) => Object.keys(b.agents)))].sort();
  throw new VerifyEnvironmentError(`unknown agent '${name}' (known: ${known.join(', ') || 'none'})`);
}

/** An agent standing for a bare role (from the task spec's `role:`), with no report block. */
function roleAgent(root: string, roleName: NonNullable<TaskSpec['role']>): VerifyPolicy {
  const role = loadRoles(root).get(roleName);
  if (!role) throw new VerifyEnvironmentError(`no role file agents/roles/${roleName}.yaml`);
  const capabilities = Object.fromEntries([...loadCapabilities(root)].map(([name, source]) => [name, source.meta]));
  const agent: AgentPolicy = {
    name: `role ${role.name}`,
    role: role.name,
    tools: role['allowed-tools'],
    capabilities: role.capabilities,
    bashReadOnly: role['bash-read-only'],
    reportName: '',
    defaultScope: null,
  };
  return { agent, capabilities };
}

/** Whose verifies run: the --agent named, else the role the task spec names. */
export function verifyPolicy(root: string, agentName: string | undefined, task: TaskSpec | undefined): VerifyPolicy {
  if (agentName) return namedAgent(root, agentName);
  if (task?.role) return roleAgent(root, task.role);
  throw new VerifyEnvironmentError("say whose work this is: --agent <name>, or 'role:' in the task spec");
}
