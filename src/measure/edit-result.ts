import { lineOfOffset, lineStarts } from './lines.js';

/** An inclusive range of 1-based lines. */
export interface LineRange {
  start: number;
  end: number;
}

/** The file as it will be after a Write/Edit/MultiEdit call, and which of its lines the call wrote. */
export type EditResult =
  | { kind: 'changed'; after: string; touched: LineRange[] }
  /** The call cannot apply (old_string not found, nothing to change): Claude Code rejects it itself. */
  | { kind: 'not-applied'; reason: string }
  /** The tool input does not have the shape of the tool's schema. */
  | { kind: 'invalid'; reason: string };

interface Replacement {
  oldString: string;
  newString: string;
  replaceAll: boolean;
}

/** Offset ranges [start, end) of text the call wrote, kept in step with later replacements. */
type Spans = Array<[number, number]>;

/**
 * Applies a file tool call to the current content (undefined when the file does not exist),
 * as Claude Code would: Write replaces everything; Edit replaces the first (or every)
 * occurrence of old_string; MultiEdit applies its edits in order and fails as a whole when one
 * fails. An empty old_string creates a file that does not exist (or fills an empty one).
 */
export function applyFileTool(tool: string, input: Record<string, unknown>, current: string | undefined): EditResult {
  if (tool === 'Write') {
    if (typeof input.content !== 'string') return { kind: 'invalid', reason: 'Write needs a string content' };
    return { kind: 'changed', after: input.content, touched: writeTouched(current, input.content) };
  }
  const edits = tool === 'MultiEdit' ? input.edits : [input];
  if (!Array.isArray(edits) || edits.length === 0) return { kind: 'invalid', reason: `${tool} needs edits` };
  const replacements = edits.map(toReplacement);
  if (replacements.some((r) => r === undefined)) return { kind: 'invalid', reason: `${tool} needs string old_string/new_string` };
  return applyReplacements(current, replacements as Replacement[]);
}

function toReplacement(edit: unknown): Replacement | undefined {
  if (typeof edit !== 'object' || edit === null) return undefined;
  const { old_string: oldString, new_string: newString, replace_all: replaceAll } = edit as Record<string, unknown>;
  if (typeof oldString !== 'string' || typeof newString !== 'string') return undefined;
  return { oldString, newString, replaceAll: replaceAll === true };
}

function applyReplacements(current: string | undefined, replacements: Replacement[]): EditResult {
  // Claude Code matches old_string against CRLF files as if their lines ended in LF.
  const crlf = current?.includes('\r\n') === true && !replacements.some((r) => r.oldString.includes('\r'));
  let text = crlf ? current!.replace(/\r\n/g, '\n') : current;
  const spans: Spans = [];
  for (const replacement of replacements) {
    if (replacement.oldString === replacement.newString) return { kind: 'not-applied', reason: 'old_string equals new_string' };
    const next = replaceIn(text, replacement, spans);
    if (next === undefined) return { kind: 'not-applied', reason: 'old_string not found in the file' };
    text = next;
  }
  return { kind: 'changed', after: text!, touched: spansToLines(text!, spans) };
}

/** One replacement; undefined when it cannot apply. Records what it wrote in `spans`. */
function replaceIn(text: string | undefined, r: Replacement, spans: Spans): string | undefined {
  if (r.oldString === '') {
    if (text !== undefined && text !== '') return undefined;
    spans.push([0, r.newString.length]);
    return r.newString;
  }
  if (text === undefined) return undefined;
  const found = findOccurrences(text, r.oldString, r.replaceAll);
  if (found.length === 0) return undefined;
  moveSpans(spans, found, r.oldString.length, r.newString.length);
  const delta = r.newString.length - r.oldString.length;
  let out = '';
  let from = 0;
  found.forEach((at, index) => {
    out += text.slice(from, at) + r.newString;
    spans.push([at + index * delta, at + index * delta + r.newString.length]);
    from = at + r.oldString.length;
  });
  return out + text.slice(from);
}

/** Maps earlier spans through replacements at `found` (offsets in the text before them). */
function moveSpans(spans: Spans, found: number[], removed: number, added: number): void {
  if (spans.length > 1000) {
    const whole = spans.reduce<[number, number]>((acc, s) => [Math.min(acc[0], s[0]), Math.max(acc[1], s[1])], [Infinity, -Infinity]);
    spans.splice(0, spans.length, whole);
  }
  const map = (pos: number): number => {
    let shift = 0;
    for (const at of found) {
      if (pos >= at + removed) shift += added - removed;
      else if (pos > at) return at + shift + Math.min(pos - at, added);
      else break;
    }
    return pos + shift;
  };
  for (const span of spans) {
    span[0] = map(span[0]);
    span[1] = map(span[1]);
  }
}

/** Occurrences of `needle`, with Claude Code's fallback of matching curly quotes as straight ones. */
function findOccurrences(text: string, needle: string, all: boolean): number[] {
  for (const haystack of [text, straightenQuotes(text)]) {
    const found: number[] = [];
    for (let at = haystack.indexOf(needle); at !== -1; at = all ? haystack.indexOf(needle, at + needle.length) : -1) {
      found.push(at);
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** Same length as the input, so offsets found in it are offsets in the original. */
function straightenQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

function spansToLines(text: string, spans: Spans): LineRange[] {
  const starts = lineStarts(text);
  return spans.map(([from, to]) => ({
    start: lineOfOffset(starts, from),
    end: lineOfOffset(starts, Math.max(from, to - 1)),
  }));
}

/** Lines a whole-file write changes: everything for a new file, else between the common head and tail. */
export function writeTouched(before: string | undefined, after: string): LineRange[] {
  const newLines = after.split('\n');
  if (before === undefined) return [{ start: 1, end: Math.max(1, newLines.length) }];
  const oldLines = before.split('\n');
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  if (head === oldLines.length && head === newLines.length) return [];
  let tail = 0;
  const room = Math.min(oldLines.length, newLines.length) - head;
  while (tail < room && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
  return [{ start: head + 1, end: Math.max(head + 1, newLines.length - tail) }];
}
