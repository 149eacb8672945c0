import type { FunctionLanguage, FunctionSpan, SourceMeasure } from './types.js';
import { classify } from './language.js';
import { countLines } from './lines.js';
import { isGenerated } from './generated.js';
import { jsFunctions } from './js/index.js';
import { rustFunctions } from './rust/functions.js';
import { pythonFunctions } from './python/functions.js';
import { goFunctions } from './go/functions.js';

export type { FunctionSpan, SourceMeasure, FunctionLanguage } from './types.js';
export { countLines } from './lines.js';
export { isGenerated } from './generated.js';
export { classify } from './language.js';

/** Content larger than this is not searched for functions (bounded work); see `measureSource`. */
export const MAX_MEASURED_CHARS = 1_000_000;

/** The functions of a source in a language whose function boundaries we know. */
export function functionsOf(language: FunctionLanguage, content: string): FunctionSpan[] {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return jsFunctions(content, language);
    case 'rust':
      return rustFunctions(content);
    case 'python':
      return pythonFunctions(content);
    case 'go':
      return goFunctions(content);
  }
}

/**
 * Measures one file's content as the size rule sees it: lines as `wc -l` counts them, every
 * function with its signature-through-closing-line span, and whether it carries a
 * generated-code marker. Pure: no file system access. Functions are not searched in content
 * over MAX_MEASURED_CHARS (`functions` is then empty and `language` undefined).
 */
export function measureSource(path: string, content: string): SourceMeasure {
  const { code, language } = classify(path, content);
  const measurable = language !== undefined && content.length <= MAX_MEASURED_CHARS && !content.includes('\0');
  return {
    lines: countLines(content),
    functions: measurable ? functionsOf(language, content) : [],
    generated: isGenerated(content),
    language: measurable ? language : undefined,
    code,
  };
}
