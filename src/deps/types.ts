/**
 * One difference in what a file says about dependencies. Values are canonical JSON (object
 * keys sorted), so `serde = "1"` and `[dependencies.serde]` forms compare by meaning.
 */
export type DependencyChange =
  | {
      kind: 'entry';
      file: string;
      /** The table the entry lives in, as written in the file: `dependencies`, `target.'cfg(unix)'.dependencies`. */
      table: string;
      /** The dependency's name (or, in a requirements file, the option line). */
      key: string;
      /** undefined = absent on that side. */
      before: string | undefined;
      after: string | undefined;
    }
  /** A lock file whose bytes differ. */
  | { kind: 'lock'; file: string }
  /** The file does not parse on one side, so its dependencies cannot be compared. */
  | { kind: 'unparsable'; file: string; side: 'before' | 'after'; problem: string };

/** Table name → dependency name → its declaration (parsed value). */
export type DependencyTables = Map<string, Map<string, unknown>>;
