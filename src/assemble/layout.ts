/**
 * Where the assembler reads and writes. Kept free of YAML and other heavy imports: the hook
 * runtime uses it to decide cheaply whether an edited file is a manifest at all.
 */
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { ManifestOrigin } from './types.js';

export const ROLES_DOC = join('docs', 'AGENT-ROLES.md');

export function kitManifestDir(root: string): string {
  return join(root, 'agents', 'manifests');
}

export function kitAgentPath(root: string, name: string): string {
  return join(root, 'agents', `${name}.md`);
}

/** The Claude config dir: $CLAUDE_CONFIG_DIR, else ~/.claude. */
export function resolveConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAUDE_CONFIG_DIR || join(homedir(), '.claude');
}

/** The user's own manifests (new agents, or overrides of kit agents by name). */
export function userManifestDir(configDir: string): string {
  return join(configDir, 'kei', 'manifests');
}

/** Where Claude Code reads the user's agents; user manifests are built here. */
export function userAgentPath(configDir: string, name: string): string {
  return join(configDir, 'agents', `${name}.md`);
}

/** How the generated-file notice names a manifest: never an absolute, machine-local path. */
export function manifestLabel(name: string, origin: ManifestOrigin): string {
  return origin === 'kit' ? `agents/manifests/${name}.yaml` : `kei/manifests/${name}.yaml in the Claude config dir`;
}

/** The origin a notice's manifest label speaks of, or null for a label that is not a manifest's. */
export function labelOrigin(label: string): ManifestOrigin | null {
  if (/^agents\/manifests\/[a-z0-9-]+\.yaml$/.test(label)) return 'kit';
  if (/^kei\/manifests\/[a-z0-9-]+\.yaml in the Claude config dir$/.test(label)) return 'user';
  return null;
}

export interface ManifestLocation {
  origin: ManifestOrigin;
  name: string;
}

/** Which agent an edited file is the manifest of, or null when it is not a manifest. */
export function manifestAt(filePath: string, where: { root: string; configDir?: string }): ManifestLocation | null {
  const file = resolve(filePath);
  if (!file.endsWith('.yaml')) return null;
  const name = basename(file, '.yaml');
  if (dirname(file) === resolve(kitManifestDir(where.root))) return { origin: 'kit', name };
  if (where.configDir && dirname(file) === resolve(userManifestDir(where.configDir))) return { origin: 'user', name };
  return null;
}
