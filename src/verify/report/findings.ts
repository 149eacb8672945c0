import { labelOf } from './fields.js';

export type Grade = 'HIGH' | 'MEDIUM' | 'LOW';

export interface Finding {
  /** 1-based line of the finding's first line. */
  line: number;
  text: string;
  grade: Grade | undefined;
}

export interface FindingsReport {
  /** A `Findings:` label or `# Findings` heading was found. */
  section: boolean;
  /** The report states there are no findings. */
  noFindings: boolean;
  findings: Finding[];
}

/** A grade is the bracketed upper-case token only: `FOLLOW`, `ALLOW` or `[lower]` never count. */
const GRADE = /\[(HIGH|MEDIUM|LOW)\]/;
const SECTION_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?findings(?:\s*\([^)]*\))?(?:\*\*|__)?\s*:(?:\*\*|__)?(.*)$/i;
const SECTION_HEADING = /^\s*#{1,6}\s+findings\b(.*)$/i;
const NO_FINDINGS_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?no findings\b/i;
const NO_FINDINGS_VALUE = /^(?:none|no findings\b.*|0|nothing found\b.*)$/i;
const ITEM_START = /^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+/;

function gradeOf(text: string): Grade | undefined {
  return GRADE.exec(text)?.[1] as Grade | undefined;
}

function indent(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/** A line that ends the findings section: a heading, a code fence, or a plain `Label:` line. */
function endsSection(line: string): boolean {
  if (/^\s*#{1,6}\s/.test(line) || /^\s*```/.test(line)) return true;
  return indent(line) === 0 && !ITEM_START.test(line) && !GRADE.test(line) && labelOf(line) !== undefined;
}

/** Splits the section body into findings: one per item line, indented lines continue an item. */
function collectFindings(lines: string[], start: number): Finding[] {
  const findings: Finding[] = [];
  let afterBlank = false;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') { afterBlank = true; continue; }
    if (endsSection(line)) break;
    const current = findings.at(-1);
    const isItem = ITEM_START.test(line) || GRADE.test(line.trim().slice(0, 9));
    if (afterBlank && !isItem && indent(line) === 0) break;
    if (current && !isItem && indent(line) > 0) current.text += ` ${line.trim()}`;
    else findings.push({ line: i + 1, text: line.trim(), grade: undefined });
    afterBlank = false;
  }
  for (const f of findings) f.grade = gradeOf(f.text);
  return findings;
}

function sectionStart(lines: string[]): { index: number; rest: string } | undefined {
  for (let i = 0; i < lines.length; i++) {
    const match = SECTION_LABEL.exec(lines[i]!) ?? SECTION_HEADING.exec(lines[i]!);
    if (match) return { index: i, rest: match[1]!.replace(/\*\*|__/g, '').trim() };
  }
  return undefined;
}

/** Reads the findings of a read-only agent's report. */
export function readFindings(report: string): FindingsReport {
  const lines = report.split(/\r?\n/);
  const saysNone = lines.some((l) => NO_FINDINGS_LINE.test(l));
  const start = sectionStart(lines);
  if (!start) {
    const graded = lines.flatMap((l, i) => (ITEM_START.test(l) || GRADE.test(l.trim().slice(0, 9))) && gradeOf(l) ? [{ line: i + 1, text: l.trim(), grade: gradeOf(l) }] : []);
    return { section: false, noFindings: saysNone, findings: graded };
  }
  const findings = collectFindings(lines, start.index + 1).filter((f) => !NO_FINDINGS_LINE.test(f.text));
  const rest = start.rest.replace(/^\(\d+\)$|^\d+$/, '').trim();
  if (rest && NO_FINDINGS_VALUE.test(rest)) return { section: true, noFindings: true, findings };
  if (rest) findings.unshift({ line: start.index + 1, text: rest, grade: gradeOf(rest) });
  return { section: true, noFindings: saysNone, findings };
}
