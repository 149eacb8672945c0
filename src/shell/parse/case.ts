import type { CaseItem, CompoundNode, WordNode } from './ast.js';
import { expectReserved, skipLinebreaks } from './compound.js';
import { exact } from './exact.js';
import { parseList } from './list.js';
import { consumeReserved, fail, peek, skipBlanks, startsWith, type Cursor } from './state.js';
import { parseWord } from './word.js';

/** `case word in pattern) list ;; … esac` (after the `case` keyword). */
export function parseCase(c: Cursor): CompoundNode {
  skipBlanks(c);
  const subject = parseWord(c);
  if (!subject) fail(c, 'expected a word after case');
  expectReserved(c, 'in');
  const items: CaseItem[] = [];
  for (;;) {
    skipLinebreaks(c);
    if (consumeReserved(c, 'esac')) return { type: 'case', subject, items: exact(items) };
    items.push(parseItem(c));
  }
}

function parseItem(c: Cursor): CaseItem {
  if (peek(c) === '(') c.pos += 1;
  const patterns = parsePatterns(c);
  const body = parseList(c);
  skipLinebreaks(c);
  const terminator = [';;&', ';;', ';&'].find((t) => startsWith(c, t));
  if (terminator) c.pos += terminator.length;
  else if (!startsWith(c, 'esac')) fail(c, "expected ';;' or 'esac'");
  return { patterns, body };
}

function parsePatterns(c: Cursor): WordNode[] {
  const patterns: WordNode[] = [];
  for (;;) {
    skipBlanks(c);
    const word = parseWord(c);
    if (!word) fail(c, 'expected a case pattern');
    patterns.push(word);
    skipBlanks(c);
    if (peek(c) === ')') {
      c.pos += 1;
      return exact(patterns);
    }
    if (peek(c) !== '|') fail(c, "expected '|' or ')' in case pattern");
    c.pos += 1;
  }
}
