import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sha256, type InstallRecord } from './record.js';
import { readStamp } from '../assemble/notice.js';
import { labelOrigin } from '../assemble/layout.js';

/** One generated kit agent shipped in the package's agents/ folder. */
export interface KitAgent {
  file: string;
  bytes: Buffer;
  sha: string;
}

/** The kit agents: agents/*.md at the package root (manifests, roles and blocks live in sub-folders). */
export function kitAgents(packageRoot: string): KitAgent[] {
  const dir = join(packageRoot, 'agents');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => e.name)
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, bytes, sha: sha256(bytes) };
    });
}

export type CopyKind = 'add' | 'update' | 'same' | 'user-override' | 'conflict';
export interface CopyAction {
  agent: KitAgent;
  kind: CopyKind;
}

function currentSha(file: string): string | undefined {
  return existsSync(file) ? sha256(readFileSync(file)) : undefined;
}

/** True for an agent `kei assemble` built from the user's own manifest (an override of a kit agent). */
export function builtFromUserManifest(file: string): boolean {
  const stamp = readStamp(readFileSync(file, 'utf8'));
  return stamp !== null && labelOrigin(stamp.source) === 'user';
}

/**
 * What to do with each kit agent. A file we wrote earlier and nobody changed since is updated;
 * one built from the user's own manifest is kept; any other file of the same name is the
 * user's and is never overwritten (a conflict).
 */
export function planAgentCopy(kit: KitAgent[], agentsDir: string, record: InstallRecord | undefined): CopyAction[] {
  return kit.map((agent) => {
    const sha = currentSha(join(agentsDir, agent.file));
    if (sha === undefined) return { agent, kind: 'add' };
    if (sha === agent.sha) return { agent, kind: 'same' };
    if (record?.agents[agent.file] === sha) return { agent, kind: 'update' };
    return { agent, kind: builtFromUserManifest(join(agentsDir, agent.file)) ? 'user-override' : 'conflict' };
  });
}

const SAFE_AGENT_FILE = /^[A-Za-z0-9_][A-Za-z0-9._-]*\.md$/;

export type RemoveKind = 'remove' | 'keep-changed' | 'missing';
export interface RemoveAction {
  file: string;
  kind: RemoveKind;
}

/**
 * Which agents uninstall deletes: those whose bytes are still what install wrote (per the record,
 * or the package's own copy when there is no record). Changed files stay, and are reported.
 */
export function planAgentRemoval(kit: KitAgent[], agentsDir: string, record: InstallRecord | undefined): RemoveAction[] {
  const listed: [string, string][] = record ? Object.entries(record.agents) : kit.map((a) => [a.file, a.sha]);
  // The record is a file on disk: a name that is not a plain agent file name is never acted on.
  const expected = new Map(listed.filter(([file]) => SAFE_AGENT_FILE.test(file)));
  return [...expected.keys()].sort().map((file) => {
    const sha = currentSha(join(agentsDir, file));
    if (sha === undefined) return { file, kind: 'missing' };
    const ours = sha === expected.get(file) || kit.some((a) => a.file === file && a.sha === sha);
    return { file, kind: ours ? 'remove' : 'keep-changed' };
  });
}
