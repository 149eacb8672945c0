import type { Part, WordNode } from '../parse/ast.js';
import type { Provenance, Word } from '../types.js';
import { WordResult } from './results.js';
import type { Scope } from './scope.js';

const KIND: Record<Exclude<Part['type'], 'lit'>, Provenance> = {
  glob: 'glob', tilde: 'variable', param: 'variable', cmdsub: 'substitution', procsub: 'substitution', arith: 'arithmetic',
};

/** Shared by every static word: nothing dynamic. Never mutated. */
const NONE: Provenance[] = Object.freeze([]) as unknown as Provenance[];

/** A plain literal word (used for argv built from strings, e.g. a python argv list). */
export function literalWord(value: string): Word {
  return new WordResult(value, value, true, NONE);
}

/** The contract's view of one word: its static value, or which dynamic kinds it holds. */
export function toWord(node: WordNode, scope?: Scope): Word {
  const only = node.parts.length === 1 ? node.parts[0] : undefined;
  if (only?.type === 'lit') return new WordResult(only.text, node.raw, true, NONE);
  if (node.parts.length === 0) return new WordResult('', node.raw, true, NONE);
  return fromParts(node, scope);
}

/** A word of several parts (kept apart from toWord's common cases, which most calls need only). */
function fromParts(node: WordNode, scope: Scope | undefined): Word {
  let value = '';
  let pattern = '';
  const dynamic = new Set<Provenance>();
  const classes = node.parts.some((part) => part.type === 'glob' && part.classes);
  for (const part of node.parts) {
    const known = part.type === 'lit' ? part.text : splitSafe(part, positionalValue(part, scope), node);
    if (known !== undefined) {
      value += known;
      pattern += escapeGlob(known, classes);
    } else {
      dynamic.add(KIND[part.type as Exclude<Part['type'], 'lit'>]);
      if (part.type === 'glob') pattern += part.text;
    }
  }
  if (dynamic.size === 0) return new WordResult(value, node.raw, true, NONE);
  const word: Word = new WordResult(undefined, node.raw, false, [...dynamic]);
  if (dynamic.size === 1 && dynamic.has('glob')) word.pattern = pattern;
  return word;
}

/** An unquoted expansion inside a longer word may split into several words: then it is not static. */
function splitSafe(part: Part, value: string | undefined, node: WordNode): string | undefined {
  if (value === undefined || part.type !== 'param' || part.quoted || node.parts.length === 1) return value;
  return /[ \t\n*?[]/.test(value) ? undefined : value;
}

/** Quoted text matches itself; with `classes`, the `[…]`/`{…}` in it are left live. */
function escapeGlob(text: string, classes: boolean): string {
  return text.replace(classes ? /[\\*?()!@+]/g : /[\\*?[\]{}(),!@+]/g, '\\$&');
}

/** `$1`, `"$1"`, `$#` … when the positional parameters are known (bash -c '…' _ a b). */
function positionalValue(part: Part, scope: Scope | undefined): string | undefined {
  const positional = scope?.positional;
  if (part.type !== 'param' || part.op !== '' || !positional) return undefined;
  if (/^[0-9]$/.test(part.name)) return positional[Number(part.name)] ?? '';
  if (part.name === '#') return String(Math.max(positional.length - 1, 0));
  if (part.name === '*' || part.name === '@') return positional.slice(1).join(' ');
  return undefined;
}

/**
 * Words as argv: `"$@"` becomes one word per parameter and an unquoted lone `$1`/`$@` is split
 * on blanks, as bash does. Other words map one to one.
 */
export function expandWords(nodes: WordNode[], scope: Scope): Word[] {
  if (!scope.positional) return nodes.map((node) => toWord(node, scope));
  const out: Word[] = [];
  for (const node of nodes) {
    const split = positionalFields(node, scope);
    if (split) out.push(...split);
    else out.push(toWord(node, scope));
  }
  return out;
}

function positionalFields(node: WordNode, scope: Scope): Word[] | undefined {
  const positional = scope.positional;
  const only = node.parts.length === 1 ? node.parts[0] : undefined;
  if (!positional || only?.type !== 'param' || only.op !== '') return undefined;
  const args = positional.slice(1);
  if (only.name === '@' && only.quoted) return args.map(literalWord);
  if (only.quoted) return undefined;
  if (scope.ifsChanged) return [new WordResult(undefined, node.raw, false, ['variable'])];
  const value = positionalValue(only, scope);
  if (value === undefined) return undefined;
  return value.split(/[ \t\n]+/).filter((field) => field !== '').map((field) => globAware(field, node.raw));
}

/** A field produced by unquoted expansion still goes through pathname expansion. */
function globAware(field: string, raw: string): Word {
  if (!/[*?[]/.test(field)) return literalWord(field);
  const word: Word = new WordResult(undefined, raw, false, ['glob']);
  word.pattern = field;
  return word;
}
