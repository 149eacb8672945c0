import type { DependencyChange } from './types.js';

/** Dependency entries of one manifest version: table name → dependency key → canonical value. */
export type DependencyTables = Map<string, Map<string, string>>;

/** JSON with object keys sorted, so formatting and key order never count as a change. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? String(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (!isPlainObject(value)) return JSON.stringify(String(value));
  const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A table of `name = spec` entries (Cargo, Poetry, Pipfile, npm's objects). A non-table counts as
 * one entry. With `versionShorthand`, `"1.0"` and `{ version = "1.0" }` are the same spec (as in
 * Cargo, Poetry and Pipfile) and print as the shorthand.
 */
export function tableEntries(value: unknown, versionShorthand = false): Map<string, string> {
  if (!isPlainObject(value)) return new Map([['(value)', canonical(value)]]);
  return new Map(Object.entries(value).map(([key, spec]) => [key, canonical(versionShorthand ? shorthand(spec) : spec)]));
}

/** `{ version = "1.0" }` → `"1.0"`: the long form of a bare version requirement. */
function shorthand(spec: unknown): unknown {
  if (!isPlainObject(spec)) return spec;
  const keys = Object.keys(spec);
  return keys.length === 1 && keys[0] === 'version' && typeof spec.version === 'string' ? spec.version : spec;
}

/** PEP 508 requirement name, normalized (PEP 503); a line without one keys as itself. */
export function requirementName(requirement: string): string {
  const name = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:$|[[(<>=!~;@\s,])/.exec(requirement)?.[1];
  return name ? name.toLowerCase().replace(/[-_.]+/g, '-') : requirement.trim();
}

/** A list of requirement strings (PEP 621 arrays, requirement files), keyed by package name. */
export function requirementEntries(value: unknown): Map<string, string> {
  if (!Array.isArray(value)) return tableEntries(value);
  const out = new Map<string, string>();
  for (const item of value) {
    const key = typeof item === 'string' ? requirementName(item) : canonical(item);
    const spec = typeof item === 'string' ? item.trim() : canonical(item);
    out.set(key, out.has(key) ? `${out.get(key)} | ${spec}` : spec);
  }
  return out;
}

/** Every entry that was added, removed or changed, table by table. */
export function diffTables(file: string, before: DependencyTables, after: DependencyTables): DependencyChange[] {
  const changes: DependencyChange[] = [];
  const tables = new Set([...before.keys(), ...after.keys()]);
  for (const table of tables) {
    const was = before.get(table) ?? new Map<string, string>();
    const now = after.get(table) ?? new Map<string, string>();
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      if (was.get(key) !== now.get(key)) changes.push({ file, table, key, before: was.get(key), after: now.get(key) });
    }
  }
  return changes;
}
