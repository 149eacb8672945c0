import v8 from 'node:v8';
import { createRequire } from 'node:module';
import { parseProgram } from '../../src/shell/parse/list.js';
import { newShared } from '../../src/shell/parse/state.js';
import type { ShellAnalysis } from '../../src/shell/types.js';

/** Without this the process waits for V8 to optimise the grammar's wasm at exit (hundreds of ms). */
v8.setFlagsFromString('--liftoff-only');
const require = createRequire(import.meta.url);

interface TsNode {
  type: string;
  text: string;
  namedChildren: TsNode[];
  childForFieldName(name: string): TsNode | null;
  child(index: number): TsNode | null;
}
interface TsParser {
  parse(text: string): { rootNode: TsNode & { hasError: boolean } } | null;
}

/** tree-sitter-bash (the grammar VS Code ships) as a test oracle. */
export async function loadTreeSitter(): Promise<TsParser> {
  const { Parser, Language } = (await import('web-tree-sitter')) as unknown as {
    Parser: { init(): Promise<void>; new (): TsParser & { setLanguage(l: unknown): void } };
    Language: { load(path: string): Promise<unknown> };
  };
  await Parser.init();
  const language = await Language.load(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter-bash.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** The command names (as written) tree-sitter finds anywhere in the program; undefined on a parse error. */
export function treeSitterNames(parser: TsParser, command: string): string[] | undefined {
  const tree = parser.parse(command);
  if (!tree || tree.rootNode.hasError) return undefined;
  const names: string[] = [];
  const walk = (node: TsNode) => {
    const name = nameOf(node);
    if (name !== undefined) names.push(name);
    for (const child of node.namedChildren) walk(child);
  };
  walk(tree.rootNode);
  return names.sort();
}

function nameOf(node: TsNode): string | undefined {
  if (node.type === 'command') return node.childForFieldName('name')?.text;
  if (node.type === 'declaration_command' || node.type === 'unset_command') return node.child(0)?.text;
  if (node.type === 'test_command' && node.text.startsWith('[') && !node.text.startsWith('[[')) return '[';
  return undefined;
}

const SYNTACTIC = new Set(['top', 'substitution', 'process-substitution', 'subshell', 'function']);

/** Our names for the same: commands as written in the text (not those found by unwrapping or re-parsing). */
export function ourNames(analysis: ShellAnalysis): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const command of analysis.commands) {
    if (!command.origin.every((origin) => SYNTACTIC.has(origin))) continue;
    const key = `${command.text}\0${command.argv[0]!.raw}`;
    if (command.origin.includes('function') && seen.has(key)) continue;
    seen.add(key);
    names.push(command.argv[0]!.raw);
  }
  return names.sort();
}

interface ShSyntax {
  parse(text: string): Promise<{ Stmts: unknown[] }>;
}

export function loadShSyntax(): ShSyntax {
  return require('sh-syntax') as ShSyntax;
}

/** mvdan/sh's verdict: the number of top-level statements, or 'error' when it rejects the text. */
export async function shSyntaxStatements(sh: ShSyntax, command: string): Promise<number | 'error'> {
  try {
    return (await sh.parse(command)).Stmts.length;
  } catch {
    return 'error';
  }
}

/** Ours: the number of top-level statements, or 'error' on a syntax error. */
export function ourStatements(command: string): number | 'error' {
  try {
    return parseProgram(command, newShared()).items.length;
  } catch (error) {
    if ((error as Error).name === 'ShellSyntaxError') return 'error';
    return -1;
  }
}
