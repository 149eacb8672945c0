import { join } from 'node:path';
import { assembleAgent } from './agent.js';
import { renderRolesDoc } from './roles-doc.js';
import { kitAgentPath, ROLES_DOC, userAgentPath } from './layout.js';
import { loadKitSources, userManifestNames, withUserManifests } from './load.js';
import { validateSources } from './validate.js';
import type { AssembleOptions, AssemblySources } from './types.js';

/** A requested agent has no manifest in the kit or the user's folder. */
export class UnknownAgentError extends Error {
  constructor(readonly names: string[]) {
    super(`no manifest for ${names.map((n) => `'${n}'`).join(', ')} (looked in agents/manifests/ and <Claude config dir>/kei/manifests/)`);
    this.name = 'UnknownAgentError';
  }
}

interface LoadedSources {
  kit: AssemblySources;
  user: AssemblySources | null;
}

function loadChecked(root: string, configDir: string | undefined): LoadedSources {
  const kit = loadKitSources(root);
  validateSources(kit);
  if (!configDir) return { kit, user: null };
  const user = withUserManifests(kit, configDir);
  validateSources(user, userManifestNames(user));
  return { kit, user };
}

function checkNames(wanted: string[] | undefined, { kit, user }: LoadedSources): void {
  const unknown = (wanted ?? []).filter((n) => !kit.manifests.has(n) && !(user && userManifestNames(user).includes(n)));
  if (unknown.length > 0) throw new UnknownAgentError(unknown);
}

/**
 * Every file the sources produce, by absolute path: the kit's agents/<name>.md and
 * docs/AGENT-ROLES.md under root (from kit manifests only, so the kit's output never depends
 * on the machine), and, with a config dir, <configDir>/agents/<name>.md for each of the user's
 * own manifests. Throws AssembleSourceError or UnknownAgentError; writes nothing.
 */
export function assembleAll(root: string, opts: AssembleOptions = {}): Map<string, string> {
  const loaded = loadChecked(root, opts.configDir);
  checkNames(opts.names, loaded);
  const wanted = (name: string): boolean => !opts.names || opts.names.includes(name);
  const out = new Map<string, string>();
  const kitNames = [...loaded.kit.manifests.keys()].sort().filter(wanted);
  for (const name of kitNames) out.set(kitAgentPath(root, name), assembleAgent(name, loaded.kit));
  if (!opts.names || kitNames.length > 0) out.set(join(root, ROLES_DOC), renderRolesDoc(loaded.kit));
  if (loaded.user && opts.configDir) {
    for (const name of userManifestNames(loaded.user).filter(wanted)) {
      out.set(userAgentPath(opts.configDir, name), assembleAgent(name, loaded.user));
    }
  }
  return out;
}

/**
 * What a Claude config dir's agents/ should hold: every kit agent and every user agent, a
 * user manifest replacing the kit agent of the same name. For installing the kit by copy.
 */
export function assembleForConfigDir(root: string, configDir: string): Map<string, string> {
  const { user } = loadChecked(root, configDir);
  const sources = user!;
  const out = new Map<string, string>();
  for (const name of [...sources.manifests.keys()].sort()) out.set(userAgentPath(configDir, name), assembleAgent(name, sources));
  return out;
}
