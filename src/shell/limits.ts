/**
 * Hard bounds on the shell analysis. Anything past one of them makes the analysis unknown
 * (a deny for gated agents) instead of slow: hooks run on every tool call.
 */
export const LIMITS = {
  /** Characters of one command (UTF-16 code units). */
  inputChars: 512 * 1024,
  /** Characters parsed in total, counting every re-parse (bash -c strings, eval, scripts). */
  parsedChars: 2 * 1024 * 1024,
  /** Words in total, over every parse. */
  words: 20_000,
  /** Nesting of substitutions, compound commands and re-parsed strings. */
  depth: 64,
  /** AST nodes visited while extracting commands (function calls re-visit bodies). */
  visits: 100_000,
  /** Commands reported. */
  commands: 10_000,
  /** Wrapper and re-parse chain length for one command (sudo env nice bash -c ...). */
  unwrapDepth: 24,
  /** Local scripts read per analysis. */
  scripts: 16,
  /** Interpreter source characters scanned per analysis. */
  interpreterChars: 512 * 1024,
} as const;
