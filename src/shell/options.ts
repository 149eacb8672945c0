export interface AnalyseOptions {
  /** The call's working directory (absolute); used to read local scripts. */
  cwd?: string;
  /** Reads a local script file (size-limited) so `bash x.sh` can be analysed too. */
  readScript?: (absolutePath: string) => string | undefined;
}
