/** A line diff in unified format, for `--dry-run`. Settings files are small; past a size cap the
 * whole file is shown as replaced rather than spending quadratic time. */
const CELL_CAP = 4_000_000;
const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

function lcsTable(a: string[], b: string[]): Uint32Array {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  return table;
}

function operations(a: string[], b: string[]): Op[] {
  if (a.length * b.length > CELL_CAP) {
    return [...a.map((line, i) => ({ kind: '-' as const, line, a: i, b: 0 })), ...b.map((line, j) => ({ kind: '+' as const, line, a: a.length, b: j }))];
  }
  const table = lcsTable(a, b);
  const width = b.length + 1;
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', line: a[i]!, a: i++, b: j++ });
    else if (i < a.length && (j === b.length || table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) ops.push({ kind: '-', line: a[i]!, a: i++, b: j });
    else ops.push({ kind: '+', line: b[j]!, a: i, b: j++ });
  }
  return ops;
}

function hunkHeader(ops: Op[]): string {
  const first = ops[0]!;
  const aLen = ops.filter((o) => o.kind !== '+').length;
  const bLen = ops.filter((o) => o.kind !== '-').length;
  return `@@ -${aLen === 0 ? first.a : first.a + 1},${aLen} +${bLen === 0 ? first.b : first.b + 1},${bLen} @@`;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}

/** Unified diff of two texts; empty string when they are equal. */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string): string {
  const ops = operations(splitLines(before), splitLines(after));
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  const hunks: Op[][] = [];
  let start = Math.max(0, changed[0]! - CONTEXT);
  let end = Math.min(ops.length, changed[0]! + CONTEXT + 1);
  for (const k of changed.slice(1)) {
    if (k - CONTEXT <= end) end = Math.min(ops.length, k + CONTEXT + 1);
    else {
      hunks.push(ops.slice(start, end));
      start = k - CONTEXT;
      end = Math.min(ops.length, k + CONTEXT + 1);
    }
  }
  hunks.push(ops.slice(start, end));
  const body = hunks.flatMap((h) => [hunkHeader(h), ...h.map((o) => `${o.kind}${o.line}`)]);
  return [`--- ${fromName}`, `+++ ${toName}`, ...body].join('\n') + '\n';
}
