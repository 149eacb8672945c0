import { loadSources } from '../policy/compile.js';
import { loadBlocks, loadManifestEntries } from '../policy/sources.js';
import type { AssemblySources } from './types.js';
import { userManifestDir } from './layout.js';

/** The kit's own sources: its manifests, roles, capabilities and blocks (nothing machine-local). */
export function loadKitSources(root: string): AssemblySources {
  return { ...loadSources(root), blocks: loadBlocks(root), origins: new Map() };
}

/** The kit's sources with the user's manifests laid over them (a user manifest wins by name). */
export function withUserManifests(kit: AssemblySources, configDir: string): AssemblySources {
  const manifests = new Map(kit.manifests);
  const manifestFiles = new Map(kit.manifestFiles);
  const origins = new Map(kit.origins);
  for (const [name, entry] of loadManifestEntries(userManifestDir(configDir), null)) {
    manifests.set(name, entry.manifest);
    manifestFiles.set(name, entry.file);
    origins.set(name, 'user');
  }
  return { ...kit, manifests, manifestFiles, origins };
}

/** Names of the user's manifests (empty when the folder does not exist). */
export function userManifestNames(sources: AssemblySources): string[] {
  return [...sources.origins].filter(([, origin]) => origin === 'user').map(([name]) => name).sort();
}
