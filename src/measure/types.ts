/** One function as the size rule sees it: signature line through closing line, both inclusive. */
export interface FunctionSpan {
  name: string;
  startLine: number;
  endLine: number;
  /** endLine - startLine + 1: every physical line, comments and blank lines included. */
  length: number;
}

/** The languages whose function boundaries we know; other code files are measured by length only. */
export type FunctionLanguage = 'typescript' | 'tsx' | 'javascript' | 'rust' | 'python' | 'go';

export interface SourceMeasure {
  /** Lines as `wc -l` counts them: the number of newline characters. */
  lines: number;
  /** Every function found, in source order; empty for languages without function boundaries. */
  functions: FunctionSpan[];
  /** The file carries a generated-code marker in its header (see generated.ts). */
  generated: boolean;
  /** The language functions were measured as; undefined for non-code files and length-only languages. */
  language: FunctionLanguage | undefined;
  /** True when the path is a source-code file the size rule applies to. */
  code: boolean;
}
