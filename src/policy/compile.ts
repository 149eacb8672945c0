import { join } from 'node:path';
import type { Manifest } from '../schemas/manifest.js';
import type { Role } from '../schemas/role.js';
import { SourceError } from '../schemas/errors.js';
import type { AgentPolicy, PolicyBundle } from './bundle-types.js';
import { loadCapabilities, loadManifestEntries, loadRoles, type CapabilitySource } from './sources.js';

export interface PolicySources {
  capabilities: Map<string, CapabilitySource>;
  roles: Map<string, Role>;
  manifests: Map<string, Manifest>;
  /** Where each manifest came from, for error messages; absent: agents/manifests/<name>.yaml. */
  manifestFiles?: Map<string, string>;
}

/** Loads the kit's sources; `extraManifestDirs` (user manifests) override kit agents by name. */
export function loadSources(root: string, extraManifestDirs: string[] = []): PolicySources {
  const manifests = new Map<string, Manifest>();
  const manifestFiles = new Map<string, string>();
  const dirs: Array<[string, string | null]> = [[join(root, 'agents', 'manifests'), root], ...extraManifestDirs.map((d): [string, null] => [d, null])];
  for (const [dir, shownFrom] of dirs) {
    for (const [name, entry] of loadManifestEntries(dir, shownFrom)) {
      manifests.set(name, entry.manifest);
      manifestFiles.set(name, entry.file);
    }
  }
  return { capabilities: loadCapabilities(root), roles: loadRoles(root), manifests, manifestFiles };
}

function duplicates(list: string[]): string[] {
  return [...new Set(list.filter((item, i) => list.indexOf(item) !== i))];
}

function checkRole(role: Role, sources: PolicySources): void {
  for (const cap of role.capabilities) {
    if (!sources.capabilities.has(cap)) {
      throw new SourceError(`agents/roles/${role.name}.yaml`, [`capabilities: unknown capability '${cap}'`]);
    }
  }
}

/** Everything wrong with a manifest against its role and the other sources, as "key: expectation" lines. */
export function manifestProblems(manifest: Manifest, role: Role, sources: PolicySources): string[] {
  const problems: string[] = [];
  const allowed = role['allowed-tools'];
  for (const tool of manifest.tools) {
    if (!allowed.includes(tool)) problems.push(`tools: '${tool}' is not allowed for role '${role.name}' (allowed: ${allowed.join(', ')})`);
  }
  for (const cap of manifest.capabilities) {
    if (!sources.capabilities.has(cap)) problems.push(`capabilities: unknown capability '${cap}' (expected a folder capabilities/<category>/<name>/)`);
    else if (role.capabilities.includes(cap)) problems.push(`capabilities: '${cap}' is already in role '${role.name}'`);
  }
  for (const dup of duplicates(manifest.tools)) problems.push(`tools: '${dup}' is listed twice`);
  for (const dup of duplicates(manifest.capabilities)) problems.push(`capabilities: '${dup}' is listed twice`);
  for (const [key, list] of [['handoffs', manifest.handoffs], ['domain_out', manifest.domain_out ?? []]] as const) {
    for (const { target } of list) {
      if (!sources.manifests.has(target)) problems.push(`${key}: no manifest for target '${target}' (expected agents/manifests/${target}.yaml)`);
    }
  }
  return problems;
}

function compileAgent(manifest: Manifest, sources: PolicySources): AgentPolicy {
  const file = sources.manifestFiles?.get(manifest.name) ?? `agents/manifests/${manifest.name}.yaml`;
  const role = sources.roles.get(manifest.substrate_role);
  if (!role) throw new SourceError(file, [`substrate_role: no role file for '${manifest.substrate_role}'`]);
  const problems = manifestProblems(manifest, role, sources);
  if (problems.length > 0) throw new SourceError(file, problems);
  const capabilities = [...role.capabilities, ...manifest.capabilities];
  return {
    name: manifest.name,
    role: role.name,
    tools: [...manifest.tools],
    capabilities,
    bashReadOnly: role['bash-read-only'],
    reportName: manifest.name.toUpperCase(),
    defaultScope: manifest.default_scope
      ? { 'files-whitelist': manifest.default_scope['files-whitelist'], 'files-denylist': manifest.default_scope['files-denylist'] }
      : null,
  };
}

/** Compiles sources into the JSON bundle the hooks read. Deterministic: keys sorted. */
export function compilePolicy(sources: PolicySources): PolicyBundle {
  for (const role of sources.roles.values()) checkRole(role, sources);
  const agents: Record<string, AgentPolicy> = {};
  for (const name of [...sources.manifests.keys()].sort()) {
    agents[name] = compileAgent(sources.manifests.get(name)!, sources);
  }
  const capabilities: PolicyBundle['capabilities'] = {};
  for (const name of [...sources.capabilities.keys()].sort()) {
    capabilities[name] = sources.capabilities.get(name)!.meta;
  }
  return { version: 1, agents, capabilities };
}
