import type { Word } from '../types.js';
import { WordResult } from './results.js';
import { literalWord } from './words.js';

/**
 * `env -S` splitting: blanks separate words, single and double quotes group, backslash escapes.
 * A `${VAR}` reference makes its word unknown.
 */
export function splitString(text: string): Word[] {
  const words: Word[] = [];
  let current = '';
  let started = false;
  let dynamic = false;
  let quote = '';
  const push = () => {
    if (started) words.push(dynamic ? new WordResult(undefined, current, false, ['variable']) : literalWord(current));
    current = '';
    started = false;
    dynamic = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = '';
      else current += ch;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') push();
    else if (ch === "'" || ch === '"') [quote, started] = [ch, true];
    else if (ch === '\\' && i + 1 < text.length) [current, started, i] = [current + text[i + 1], true, i + 1];
    else {
      if (ch === '$') dynamic = true;
      [current, started] = [current + ch, true];
    }
  }
  push();
  return words;
}
