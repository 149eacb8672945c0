import type { WordNode } from './ast.js';
import { exact } from './exact.js';
import { newline } from './heredoc.js';
import { endsWord, fail, peek, skipBlanks, startsWith, type Cursor } from './state.js';
import { parseWord } from './word.js';

/**
 * `[[ … ]]` after its opening: words and operators up to `]]`. Here `<`, `>`, `(` and `)` are
 * operators, not redirections, and the word after `=~` is a regex that may hold `( | )`.
 */
export function parseCond(c: Cursor): WordNode[] {
  const words: WordNode[] = [];
  let regexNext = false;
  for (;;) {
    skipBlanks(c);
    if (peek(c) === '\n') newline(c);
    else if (startsWith(c, ']]') && endsWord(c.text.charAt(c.pos + 2))) {
      c.pos += 2;
      return exact(words);
    } else if (condOperator(c)) regexNext = false;
    else {
      const word = parseWord(c, regexNext ? 'regex' : 'normal');
      if (!word) fail(c, 'unterminated [[');
      regexNext = word.raw === '=~';
      words.push(word);
    }
  }
}

function condOperator(c: Cursor): boolean {
  const two = c.text.slice(c.pos, c.pos + 2);
  const length = two === '&&' || two === '||' ? 2 : '()<>'.includes(peek(c)) && peek(c) !== '' ? 1 : two === '! ' ? 1 : 0;
  c.pos += length;
  return length > 0;
}

