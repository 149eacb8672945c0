import type { FunctionLanguage } from './types.js';

const FUNCTION_LANGUAGES: Record<string, FunctionLanguage> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'tsx',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  rs: 'rust', py: 'python', pyi: 'python', pyw: 'python', go: 'go',
};

/** Source files the size rule measures by length only (no function boundaries for these). */
const LENGTH_ONLY = new Set([
  'sh', 'bash', 'zsh', 'fish', 'ps1', 'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'hxx', 'm', 'mm', 'java', 'kt',
  'kts', 'scala', 'swift', 'rb', 'php', 'pl', 'pm', 'lua', 'r', 'jl', 'zig', 'dart', 'ex', 'exs', 'erl', 'hs',
  'ml', 'mli', 'fs', 'fsx', 'cs', 'vue', 'svelte', 'groovy', 'gradle', 'clj', 'cljs', 'nim', 'sol',
]);

const SHEBANG = /^#![^\n]*?\b(python[\d.]*|node|deno|bun|sh|bash|zsh|dash|ksh|fish|ruby|perl|php|lua)\b/;

export interface Classification {
  /** A source-code file: the 200-line rule applies. */
  code: boolean;
  /** The language whose functions we measure, when we know its function boundaries. */
  language: FunctionLanguage | undefined;
}

/** What kind of file a path (and, for files without an extension, its shebang line) is. */
export function classify(path: string, content: string): Classification {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot > 0) {
    const ext = base.slice(dot + 1).toLowerCase();
    const language = FUNCTION_LANGUAGES[ext];
    return { code: language !== undefined || LENGTH_ONLY.has(ext), language };
  }
  const interpreter = SHEBANG.exec(content.slice(0, 200))?.[1];
  if (!interpreter) return { code: false, language: undefined };
  if (interpreter.startsWith('python')) return { code: true, language: 'python' };
  const js = interpreter === 'node' || interpreter === 'deno' || interpreter === 'bun';
  return { code: true, language: js ? 'javascript' : undefined };
}

/** True when the file name alone says it is code (no shebang look needed). */
export function hasExtension(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.lastIndexOf('.') > 0;
}
