import type { DependencyTables } from './tables.js';

/** go.mod directives that choose dependencies. */
const DIRECTIVES = new Set(['require', 'replace', 'exclude', 'tool']);

/** `module/path v1.2.3` → key `module/path`; replace keys on its left side (`old [version]`). */
function entry(directive: string, rest: string): [string, string] {
  if (directive === 'replace') {
    const [left = rest, right = ''] = rest.split('=>').map((part) => part.trim());
    return [left, right];
  }
  const [path = rest, ...value] = rest.split(/\s+/);
  return [path, value.join(' ')];
}

/** The require, replace, exclude and tool entries of a go.mod (single lines and blocks). */
export function goModTables(text: string): DependencyTables {
  const out: DependencyTables = new Map();
  let block: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (block !== undefined && line === ')') {
      block = undefined;
      continue;
    }
    const [word = '', ...restWords] = line.split(/\s+/);
    const directive = block ?? word;
    const rest = block !== undefined ? line : restWords.join(' ');
    if (block === undefined && DIRECTIVES.has(word) && rest === '(') {
      block = word;
      continue;
    }
    if (!DIRECTIVES.has(directive)) continue;
    const table = out.get(directive) ?? new Map<string, string>();
    table.set(...entry(directive, rest));
    out.set(directive, table);
  }
  return out;
}
