/**
 * The result of analysing one Bash tool call: what bash could execute and what it could write.
 * Consumers (gates) never re-parse command strings; they read this.
 */

/** How a word got its value. Only `literal` words have a value known before bash runs. */
export type Provenance = 'literal' | 'variable' | 'substitution' | 'arithmetic' | 'glob' | 'unknown';

export interface Word {
  /** Value after quote removal when static; undefined when any part is not static. */
  value: string | undefined;
  /** Source text of the word. */
  raw: string;
  /** True when the value is fully known statically. */
  static: boolean;
  /** The non-literal kinds found in the word (empty when static). */
  dynamic: Provenance[];
  /**
   * For a word whose only non-literal parts are globs: the pattern (quoted text escaped with
   * backslashes), so a consumer can ask what it could match.
   */
  pattern?: string;
}

/** How a command came to be executed, outermost first, e.g. ['top'], ['top', 'bash -c']. */
export type Origin =
  | 'top'
  | 'substitution'
  | 'process-substitution'
  | 'subshell'
  | 'shell-c'
  | 'shell-stdin'
  | 'eval'
  | 'wrapper'
  | 'xargs'
  | 'find-exec'
  | 'parallel'
  | 'trap'
  | 'function'
  | 'alias'
  | 'script'
  | 'interpreter';

export interface Redirect {
  /** fd number the redirection applies to (1 for `>`, 0 for `<`; `&>` is reported as 1 with both=true). */
  fd: number;
  op: '>' | '>>' | '>|' | '&>' | '&>>' | '<' | '<>' | '<<' | '<<-' | '<<<' | '>&' | '<&';
  /** Target word (file, fd number for >&N); for heredocs the delimiter. */
  target: Word;
  /** True for `&>`/`&>>` (stdout and stderr). */
  both?: boolean;
}

export interface ExecutedCommand {
  /** argv[0] basename after unwrapping wrappers; '' when the name is not static. */
  name: string;
  /** The full argv as words (argv[0] included, as written). */
  argv: Word[];
  /** Static argument values after argv[0]; a non-static argument is undefined. */
  args: (string | undefined)[];
  /** argv[0] was not a literal (`$x push`, `$(echo git) push`). */
  dynamicName: boolean;
  origin: Origin[];
  redirects: Redirect[];
  /** Assignment prefixes (`FOO=1 cmd`). */
  assignments: { name: string; value: string | undefined }[];
  /** Directory the command runs in relative to the call's cwd after `cd`/`pushd`; undefined = unknown. */
  cwd: string | undefined;
  /** Source text of the simple command, for messages. */
  text: string;
}

/** A file the command could write. */
export interface WriteTarget {
  /** Path as written (resolved against `cwd` by the consumer); undefined when not static. */
  path: string | undefined;
  /** What writes it: 'redirect', 'tee', 'sed -i', 'cp', 'interpreter', ... */
  via: string;
  /** Directory relative targets are based on (after cd); undefined = unknown. */
  cwd: string | undefined;
  command: ExecutedCommand;
}

/** Something interpreter code (python -c, node -e, ...) does that a gate may care about. */
export interface InterpreterEffect {
  kind: 'exec' | 'kill' | 'write' | 'dynamic-exec';
  language: string;
  /** e.g. 'subprocess.run', 'os.kill', 'open(..., "w")'. */
  api: string;
  detail: string;
  command: ExecutedCommand;
}

export interface ShellAnalysis {
  /** 'unknown' when a limit was passed or a construct was not understood: gated agents deny. */
  status: 'ok' | 'unknown';
  /** Why the analysis is unknown, or what could not be resolved (human-readable). */
  problems: string[];
  /** Every command bash could execute, including nested and unwrapped ones. */
  commands: ExecutedCommand[];
  writes: WriteTarget[];
  effects: InterpreterEffect[];
}
