import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SourceError } from '../schemas/errors.js';
import { manifestAt, userAgentPath, type ManifestLocation } from './layout.js';
import { assembleAll, UnknownAgentError } from './plan.js';
import { AssembleSourceError } from './validate.js';
import { writeAssembled } from './write.js';

export type RegenerateResult =
  | { kind: 'not-a-manifest' }
  | { kind: 'regenerated'; agent: string; written: string[] }
  | { kind: 'invalid'; agent: string; message: string };

export interface RegenerateOptions {
  /** The installed kit (its roles, capabilities and blocks). */
  root: string;
  /** The Claude config dir whose kei/manifests/ holds the user's manifests. */
  configDir?: string;
}

/** A kit checkout other than the installed one: <kit>/agents/manifests/<name>.yaml with our package.json. */
function kitRootOf(file: string): string | null {
  const candidate = dirname(dirname(dirname(resolve(file))));
  const pkg = resolve(candidate, 'package.json');
  if (!existsSync(pkg)) return null;
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'kei-substrate' ? candidate : null;
  } catch {
    return null;
  }
}

function locate(filePath: string, opts: RegenerateOptions): { location: ManifestLocation; root: string } | null {
  const location = manifestAt(filePath, opts);
  if (location) return { location, root: opts.root };
  const other = kitRootOf(filePath);
  const inOther = other ? manifestAt(filePath, { root: other }) : null;
  return other && inOther ? { location: inOther, root: other } : null;
}

/**
 * For the PostToolUse hook after an Edit/Write/MultiEdit: when the edited file is an agent
 * manifest (the kit's or the user's), rebuild that agent's file. An invalid manifest leaves the
 * old agent file alone and returns the errors, for the hook to show to whoever edited it.
 */
export function regenerateForEditedManifest(filePath: string, opts: RegenerateOptions): RegenerateResult {
  const found = locate(filePath, opts);
  if (!found) return { kind: 'not-a-manifest' };
  const agent = found.location.name;
  const configDir = found.location.origin === 'user' ? opts.configDir : undefined;
  try {
    const files = assembleAll(found.root, { configDir, names: [agent] });
    if (configDir) {
      // A user's manifest rebuilds only the user's copy, never the installed kit.
      const own = userAgentPath(configDir, agent);
      for (const path of files.keys()) if (path !== own) files.delete(path);
    }
    return { kind: 'regenerated', agent, written: writeAssembled(files) };
  } catch (error) {
    if (error instanceof AssembleSourceError || error instanceof SourceError || error instanceof UnknownAgentError) {
      return { kind: 'invalid', agent, message: error.message };
    }
    throw error;
  }
}
