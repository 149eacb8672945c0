import type { PolicySources } from '../policy/compile.js';

/** Where an agent's manifest lives: the kit (agents/manifests/) or the user's Claude config dir. */
export type ManifestOrigin = 'kit' | 'user';

/** Everything an agent file is built from. */
export interface AssemblySources extends PolicySources {
  /** agents/blocks/<name>.md, by name. */
  blocks: Map<string, string>;
  /** Per manifest name; absent means kit. */
  origins: Map<string, ManifestOrigin>;
}

export interface AssembleOptions {
  /** The Claude config dir whose kei/manifests/ holds the user's own manifests; omitted: none. */
  configDir?: string;
  /** Only these agents (and the roles table when a kit agent is among them); omitted: all. */
  names?: string[];
}

/** A generated file that does not match what its sources produce. */
export interface StaleFile {
  path: string;
  /** differs: content differs; missing: not on disk; orphan: generated from a manifest that is gone. */
  reason: 'differs' | 'missing' | 'orphan';
}
