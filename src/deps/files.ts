/** Which files declare or pin dependencies, by file name. */

/** Manifests whose dependency tables are compared; everything else in them may change. */
export type ManifestKind = 'cargo' | 'package-json' | 'pyproject' | 'requirements';

export type DependencyFile = { kind: 'lock' } | { kind: 'manifest'; manifest: ManifestKind };

/** Files a package manager writes to pin resolved versions: never written by an agent. */
export const LOCK_FILES: readonly string[] = [
  'Cargo.lock',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'poetry.lock',
  'uv.lock',
  'pdm.lock',
  'Pipfile.lock',
  'Gemfile.lock',
  'go.sum',
  'composer.lock',
];

// Compared lower-cased: on a case-insensitive file system CARGO.LOCK is Cargo.lock.
const LOCKS = new Set(LOCK_FILES.map((name) => name.toLowerCase()));
const MANIFESTS: Readonly<Record<string, ManifestKind>> = {
  'cargo.toml': 'cargo',
  'package.json': 'package-json',
  'pyproject.toml': 'pyproject',
};

/** requirements.txt, requirements-dev.txt, requirements.in (pip-tools input) … */
const REQUIREMENTS = /^requirements[\w.-]*\.(txt|in)$/;

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}

/** What a path is to the dependency rule, or undefined when it is an ordinary file. */
export function dependencyFile(path: string): DependencyFile | undefined {
  const name = baseName(path).toLowerCase();
  if (LOCKS.has(name)) return { kind: 'lock' };
  const manifest = Object.hasOwn(MANIFESTS, name) ? MANIFESTS[name] : REQUIREMENTS.test(name) ? 'requirements' : undefined;
  return manifest ? { kind: 'manifest', manifest } : undefined;
}
