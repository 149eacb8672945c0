import type { AgentPolicy, PolicyBundle } from './bundle-types.js';

/**
 * The kit agent a hook call belongs to, from its agent_type alone. Plugin agents arrive as
 * `<plugin>:<name>` (or `<plugin>:<folder>:<name>`), so the last segment is the agent's name.
 */
export function agentNameOf(agentType: unknown): string | undefined {
  if (typeof agentType !== 'string' || agentType === '') return undefined;
  const colon = agentType.lastIndexOf(':');
  return colon === -1 ? agentType : agentType.slice(colon + 1);
}

export function resolveAgent(bundle: PolicyBundle, agentType: unknown): AgentPolicy | undefined {
  const name = agentNameOf(agentType);
  if (name === undefined || !Object.prototype.hasOwnProperty.call(bundle.agents, name)) return undefined;
  return bundle.agents[name];
}
