import type { TaskSpec } from '../../schemas/task-spec.js';
import { describeGlob, scopeVerdict, type FileScope, type ScopeVerdict } from '../../paths/index.js';

/** Each scope glob with how it is applied, one per line. */
export function describeScope(scope: FileScope): string[] {
  const lines: string[] = [];
  for (const field of ['files-whitelist', 'files-denylist'] as const) {
    const globs = scope[field];
    if (globs === undefined) continue;
    lines.push(`scope.${field}:${globs.length === 0 ? ' (empty)' : ''}`);
    for (const glob of globs) lines.push(`  ${glob}  — ${describeGlob(glob)}`);
  }
  return lines;
}

function verdictText(verdict: ScopeVerdict): string {
  const glob = verdict.glob === undefined ? '' : ` \`${verdict.glob}\``;
  switch (verdict.rule) {
    case 'whitelist':
      return `allowed by whitelist glob${glob}`;
    case 'denylist':
      return `denied by denylist glob${glob}`;
    case 'protected':
      return `denied: under${glob}, which no task may change`;
    case 'outside-worktree':
      return 'denied: outside the worktree';
    case 'no-whitelist-match':
      return verdict.glob === undefined ? 'denied: no whitelist glob matches' : `denied: taken back out by${glob}`;
  }
}

/** The spec as JSON, its globs explained, and the verdict for each given relative path. */
export function describeSpec(spec: TaskSpec, paths: readonly string[]): string[] {
  const scope = spec.scope ?? {};
  const lines = [JSON.stringify(spec, null, 2), ...describeScope(scope)];
  if (paths.length > 0) lines.push('paths:');
  for (const path of paths) lines.push(`  ${path}: ${verdictText(scopeVerdict(path, scope))}`);
  return lines;
}
