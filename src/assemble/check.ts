import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleAll, assembleForConfigDir } from './plan.js';
import { readStamp } from './notice.js';
import { labelOrigin } from './layout.js';
import type { AssembleOptions, ManifestOrigin, StaleFile } from './types.js';

function readOrNull(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** Generated agent files in dir whose notice names a manifest of this origin that no longer exists. */
function orphansIn(dir: string, expected: Map<string, string>, origin: ManifestOrigin): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f))
    .filter((path) => !expected.has(path))
    .filter((path) => {
      const info = readStamp(readFileSync(path, 'utf8'));
      return info !== null && labelOrigin(info.source) === origin;
    });
}

/** Generated files left behind by manifests that were removed (kit agents/, and the user's). */
export function findOrphans(root: string, expected: Map<string, string>, configDir?: string): string[] {
  const found = orphansIn(join(root, 'agents'), expected, 'kit');
  if (configDir) found.push(...orphansIn(join(configDir, 'agents'), expected, 'user'));
  return found.sort();
}

/** Compares expected content with the disk: every file that is missing or differs. */
export function diffAgainstDisk(expected: Map<string, string>): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const [path, content] of expected) {
    const actual = readOrNull(path);
    if (actual === null) stale.push({ path, reason: 'missing' });
    else if (actual !== content) stale.push({ path, reason: 'differs' });
  }
  return stale;
}

/**
 * Every generated file that does not match its sources: missing, different (a hand edit or
 * stale output), or an orphan whose manifest is gone. Writes nothing. Sorted by path.
 */
export function checkAssembled(root: string, opts: AssembleOptions = {}): StaleFile[] {
  const expected = assembleAll(root, opts);
  const stale = diffAgainstDisk(expected);
  if (!opts.names) stale.push(...findOrphans(root, expected, opts.configDir).map((path) => ({ path, reason: 'orphan' as const })));
  return stale.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export type AgentFileState = 'ok' | 'hand-edited' | 'stale' | 'missing' | 'not-generated' | 'orphan';

export interface AgentFileReport {
  path: string;
  state: AgentFileState;
}

function stateOf(path: string, content: string): AgentFileState {
  const actual = readOrNull(path);
  if (actual === null) return 'missing';
  if (actual === content) return 'ok';
  const info = readStamp(actual);
  if (!info) return 'not-generated';
  return info.intact ? 'stale' : 'hand-edited';
}

/**
 * For `kei doctor`: each generated file and whether it was edited by hand (its content no
 * longer matches the hash in its notice), is merely older than its sources (stale), is
 * missing, or no longer carries a notice at all.
 */
export function inspectGenerated(expected: Map<string, string>): AgentFileReport[] {
  return [...expected].map(([path, content]) => ({ path, state: stateOf(path, content) })).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The kit's own generated files (and the user's, with a config dir). */
export function inspectKitAgents(root: string, opts: AssembleOptions = {}): AgentFileReport[] {
  const expected = assembleAll(root, opts);
  const orphans = findOrphans(root, expected, opts.configDir).map((path) => ({ path, state: 'orphan' as const }));
  return [...inspectGenerated(expected), ...orphans];
}

/** The agents installed into a Claude config dir (kit copies and the user's own). */
export function inspectInstalledAgents(root: string, configDir: string): AgentFileReport[] {
  return inspectGenerated(assembleForConfigDir(root, configDir));
}
