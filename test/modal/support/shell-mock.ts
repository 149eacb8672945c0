/**
 * vi.mock factory for src/shell/index.js: the real analysis when it is available (it answers
 * 'ok' for `true`), otherwise the small fallback in shell-fallback.ts.
 */
import type { AnalyseOptions } from '../../../src/shell/index.js';
import type { ShellAnalysis } from '../../../src/shell/types.js';
import { fallbackAnalyse } from './shell-fallback.js';

type Analyse = (command: string, options?: AnalyseOptions) => ShellAnalysis;

export function shellWithFallback(real: Analyse): { analyseShell: Analyse } {
  const realAvailable = real('true', { cwd: '/' }).status === 'ok';
  return { analyseShell: realAvailable ? real : (command) => fallbackAnalyse(command) };
}
