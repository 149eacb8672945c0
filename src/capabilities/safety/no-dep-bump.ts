import { isAbsolute, relative, resolve } from 'node:path';
import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { canonicalPath, fileToolPath, placeBashWrites } from '../../paths/index.js';
import { dependencyFileKind } from '../../deps/files.js';
import { ManifestParseError, type DependencyChange } from '../../deps/types.js';
import { applyFileTool, dependencyChanges, readCurrent } from '../../hook/parts/file-edits.js';
import { dependencyCommand } from '../../hook/parts/bash.js';
import { verifyNoDepBump } from '../../hook/parts/verify-checks.js';

const PASS: GateOutcome = { kind: 'pass' };
const MANIFEST_READ_LIMIT = 4_000_000;

function deny(message: string, data: Record<string, string | number>): GateOutcome {
  return { kind: 'deny', message, data };
}

function shown(ctx: GateContext, path: string): string {
  const inside = relative(ctx.worktree(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

function short(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

function describeChange(c: DependencyChange): string {
  if (c.before === undefined) return `adds ${c.key} = ${short(c.after!)} to [${c.table}]`;
  if (c.after === undefined) return `removes ${c.key} from [${c.table}]`;
  return `changes ${c.key} in [${c.table}] from ${short(c.before)} to ${short(c.after)}`;
}

/** "adds serde = "1" to [dependencies]; removes rand from [dev-dependencies]; and 2 more". */
export function describeChanges(changes: readonly DependencyChange[]): string {
  const listed = changes.slice(0, 3).map(describeChange);
  if (changes.length > 3) listed.push(`and ${changes.length - 3} more`);
  return listed.join('; ');
}

/** The path with the symlinks of its existing part followed (a loop leaves it as written). */
function realPath(path: string): string {
  try {
    return canonicalPath(path);
  } catch {
    return path;
  }
}

/** Edit/Write/MultiEdit of a lock file (denied) or a manifest (denied when a dependency entry changes). */
function checkFileTool(ctx: GateContext): GateOutcome {
  const target = fileToolPath(ctx.toolName, ctx.toolInput);
  if (!target) return PASS;
  if (target.path === undefined) return deny('invalid-input', { tool: ctx.toolName ?? '', problem: `no ${target.field}` });
  const path = resolve(ctx.input.cwd, target.path);
  const real = realPath(path);
  const kind = dependencyFileKind(real) ?? dependencyFileKind(path);
  if (kind === undefined) return PASS;
  const file = shown(ctx, path);
  if (kind === 'lock') return deny('lock-file', { file });
  const current = readCurrent(real, MANIFEST_READ_LIMIT);
  if ('error' in current) return deny('unreadable', { file, error: current.error });
  const result = applyFileTool(ctx.toolName ?? '', ctx.toolInput, current.content);
  if (result.kind === 'invalid') return deny('invalid-input', { tool: ctx.toolName ?? '', problem: result.reason });
  if (result.kind === 'not-applied') return PASS;
  return manifestOutcome(real, file, current.content, result.after);
}

function manifestOutcome(path: string, file: string, before: string | undefined, after: string): GateOutcome {
  try {
    const changes = dependencyChanges(path, before, after);
    return changes.length === 0 ? PASS : deny('dependency-change', { file, changes: describeChanges(changes), count: changes.length });
  } catch (error) {
    if (!(error instanceof ManifestParseError)) throw error;
    return deny('manifest-unparseable', { file, error: error.detail });
  }
}

/** Bash: package-manager commands that change dependencies, and writes to manifests or lock files. */
function checkBash(ctx: GateContext): GateOutcome[] {
  const analysis = ctx.shell();
  if (analysis.status === 'unknown') return [deny('shell-unknown', { problems: analysis.problems.join('; ') || 'not understood' })];
  const outcomes: GateOutcome[] = [];
  for (const command of analysis.commands) {
    const found = dependencyCommand(command);
    if (!found) continue;
    const guess = found.guessed ? ` (its name is only known when it runs; as \`${found.tool}\` it)` : '';
    outcomes.push(deny('dependency-command', { command: command.text, guess, effect: found.verdict.effect, instead: found.verdict.instead ? `${found.verdict.instead} ` : '' }));
  }
  for (const write of placeBashWrites(analysis, ctx.input.cwd, ctx.worktree())) {
    const command = write.target.command.text;
    if (write.where.place === 'unknown') outcomes.push(deny('bash-write-unknown', { command, problem: write.where.problem }));
    else if (write.where.place === 'inside') {
      const kind = dependencyFileKind(write.where.abs);
      if (kind) outcomes.push(deny('bash-writes-dependency-file', { command, file: write.where.rel, what: kind === 'lock' ? 'a lock file' : 'a dependency manifest' }));
    }
  }
  return outcomes.length > 0 ? outcomes : [PASS];
}

/**
 * PreToolUse Edit|Write|MultiEdit and Bash: no dependency is added, removed or upgraded and no
 * lock file is written (see deps/ for the files, tables and commands covered).
 */
function checkDependencies(ctx: GateContext): GateOutcome | GateOutcome[] {
  if (ctx.toolName === 'Bash') return checkBash(ctx);
  return checkFileTool(ctx);
}

const capability: CapabilityModule = {
  name: 'safety::no-dep-bump',
  verify: verifyNoDepBump,
  gate: checkDependencies,
};
export default capability;
