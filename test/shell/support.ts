import { readFileSync, statSync } from 'node:fs';
import { analyseShell, type AnalyseOptions } from '../../src/shell/index.js';
import type { ShellAnalysis } from '../../src/shell/types.js';

/** Reads scripts the way the hook does (size-limited). */
export function readScript(path: string): string | undefined {
  try {
    if (statSync(path).size > 256 * 1024) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function analyse(command: string, options: AnalyseOptions = {}): ShellAnalysis {
  return analyseShell(command, { cwd: options.cwd ?? process.cwd(), readScript, ...options });
}

/** `name@origin>origin` for every command, in order; origins after 'top' only. */
export function commandsOf(command: string, options: AnalyseOptions = {}): string[] {
  return analyse(command, options).commands.map((c) => `${c.name}${c.origin.length > 1 ? '@' + c.origin.slice(1).join('>') : ''}`);
}

export function namesOf(command: string, options: AnalyseOptions = {}): string[] {
  return analyse(command, options).commands.map((c) => c.name);
}

export function writesOf(command: string, options: AnalyseOptions = {}): string[] {
  return analyse(command, options).writes.map((w) => `${w.path ?? '?'}:${w.via}${w.cwd !== '.' ? '@' + (w.cwd ?? '?') : ''}`);
}
