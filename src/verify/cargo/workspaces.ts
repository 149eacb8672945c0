import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { git, splitNul } from '../git.js';

/** A directory cargo commands run in: a `[workspace]` root, or a package outside any workspace. */
export interface CargoRoot {
  /** Relative to the worktree, '' for the top level. */
  dir: string;
  packages: string[];
}

interface Manifest {
  dir: string;
  workspace: boolean;
  packageName: string | undefined;
}

async function readManifest(worktree: string, path: string): Promise<Manifest> {
  const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  try {
    const doc = parseToml(await readFile(join(worktree, path), 'utf8')) as Record<string, unknown>;
    const pkg = doc.package as { name?: unknown } | undefined;
    return { dir, workspace: 'workspace' in doc, packageName: typeof pkg?.name === 'string' ? pkg.name : undefined };
  } catch {
    // Unreadable or invalid TOML: cargo itself will say what is wrong when it runs there.
    return { dir, workspace: false, packageName: undefined };
  }
}

/** Does `dir` (relative, '' = top) contain `path`? */
export function contains(dir: string, path: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** The deepest root containing a path (cargo picks the nearest ancestor workspace). */
export function rootOf(roots: CargoRoot[], path: string): CargoRoot | undefined {
  let best: CargoRoot | undefined;
  for (const root of roots) {
    if (contains(root.dir, path) && (!best || root.dir.length > best.dir.length)) best = root;
  }
  return best;
}

/**
 * The Cargo roots of a worktree, from every tracked or untracked-not-ignored Cargo.toml:
 * workspace roots, and packages that belong to none.
 */
export async function cargoRoots(worktree: string, signal?: AbortSignal): Promise<CargoRoot[]> {
  const listed = await git(worktree, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', ':(glob)**/Cargo.toml'], signal);
  const paths = [...new Set(splitNul(listed))].filter((p) => posix.basename(p) === 'Cargo.toml');
  const manifests = await Promise.all(paths.map((p) => readManifest(worktree, p)));
  const roots: CargoRoot[] = manifests.filter((m) => m.workspace).map((m) => ({ dir: m.dir, packages: [] }));
  for (const m of manifests) {
    if (!m.packageName) continue;
    let root = rootOf(roots, m.dir === '' ? 'Cargo.toml' : `${m.dir}/Cargo.toml`);
    if (!root) {
      root = { dir: m.dir, packages: [] };
      roots.push(root);
    }
    root.packages.push(m.packageName);
  }
  return roots.sort((a, b) => a.dir.localeCompare(b.dir));
}

export function showRoot(dir: string): string {
  return dir === '' ? '(top level)' : dir;
}
