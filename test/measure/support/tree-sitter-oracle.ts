/**
 * tree-sitter (web-tree-sitter with the grammars of @vscode/tree-sitter-wasm) as the oracle for
 * Rust, Python and Go function ranges. Test-only: never loaded at hook time.
 */
import { Language, Parser, type Node } from 'web-tree-sitter';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const grammars = join(dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm')), '');
let ready: Promise<void> | undefined;
const parsers = new Map<string, Parser>();

async function parserFor(grammar: 'rust' | 'python' | 'go'): Promise<Parser> {
  ready ??= Parser.init();
  await ready;
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(await Language.load(join(grammars, `tree-sitter-${grammar}.wasm`)));
    parsers.set(grammar, parser);
  }
  return parser;
}

function collect(node: Node, types: readonly string[], out: Node[]): void {
  if (types.includes(node.type)) out.push(node);
  for (const child of node.children) if (child) collect(child, types, out);
}

const line = (row: number) => row + 1;

/** Rust: function items and closures; an item counts from its first outer attribute. */
export async function rustSpans(code: string): Promise<string[]> {
  const nodes: Node[] = [];
  collect((await parserFor('rust')).parse(code)!.rootNode, ['function_item', 'closure_expression'], nodes);
  return nodes.map((n) => {
    let start = n.startPosition.row;
    for (let s = n.previousSibling; s && /attribute_item|comment/.test(s.type); s = s.previousSibling) {
      if (s.type === 'attribute_item') start = s.startPosition.row;
    }
    return `${line(start)}-${line(n.endPosition.row)}`;
  });
}

/** Python: function definitions, from their first decorator. */
export async function pythonSpans(code: string): Promise<string[]> {
  const nodes: Node[] = [];
  collect((await parserFor('python')).parse(code)!.rootNode, ['function_definition'], nodes);
  return nodes.map((n) => {
    const outer = n.parent?.type === 'decorated_definition' ? n.parent : n;
    return `${line(outer.startPosition.row)}-${line(n.endPosition.row)}`;
  });
}

/** Go: declarations, methods and function literals that have a body. */
export async function goSpans(code: string): Promise<string[]> {
  const nodes: Node[] = [];
  collect((await parserFor('go')).parse(code)!.rootNode, ['function_declaration', 'method_declaration', 'func_literal'], nodes);
  return nodes.filter((n) => n.childForFieldName('body')).map((n) => `${line(n.startPosition.row)}-${line(n.endPosition.row)}`);
}
