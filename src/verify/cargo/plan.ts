import type { ChangedSet } from '../changed-set.js';
import { touchedPaths } from '../changed-set.js';
import { rootOf, showRoot, type CargoRoot } from './workspaces.js';

/** One cargo command: where it runs and its arguments (without `--offline`). */
export interface CargoStep {
  dir: string;
  args: string[];
}

export type CargoPlan =
  | { kind: 'run'; steps: CargoStep[] }
  | { kind: 'skip' | 'fail'; reason: string; evidence: string[] };

export function describeStep(step: CargoStep): string {
  return `cargo ${step.args.join(' ')} in ${showRoot(step.dir)}`;
}

/** Groups crates by the root that holds them; crates no Cargo.toml declares are reported. */
function locate(roots: CargoRoot[], crates: string[]): { byRoot: Map<string, string[]>; missing: string[] } {
  const byRoot = new Map<string, string[]>();
  const missing: string[] = [];
  for (const crate of crates) {
    const root = roots.find((r) => r.packages.includes(crate));
    if (!root) missing.push(crate);
    else byRoot.set(root.dir, [...(byRoot.get(root.dir) ?? []), crate]);
  }
  return { byRoot, missing };
}

function missingCrates(missing: string[], roots: CargoRoot[]): CargoPlan {
  const known = roots.flatMap((r) => r.packages);
  return {
    kind: 'fail',
    reason: `task lists crate${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that no Cargo.toml in the worktree declares`,
    evidence: [`packages found: ${known.length > 0 ? known.join(', ') : 'none'}`],
  };
}

/**
 * What `cargo check` runs: `-p` for each listed crate, or `--workspace` in every Cargo root the
 * change touches. Nothing to check is a skip with its reason, never a silent pass.
 */
export function planCheck(roots: CargoRoot[], set: ChangedSet, crates: string[] | undefined): CargoPlan {
  if (roots.length === 0) return { kind: 'skip', reason: 'no Cargo.toml in the worktree', evidence: [] };
  if (crates && crates.length > 0) {
    const { byRoot, missing } = locate(roots, crates);
    if (missing.length > 0) return missingCrates(missing, roots);
    return { kind: 'run', steps: [...byRoot].map(([dir, list]) => ({ dir, args: ['check', ...list.flatMap((c) => ['-p', c])] })) };
  }
  const touched = new Set<string>();
  for (const path of touchedPaths(set)) {
    const root = rootOf(roots, path);
    if (root) touched.add(root.dir);
  }
  if (touched.size === 0) {
    return { kind: 'skip', reason: 'the change touches no Cargo workspace', evidence: [`Cargo roots: ${roots.map((r) => showRoot(r.dir)).join(', ')}`] };
  }
  return { kind: 'run', steps: [...touched].sort().map((dir) => ({ dir, args: ['check', '--workspace'] })) };
}

/** One `cargo test -p <crate>` per listed crate, in the root that declares it. */
export function planTests(roots: CargoRoot[], crates: string[]): CargoPlan {
  const { byRoot, missing } = locate(roots, crates);
  if (missing.length > 0) return missingCrates(missing, roots);
  const steps: CargoStep[] = [];
  for (const [dir, list] of byRoot) for (const crate of list) steps.push({ dir, args: ['test', '-p', crate] });
  return { kind: 'run', steps };
}
