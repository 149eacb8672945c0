/**
 * Line-oriented reading of an agent's final report: `Label: value` lines whose value is on the
 * same line or in the indented or bulleted lines right under the label.
 */

/** Field names compare without case, spaces, dashes or underscores: `files-written` ≡ `Files written:`. */
export function normaliseFieldName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The fields the rule text names (the seed's recognised fields). */
export const RECOGNISED_FIELDS = ['Files written', 'cargo-check', 'cargo-test', 'loc-delta', 'blockers', 'next'] as const;

const LABEL = /^\s{0,8}(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z0-9 _/-]{0,60}?)(?:\*\*|__)?\s*:(?:\*\*|__)?(?!\/\/)(.*)$/;
const ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S/;

export interface LabelLine {
  name: string;
  rest: string;
}

/** The label a line starts with (`Files written:`, `- **cargo-test:** ok`), if any. */
export function labelOf(line: string): LabelLine | undefined {
  const match = LABEL.exec(line);
  if (!match) return undefined;
  return { name: match[1]!.trim(), rest: match[2]! };
}

/** A value counts when it says something: not blank, not dashes, not an unfilled `<placeholder>`. */
export function isMeaningful(text: string): boolean {
  const cleaned = text.replace(/\*\*|__|`/g, '').trim();
  if (/^<[^>]*>$/.test(cleaned)) return false;
  return /[^\s\-—–*_|]/.test(cleaned);
}

export interface FieldHit {
  /** 1-based line number of the label. */
  line: number;
  /** The same-line value and the lines under the label that belong to it. */
  value: string[];
}

function isContinuation(line: string): boolean {
  return ITEM.test(line) || (/^\s+\S/.test(line) && !/^\s*```/.test(line));
}

/** The lines that belong to the label at `index`: indented or bulleted ones, blank lines between them allowed. */
function valueLines(lines: string[], index: number, stopNames: Set<string>): string[] {
  const out: string[] = [];
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const label = labelOf(line);
    if (label && stopNames.has(normaliseFieldName(label.name))) break;
    if (!isContinuation(line)) break;
    out.push(line.trim());
  }
  return out;
}

/**
 * Every occurrence of a field, in order. `otherFields` are names whose label ends the value of
 * the previous one even when bulleted (`- cargo-check: ...` right under `- Files written:`).
 */
export function findField(report: string, name: string, otherFields: readonly string[] = RECOGNISED_FIELDS): FieldHit[] {
  const wanted = normaliseFieldName(name);
  const stop = new Set([...otherFields, name].map(normaliseFieldName));
  const lines = report.split(/\r?\n/);
  const hits: FieldHit[] = [];
  lines.forEach((line, index) => {
    const label = labelOf(line);
    if (!label || normaliseFieldName(label.name) !== wanted) return;
    const same = label.rest.trim();
    hits.push({ line: index + 1, value: [...(same ? [same] : []), ...valueLines(lines, index, stop)] });
  });
  return hits;
}

/** The first occurrence of a field that carries a meaningful value. */
export function filledField(report: string, name: string, otherFields?: readonly string[]): FieldHit | undefined {
  return findField(report, name, otherFields).find((hit) => hit.value.some(isMeaningful));
}
