import { ManifestParseError } from './types.js';
import { isPlainObject, tableEntries, type DependencyTables } from './tables.js';

/**
 * package.json fields that declare or pin dependencies: the four dependency maps, bundled
 * dependencies, and the override mechanisms of npm (overrides), yarn (resolutions) and pnpm
 * (pnpm.overrides), which change what an installed dependency resolves to.
 */
const FIELDS = [
  'dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'peerDependenciesMeta',
  'bundleDependencies', 'bundledDependencies', 'overrides', 'resolutions',
];

export function packageJsonTables(file: string, text: string): DependencyTables {
  let doc: unknown;
  try {
    doc = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new ManifestParseError(file, `not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(doc)) throw new ManifestParseError(file, 'not a JSON object');
  const out: DependencyTables = new Map();
  for (const field of FIELDS) {
    const value = doc[field];
    if (value === undefined) continue;
    out.set(field, Array.isArray(value) ? new Map(value.map((name) => [String(name), 'bundled'])) : tableEntries(value));
  }
  const pnpm = doc.pnpm;
  if (isPlainObject(pnpm) && pnpm.overrides !== undefined) out.set('pnpm.overrides', tableEntries(pnpm.overrides));
  return out;
}
