/** One dependency entry that differs between two versions of a manifest. */
export interface DependencyChange {
  /** The manifest or lock file (as given). */
  file: string;
  /** Where the entry lives: `dependencies`, `target.'cfg(unix)'.dev-dependencies`, `devDependencies`, `require`… */
  table: string;
  /** The dependency's key (crate, package, module); `*` for a lock file as a whole. */
  key: string;
  /** Its value before (compact JSON or the requirement line); undefined when added. */
  before: string | undefined;
  /** Its value after; undefined when removed. */
  after: string | undefined;
}

/** A manifest that does not parse, so its dependency tables cannot be compared. */
export class ManifestParseError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'ManifestParseError';
  }
}

export type DependencyFileKind = 'cargo' | 'package-json' | 'pyproject' | 'pipfile' | 'go-mod' | 'requirements' | 'lock';
