import { isPlainObject, requirementEntries, tableEntries, type DependencyTables } from './tables.js';

function at(doc: unknown, path: string[]): unknown {
  let value = doc;
  for (const part of path) value = isPlainObject(value) ? value[part] : undefined;
  return value;
}

function addList(out: DependencyTables, name: string, value: unknown): void {
  if (value !== undefined) out.set(name, requirementEntries(value));
}

function addTable(out: DependencyTables, name: string, value: unknown): void {
  if (value !== undefined) out.set(name, tableEntries(value, true));
}

/** One table per group: `prefix.<group>` (optional-dependencies, dependency-groups, …). */
function addGroups(out: DependencyTables, name: string, groups: unknown, add: typeof addList): void {
  if (!isPlainObject(groups)) return addTable(out, name, groups);
  for (const [group, value] of Object.entries(groups)) add(out, `${name}.${group}`, value);
}

/**
 * pyproject.toml: PEP 621 project.dependencies and optional-dependencies, PEP 735
 * dependency-groups, build-system.requires, and Poetry, uv and PDM dependency tables.
 */
export function pyprojectTables(doc: Record<string, unknown>): DependencyTables {
  const out: DependencyTables = new Map();
  addList(out, 'project.dependencies', at(doc, ['project', 'dependencies']));
  addGroups(out, 'project.optional-dependencies', at(doc, ['project', 'optional-dependencies']), addList);
  addGroups(out, 'dependency-groups', doc['dependency-groups'], addList);
  addList(out, 'build-system.requires', at(doc, ['build-system', 'requires']));
  addTable(out, 'tool.poetry.dependencies', at(doc, ['tool', 'poetry', 'dependencies']));
  addTable(out, 'tool.poetry.dev-dependencies', at(doc, ['tool', 'poetry', 'dev-dependencies']));
  const poetryGroups = at(doc, ['tool', 'poetry', 'group']);
  if (isPlainObject(poetryGroups)) {
    for (const [group, value] of Object.entries(poetryGroups)) addTable(out, `tool.poetry.group.${group}.dependencies`, at(value, ['dependencies']));
  }
  for (const list of ['dev-dependencies', 'override-dependencies', 'constraint-dependencies']) addList(out, `tool.uv.${list}`, at(doc, ['tool', 'uv', list]));
  addTable(out, 'tool.uv.sources', at(doc, ['tool', 'uv', 'sources']));
  addGroups(out, 'tool.pdm.dev-dependencies', at(doc, ['tool', 'pdm', 'dev-dependencies']), addList);
  return out;
}

/** Pipfile: [packages] and [dev-packages]. */
export function pipfileTables(doc: Record<string, unknown>): DependencyTables {
  const out: DependencyTables = new Map();
  addTable(out, 'packages', doc.packages);
  addTable(out, 'dev-packages', doc['dev-packages']);
  return out;
}

/** A requirements file: every requirement line (continuations joined, comments dropped). */
export function requirementsTables(text: string): DependencyTables {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '');
  return new Map([['requirements', requirementEntries(lines)]]);
}
