import { compileSegment, matchSegment, type SegmentPattern } from './segment-pattern.js';

/** A pattern part: `**` (any number of segments, none included), or one segment's pattern. */
type Part = { kind: 'globstar' } | { kind: 'segment'; pattern: SegmentPattern };

export interface CompiledGlob {
  /** The glob as written in the task spec. */
  source: string;
  /** Written with a leading `!`: a match takes the path back out of the list. */
  negated: boolean;
  parts: Part[];
}

const ANY_SEGMENT: Part = { kind: 'segment', pattern: [{ kind: 'star' }] };
const GLOBSTAR: Part = { kind: 'globstar' };

function partsOf(body: string): Part[] {
  return body
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map((s): Part => (s === '**' ? GLOBSTAR : { kind: 'segment', pattern: compileSegment(s) }));
}

/**
 * Compiles a glob with gitignore's meaning: a pattern without a `/` (other than a trailing one)
 * matches at any depth; a leading or inner `/` anchors it at the worktree root; a trailing `/`
 * matches directories only; `a/**` matches what is inside a. A pattern that matches a directory
 * matches everything under it, as gitignore ignores a directory's contents.
 */
export function compileGlob(source: string): CompiledGlob {
  const negated = source.startsWith('!');
  let body = negated ? source.slice(1) : source;
  if (body.startsWith('\\!') || body.startsWith('\\#')) body = body.slice(1);
  if (body.startsWith('./')) body = body.slice(2);
  const dirOnly = body.endsWith('/');
  body = body.replace(/\/+$/, '');
  const anchored = body.includes('/');
  const parts = partsOf(body);
  if (!anchored) parts.unshift(GLOBSTAR);
  if (body.endsWith('/**')) parts.splice(parts.length - 1, 1, ANY_SEGMENT, GLOBSTAR);
  // The tail lets the pattern match an ancestor directory of the path (at least one, for a/).
  parts.push(...(dirOnly ? [ANY_SEGMENT, GLOBSTAR] : [GLOBSTAR]));
  return { source, negated, parts: collapse(parts) };
}

/** Adjacent `**` parts mean the same as one. */
function collapse(parts: Part[]): Part[] {
  return parts.filter((part, i) => !(part.kind === 'globstar' && parts[i - 1]?.kind === 'globstar'));
}

/**
 * Matches path segments against the parts in O(parts × segments) segment matches: like the
 * star in a segment, a `**` only ever retries from the last `**`.
 */
export function matchGlob(glob: CompiledGlob, segments: readonly string[]): boolean {
  const parts = glob.parts;
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < segments.length) {
    const part = parts[p];
    if (part?.kind === 'globstar') {
      starP = p++;
      starS = s;
    } else if (part && matchSegment(part.pattern, segments[s]!)) {
      p++;
      s++;
    } else if (starP >= 0) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (parts[p]?.kind === 'globstar') p++;
  return p === parts.length;
}
