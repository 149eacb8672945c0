import type { ShellAnalysis } from './types.js';

export interface AnalyseOptions {
  /** The call's working directory (absolute); used to read local scripts. */
  cwd?: string;
  /** Reads a local script file (size-limited) so `bash x.sh` can be analysed too. */
  readScript?: (absolutePath: string) => string | undefined;
}

/** Placeholder until the shell analysis lands: everything is unknown, so gated agents are denied. */
export function analyseShell(_command: string, _options: AnalyseOptions = {}): ShellAnalysis {
  return { status: 'unknown', problems: ['shell analysis not available'], commands: [], writes: [], effects: [] };
}
