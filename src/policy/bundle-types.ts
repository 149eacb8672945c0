import type { CapabilityMeta } from '../schemas/capability.js';

/** One governed agent, compiled from its manifest and role. */
export interface AgentPolicy {
  name: string;
  role: 'read-only' | 'edit-local';
  tools: string[];
  /** Role order first, then the manifest's additions. */
  capabilities: string[];
  bashReadOnly: boolean;
  /** `=== <reportName> REPORT ===` heads the agent's report. */
  reportName: string;
  defaultScope: { 'files-whitelist': string[]; 'files-denylist': string[] } | null;
}

/** dist/policy.json: everything a hook needs, so no YAML is parsed on the hot path. */
export interface PolicyBundle {
  version: 1;
  agents: Record<string, AgentPolicy>;
  capabilities: Record<string, CapabilityMeta>;
}
