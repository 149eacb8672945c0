/**
 * The `#` comments of a Bash command, read from its raw text (the shell analysis drops them):
 * a `#` starts a comment only at the start of a word and outside quotes, as in bash.
 */

const WORD_BREAK = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/** Index after a quoted section opened at `i` (single, double or $'…'). */
function skipQuoted(text: string, i: number): number {
  const quote = text[i]!;
  const escapes = quote === '"' || text[i - 1] === '$';
  let j = i + 1;
  while (j < text.length && text[j] !== quote) j += escapes && text[j] === '\\' ? 2 : 1;
  return j + 1;
}

export function bashComments(command: string): string[] {
  const comments: string[] = [];
  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    if (c === '\\') {
      i += 2;
    } else if (c === "'" || c === '"') {
      i = skipQuoted(command, i);
    } else if (c === '#' && (i === 0 || WORD_BREAK.has(command[i - 1]!))) {
      const end = command.indexOf('\n', i);
      const stop = end < 0 ? command.length : end;
      comments.push(command.slice(i + 1, stop));
      i = stop;
    } else {
      i++;
    }
  }
  return comments;
}
