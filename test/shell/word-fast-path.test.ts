import { describe, expect, it } from 'vitest';
import { newCursor, newShared } from '../../src/shell/parse/state.js';
import { parseWord } from '../../src/shell/parse/word.js';

/**
 * parseWord takes a fast path for plain words and for one quoted string with nothing live in it.
 * After `=~` (mode 'regex') it always takes the general path, which for these words ends at the
 * same place: both must build the same node.
 */
function both(text: string) {
  const fast = newCursor(text, newShared(), 0);
  const general = newCursor(text, newShared(), 0);
  return { fast: [parseWord(fast), fast.pos], general: [parseWord(general, 'regex'), general.pos] };
}

const WORDS = [
  'abc', 'a.b', 'a,b', '.', '..', './x.sh', 'logs/train.log', 'x=1.2', 'a=b,c', '-rn', '2', 'é.txt', 'a.b ',
  '"x y"', "'x y'", '""', "''", '"a!b"', '"a\nb"', "'a\"b'", '"a\'b"', '"x.y,z{}"', "'$x'", "'a\\b'",
];

describe('the fast paths of parseWord', () => {
  it.each(WORDS)('%j: the same node as the general path', (text) => {
    const { fast, general } = both(text);
    expect(fast).toEqual(general);
  });

  it('leaves words with live parts, globs or braces to the general path', () => {
    for (const text of ['"$x"', '"a\\"b"', 'a{b,c}', '{1..3}', 'a*', '~/x', 'a"b"', "'a'b", '"a"<(ls)']) {
      const c = newCursor(text, newShared(), 0);
      const word = parseWord(c)!;
      expect(word.raw, text).toBe(text);
    }
  });
});
