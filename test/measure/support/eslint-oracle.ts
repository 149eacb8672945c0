/**
 * ESLint as the oracle for function lines: the real max-lines-per-function rule (max 0, blank
 * and comment lines counted, IIFEs included) reports every function's line count, and a
 * companion rule reports the same nodes' start and end lines so ranges can be compared, not
 * just lengths. The companion applies the rule's own choice of node: a method's function counts
 * from its MethodDefinition/Property (key, modifiers, decorators).
 */
import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

export interface OracleSpan {
  start: number;
  end: number;
}

type FunctionNode = Rule.Node & { parent: (Rule.Node & { value?: unknown; method?: boolean; kind?: string }) | null };

function measuredNode(node: FunctionNode): Rule.Node {
  const parent = node.parent;
  if (!parent || parent.value !== node) return node;
  if (parent.type === 'MethodDefinition') return parent;
  const accessor = parent.kind === 'get' || parent.kind === 'set';
  return parent.type === 'Property' && (parent.method === true || accessor) ? parent : node;
}

const ranges: Rule.RuleModule = {
  meta: { schema: [] },
  create(context) {
    const report = (node: Rule.Node) => {
      const loc = measuredNode(node as FunctionNode).loc!;
      context.report({ node, message: JSON.stringify([loc.start.line, loc.end.line]) });
    };
    return { FunctionDeclaration: report, FunctionExpression: report, ArrowFunctionExpression: report };
  },
};

const linter = new Linter({ configType: 'flat' });
const FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/** Every function ESLint measures in `code`, plus the counts the real rule reported. */
export function eslintFunctions(code: string, fileName: string): { spans: OracleSpan[]; counts: number[] } {
  const jsx = !/\.(ts|mts|cts)$/.test(fileName);
  const messages = linter.verify(
    code,
    [
      {
        files: FILES,
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx } } },
        plugins: { oracle: { rules: { ranges } } },
        rules: {
          'oracle/ranges': 'error',
          'max-lines-per-function': ['error', { max: 0, skipBlankLines: false, skipComments: false, IIFEs: true }],
        },
      },
    ],
    `corpus/${fileName.split('/').pop()}`,
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`ESLint cannot parse ${fileName}: ${fatal.message} (line ${fatal.line})`);
  const spans = messages.filter((m) => m.ruleId === 'oracle/ranges').map((m) => {
    const [start, end] = JSON.parse(m.message) as [number, number];
    return { start, end };
  });
  const counts = messages.filter((m) => m.ruleId === 'max-lines-per-function').map((m) => Number(/\((\d+)\)/.exec(m.message)![1]));
  return { spans, counts };
}
