/**
 * One path segment's pattern (`*.rs`, `?`, `[a-z]`, `[!._]*`), matched against one segment name
 * in O(pattern × name) time: a star only ever retries from the last star, so no input makes the
 * match backtrack further (regex-based matchers can take seconds on `*a*a*a*a*b` against a long
 * name).
 */
type CharToken =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; ranges: [string, string][] };

export type SegmentPattern = CharToken[];

/** One character of a class at `i` (`\x` is x); returns it and the index after it. */
function classChar(chars: string[], i: number): [string, number] {
  return chars[i] === '\\' && i + 1 < chars.length ? [chars[i + 1]!, i + 2] : [chars[i]!, i + 1];
}

/** Parses `[...]` starting at `chars[start] === '['`; undefined when it never closes. */
function parseClass(chars: string[], start: number): { token: CharToken; next: number } | undefined {
  let i = start + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  const first = i;
  while (i < chars.length) {
    if (chars[i] === ']' && i > first) return { token: { kind: 'class', negated, ranges }, next: i + 1 };
    const [low, afterLow] = classChar(chars, i);
    if (chars[afterLow] === '-' && afterLow + 1 < chars.length && chars[afterLow + 1] !== ']') {
      const [high, afterHigh] = classChar(chars, afterLow + 1);
      ranges.push([low, high]);
      i = afterHigh;
    } else {
      ranges.push([low, low]);
      i = afterLow;
    }
  }
  return undefined;
}

/** Compiles one segment of a glob; an unclosed `[` is a literal, `\x` escapes x. */
export function compileSegment(segment: string): SegmentPattern {
  const chars = Array.from(segment);
  const tokens: CharToken[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
    } else if (c === '[') {
      const parsed = parseClass(chars, i);
      if (parsed) {
        tokens.push(parsed.token);
        i = parsed.next - 1;
      } else {
        tokens.push({ kind: 'char', char: c });
      }
    } else {
      tokens.push({ kind: 'char', char: c === '\\' && i + 1 < chars.length ? chars[++i]! : c });
    }
  }
  return tokens;
}

function matchesOne(token: CharToken, char: string): boolean {
  if (token.kind === 'any') return true;
  if (token.kind === 'char') return token.char === char;
  if (token.kind === 'star') return false;
  const point = char.codePointAt(0)!;
  const inside = token.ranges.some(([low, high]) => point >= low.codePointAt(0)! && point <= high.codePointAt(0)!);
  return inside !== token.negated;
}

/** Does the whole segment name match? Case-sensitive, dot-files included, by code point. */
export function matchSegment(pattern: SegmentPattern, name: string): boolean {
  const chars = Array.from(name);
  let p = 0;
  let c = 0;
  let starP = -1;
  let starC = 0;
  while (c < chars.length) {
    const token = pattern[p];
    if (token?.kind === 'star') {
      starP = p++;
      starC = c;
    } else if (token && matchesOne(token, chars[c]!)) {
      p++;
      c++;
    } else if (starP >= 0) {
      p = starP + 1;
      c = ++starC;
    } else {
      return false;
    }
  }
  while (pattern[p]?.kind === 'star') p++;
  return p === pattern.length;
}
