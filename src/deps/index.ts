import type { DependencyChange, DependencyFileKind } from './types.js';
import { dependencyFileKind } from './files.js';
import { diffTables, type DependencyTables } from './tables.js';
import { cargoTables } from './cargo.js';
import { packageJsonTables } from './package-json.js';
import { pipfileTables, pyprojectTables, requirementsTables } from './python.js';
import { goModTables } from './go-mod.js';
import { parseToml } from './toml.js';

export type { DependencyChange, DependencyFileKind } from './types.js';
export { ManifestParseError } from './types.js';
export { dependencyFileKind, LOCK_FILES } from './files.js';

function tablesOf(kind: Exclude<DependencyFileKind, 'lock'>, file: string, text: string): DependencyTables {
  switch (kind) {
    case 'cargo':
      return cargoTables(parseToml(file, text));
    case 'pyproject':
      return pyprojectTables(parseToml(file, text));
    case 'pipfile':
      return pipfileTables(parseToml(file, text));
    case 'package-json':
      return packageJsonTables(file, text);
    case 'go-mod':
      return goModTables(text);
    case 'requirements':
      return requirementsTables(text);
  }
}

/**
 * The dependency entries that differ between two versions of a dependency file (before is
 * undefined for a new file, after for a deleted one). A lock file that changed in any way is
 * one change with key `*`. Other files give [] (they declare no dependencies). Throws
 * ManifestParseError when either version does not parse. Pure: no file system access.
 */
export function dependencyChanges(path: string, before: string | undefined, after: string | undefined): DependencyChange[] {
  const kind = dependencyFileKind(path);
  if (kind === undefined || before === after) return [];
  if (kind === 'lock') return [{ file: path, table: 'lock file', key: '*', before: before === undefined ? undefined : 'present', after: after === undefined ? undefined : 'changed' }];
  const was = before === undefined ? new Map() : tablesOf(kind, path, before);
  const now = after === undefined ? new Map() : tablesOf(kind, path, after);
  return diffTables(path, was, now);
}
