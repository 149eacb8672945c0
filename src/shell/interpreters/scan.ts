import { AWK, BARE_CALLS, NODE, PERL, PYTHON, RUBY, type Api } from './apis.js';
import { findCalls, type Call } from './calls.js';
import { tokenize, type Syntax, type Token } from './lexer.js';
import { applyShape } from './shapes.js';

export type Language = 'python' | 'node' | 'perl' | 'ruby' | 'awk';

/** Something a piece of interpreter code does that the gates care about. */
export interface Finding {
  kind: 'exec' | 'kill' | 'write' | 'dynamic-exec';
  api: string;
  detail: string;
  /** exec: a static argv … */
  argv?: string[];
  /** … or static shell text. */
  shell?: string;
  /** write: the static path. kill: the static pid. */
  path?: string;
  pid?: string;
  /** code: static code in the same language (exec('…')), scanned again. */
  code?: string;
}

const SYNTAX: Record<Language, Syntax> = {
  python: { hashComments: true, slashComments: false, python: true, interpolate: '', backtick: 'none', quoteOps: 'none' },
  node: { hashComments: false, slashComments: true, python: false, interpolate: '', backtick: 'template', quoteOps: 'none' },
  perl: { hashComments: true, slashComments: false, python: false, interpolate: '$', backtick: 'exec', quoteOps: 'perl' },
  ruby: { hashComments: true, slashComments: false, python: false, interpolate: '#{', backtick: 'exec', quoteOps: 'ruby' },
  awk: { hashComments: true, slashComments: false, python: false, interpolate: '', backtick: 'none', quoteOps: 'none' },
};
const TABLES: Record<Language, Map<string, Api>> = { python: PYTHON, node: NODE, perl: PERL, ruby: RUBY, awk: AWK };

export function scanCode(language: Language, code: string): Finding[] {
  const tokens = tokenize(code, SYNTAX[language]);
  const mentioned = mentions(tokens);
  const aliases = aliasMap(tokens, TABLES[language]);
  const bare = language === 'perl' || language === 'ruby' ? BARE_CALLS : undefined;
  const findings: Finding[] = [];
  for (const call of findCalls(tokens, bare)) {
    const name = aliases.get(call.name) ?? call.name;
    const api = TABLES[language].get(name);
    if (!api || (api.needs !== undefined && !api.needs.some((m) => mentioned.has(m)))) continue;
    const qualifier = language === 'node' && call.qualifier === '' ? undefined : moduleQualifier(call.qualifier, api);
    const resolved: Call = { ...call, name, qualifier };
    findings.push(...applyShape(api.shape, resolved, language));
  }
  findings.push(...execTokens(tokens, language));
  if (language === 'awk') findings.push(...awkRedirections(tokens));
  findings.push(...unfollowedModules(language, mentioned, findings));
  return findings;
}

/** Modules whose only purpose is running programs; used but with no call we recognise = unknown. */
const EXEC_MODULES: Partial<Record<Language, string[]>> = { python: ['subprocess', 'pty'], node: ['child_process', 'node:child_process'] };

function unfollowedModules(language: Language, mentioned: Set<string>, findings: Finding[]): Finding[] {
  const used = (EXEC_MODULES[language] ?? []).find((module) => mentioned.has(module));
  if (!used || findings.some((f) => f.kind === 'exec' || f.kind === 'dynamic-exec')) return [];
  return [{ kind: 'dynamic-exec', api: used, detail: `uses ${used} in a way that cannot be followed` }];
}

/** Identifiers and string contents: `require('child_process')` mentions child_process. */
function mentions(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  for (const token of tokens) if ((token.t === 'id' || token.t === 'str') && token.v !== undefined && token.v.length < 64) out.add(token.v);
  return out;
}

/**
 * A qualifier that is not one of the API's modules means a method on some object (a Path, a
 * process), whose first argument is not the path. In JavaScript `require('fs').x(…)` is the module.
 */
function moduleQualifier(qualifier: string | undefined, api: Api): string | undefined {
  if (qualifier === undefined || (qualifier !== '' && (!api.needs || api.needs.includes(qualifier)))) return qualifier;
  return `.${qualifier}`;
}

/** `from os import system as s`, `{ execSync: run }`, `run = os.system`: aliases of table names. */
function aliasMap(tokens: Token[], table: Map<string, Api>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (let k = 0; k + 2 < tokens.length; k += 1) {
    const [a, b, c] = [tokens[k]!, tokens[k + 1]!, tokens[k + 2]!];
    if (a.t !== 'id' || c.t !== 'id') continue;
    if (b.t === 'id' && b.v === 'as' && table.has(a.v)) aliases.set(c.v, a.v);
    if (b.t === 'p' && b.v === ':' && table.has(a.v)) aliases.set(c.v, a.v);
    if (b.t === 'p' && b.v === '=' && tokens[k + 3]?.v !== '(' && lastOfChain(tokens, k + 2, table)) aliases.set(a.v, lastOfChain(tokens, k + 2, table)!);
  }
  return aliases;
}

function lastOfChain(tokens: Token[], k: number, table: Map<string, Api>): string | undefined {
  let end = k;
  while (tokens[end + 1]?.v === '.' && tokens[end + 2]?.t === 'id') end += 2;
  const last = tokens[end]!;
  return last.t === 'id' && table.has(last.v) && tokens[end + 1]?.v !== '(' ? last.v : undefined;
}

/** Perl/Ruby backticks and qx//, %x(): shell text run directly. */
function execTokens(tokens: Token[], language: Language): Finding[] {
  return tokens
    .filter((token): token is Extract<Token, { t: 'exec' }> => token.t === 'exec')
    .map((token) =>
      token.v === undefined
        ? { kind: 'dynamic-exec' as const, api: '`…`', detail: `${language} runs a command built at run time` }
        : { kind: 'exec' as const, api: '`…`', detail: token.v, shell: token.v },
    );
}

/** awk: `print > "file"`, `print | "cmd"`, `"cmd" | getline`. */
function awkRedirections(tokens: Token[]): Finding[] {
  const out: Finding[] = [];
  for (let k = 0; k + 1 < tokens.length; k += 1) {
    const [a, b] = [tokens[k]!, tokens[k + 1]!];
    if (a.t === 'p' && a.v === '|' && b.t === 'str') out.push(shellFinding(b.v, 'print | "cmd"'));
    if (a.t === 'str' && b.t === 'p' && b.v === '|' && tokens[k + 2]?.v === 'getline') out.push(shellFinding(a.v, '"cmd" | getline'));
    if (a.t === 'p' && a.v === '>' && b.t === 'str') out.push({ kind: 'write', api: 'print >', detail: b.v ?? 'a file', ...(b.v ? { path: b.v } : {}) });
  }
  return out;
}

function shellFinding(text: string | undefined, api: string): Finding {
  return text === undefined ? { kind: 'dynamic-exec', api, detail: 'a command built at run time' } : { kind: 'exec', api, detail: text, shell: text };
}
