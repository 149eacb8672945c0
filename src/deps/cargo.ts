import { isPlainObject, tableEntries, type DependencyTables } from './tables.js';

/** Cargo's dependency tables (the underscore spellings are old aliases Cargo still reads). */
const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies', 'dev_dependencies', 'build_dependencies'];

/** `a.b` keys print bare; anything else (`cfg(unix)`, `x86_64-pc-windows-msvc`) quoted, as in TOML. */
function key(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : `'${name}'`;
}

function addTables(out: DependencyTables, prefix: string, table: unknown): void {
  if (!isPlainObject(table)) return;
  for (const name of DEPENDENCY_TABLES) {
    if (table[name] !== undefined) out.set(`${prefix}${name}`, tableEntries(table[name], true));
  }
}

function addEach(out: DependencyTables, prefix: string, group: unknown, per: (out: DependencyTables, prefix: string, v: unknown) => void): void {
  if (!isPlainObject(group)) return;
  for (const [name, value] of Object.entries(group)) per(out, `${prefix}${key(name)}.`, value);
}

/**
 * The dependency tables of a parsed Cargo.toml, in any TOML form (inline tables, dotted keys,
 * `[dependencies.serde]`): [dependencies], [dev-dependencies], [build-dependencies],
 * [workspace.dependencies], [target.<cfg>.*] and the source overrides [patch.<registry>] and
 * [replace], which swap the code a dependency builds from.
 */
export function cargoTables(doc: Record<string, unknown>): DependencyTables {
  const out: DependencyTables = new Map();
  addTables(out, '', doc);
  const workspace = doc.workspace;
  if (isPlainObject(workspace) && workspace.dependencies !== undefined) out.set('workspace.dependencies', tableEntries(workspace.dependencies, true));
  addEach(out, 'target.', doc.target, addTables);
  addEach(out, 'patch.', doc.patch, (o, prefix, value) => o.set(prefix.slice(0, -1), tableEntries(value, true)));
  if (doc.replace !== undefined) out.set('replace', tableEntries(doc.replace, true));
  return out;
}
