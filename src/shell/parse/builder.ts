import type { Part, WordNode } from './ast.js';
import { exact } from './exact.js';

/** Collects the parts of one word while it is parsed; literal runs are merged. */
export interface Builder {
  parts: Part[];
  lit: string;
  quoted: boolean;
  /** Unquoted `[`/`{` seen, and whether a closing `]` / a brace list followed. */
  openBracket: boolean;
  bracketGlob: boolean;
  braceDepth: number;
  braceSep: boolean;
  braceGlob: boolean;
}

export function newBuilder(): Builder {
  return { parts: [], lit: '', quoted: false, openBracket: false, bracketGlob: false, braceDepth: 0, braceSep: false, braceGlob: false };
}

/** The parts collected, once complete. */
export function finishParts(b: Builder): Part[] {
  flush(b);
  return exact(b.parts);
}

export function flush(b: Builder): void {
  if (b.lit === '') return;
  b.parts.push({ type: 'lit', text: b.lit });
  b.lit = '';
}

export function addPart(b: Builder, part: Part): void {
  flush(b);
  b.parts.push(part);
}

export function addParts(b: Builder, parts: Part[]): void {
  for (const part of parts) {
    if (part.type === 'lit') b.lit += part.text;
    else addPart(b, part);
  }
}

/** True when nothing has been added yet (tilde expansion only happens at a word's start). */
export function isEmpty(b: Builder): boolean {
  return b.lit === '' && b.parts.length === 0 && !b.quoted;
}

export function finishWord(b: Builder, raw: string): WordNode {
  flush(b);
  if (b.bracketGlob || b.braceGlob) b.parts.push({ type: 'glob', text: '', classes: true });
  return { parts: exact(b.parts), raw, quoted: b.quoted };
}

/**
 * Unquoted `[ ] { } ,` stay in the literal text; when they form `[…]` or `{a,b}` / `{1..3}` the
 * word gets a glob marker part (`classes`), so only real patterns count as globs.
 */
export function noteGlobChar(b: Builder, ch: string, next: string): void {
  if (ch === '[') b.openBracket = true;
  else if (ch === ']' && b.openBracket) b.bracketGlob = true;
  else if (ch === '{') b.braceDepth += 1;
  else if (ch === ',' && b.braceDepth > 0) b.braceSep = true;
  else if (ch === '.' && next === '.' && b.braceDepth > 0) b.braceSep = true;
  else if (ch === '}' && b.braceDepth > 0) {
    b.braceDepth -= 1;
    if (b.braceSep) b.braceGlob = true;
  }
}

/** Joins neighbouring literal parts. */
export function mergeLits(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.type === 'lit' && last?.type === 'lit') out[out.length - 1] = { type: 'lit', text: last.text + part.text };
    else out.push(part);
  }
  return out;
}
