import type { FunctionSpan } from '../types.js';
import { lexJs } from './lexer.js';
import { JsScanner } from './scanner.js';

export type JsDialect = 'typescript' | 'tsx' | 'javascript';

/** Functions of a JS/TS source with ESLint max-lines-per-function ranges. */
export function jsFunctions(src: string, dialect: JsDialect): FunctionSpan[] {
  const typescript = dialect !== 'javascript';
  const tokens = lexJs(src, { jsx: dialect !== 'typescript', typescript });
  return new JsScanner(tokens, typescript).run();
}
