/**
 * JSON.stringify with one difference: a short array of plain values stays on one line
 * (`"args": ["/x/dist/kei.cjs", "hook", "PreToolUse"]`), so hook entries read like the docs.
 */
const INLINE_LIMIT = 100;

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function format(value: unknown, indent: string, depth: number): string {
  if (isPrimitive(value)) return JSON.stringify(value) ?? 'null';
  const pad = indent.repeat(depth + 1);
  const close = indent.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPrimitive)) {
      const inline = `[${value.map((v) => JSON.stringify(v) ?? 'null').join(', ')}]`;
      if (inline.length <= INLINE_LIMIT) return inline;
    }
    return `[\n${value.map((v) => pad + format(v, indent, depth + 1)).join(',\n')}\n${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${format(v, indent, depth + 1)}`).join(',\n')}\n${close}}`;
}

export function formatJson(value: unknown, indent = '  '): string {
  return format(value, indent, 0) + '\n';
}
