/**
 * Claude Code's matcher rule for hook groups: empty or `*` matches everything; a matcher made
 * only of name characters, `|` and `,` is an exact list; anything else is an unanchored RegExp.
 */
const EXACT_LIST = /^[A-Za-z0-9_ ,|-]*$/;

export function matcherMatches(matcher: string | undefined, name: string): boolean {
  if (matcher === undefined || matcher === '' || matcher === '*') return true;
  if (EXACT_LIST.test(matcher)) {
    return matcher
      .split(/[|,]/)
      .map((s) => s.trim())
      .includes(name);
  }
  try {
    return new RegExp(matcher).test(name);
  } catch {
    return false;
  }
}
