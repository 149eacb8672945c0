import type { DependencyChange, DependencyTables } from './types.js';

/** JSON with object keys sorted: equal for equal meaning, whatever the written form. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object' || value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
}

function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}

/** Every entry added, removed or changed between two readings of one file's dependency tables. */
export function compareTables(file: string, before: DependencyTables, after: DependencyTables): DependencyChange[] {
  const changes: DependencyChange[] = [];
  for (const table of union(before.keys(), after.keys())) {
    const old = before.get(table) ?? new Map<string, unknown>();
    const now = after.get(table) ?? new Map<string, unknown>();
    for (const key of union(old.keys(), now.keys())) {
      const was = old.has(key) ? canonical(old.get(key)) : undefined;
      const is = now.has(key) ? canonical(now.get(key)) : undefined;
      if (was !== is) changes.push({ kind: 'entry', file, table, key, before: was, after: is });
    }
  }
  return changes;
}

/** A plain object's entries as a map; a table that is not an object is one entry named by `label`. */
export function entriesOf(value: unknown, label = '(whole table)'): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return new Map(Object.entries(value));
  return new Map([[label, value]]);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
