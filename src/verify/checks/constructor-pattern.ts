import type { VerifyContext, VerifyOutcome } from '../../capabilities/types.js';
import { MAX_MEASURED_CHARS, measureSource } from '../../measure/index.js';
import { FILE_LINE_LIMIT, FUNCTION_LINE_LIMIT, sizeFindings, type SizeFinding } from '../../measure/size-limits.js';
import { presentFiles, type ChangedFile, type ChangedSet } from '../changed-set.js';
import { changedSetFor } from '../run-memo.js';
import { capped, plural } from './changed-paths.js';
import { contentAfter, contentBefore } from './base-content.js';

function describe(path: string, f: SizeFinding): string {
  switch (f.kind) {
    case 'file-too-long':
      return `${path}: ${f.lines} lines (limit ${f.limit})`;
    case 'file-grew':
      return `${path}: ${f.lines} lines, was ${f.before} (already over ${f.limit}, may not grow)`;
    case 'function-too-long':
      return `${path}:${f.fn.startLine} function ${f.fn.name}: ${f.fn.length} lines (limit ${f.limit})`;
    case 'function-grew':
      return `${path}:${f.fn.startLine} function ${f.fn.name}: ${f.fn.length} lines, was ${f.before} (already over ${f.limit}, may not grow)`;
    case 'too-large':
      return `${path}: ${f.chars} characters, too large to measure (limit ${f.limit})`;
  }
}

/** Cheap first look: a code file within both limits needs no comparison with its earlier version. */
function withinLimits(path: string, content: string): boolean {
  const m = measureSource(path, content);
  if (!m.code) return true;
  if (content.length > MAX_MEASURED_CHARS) return false;
  return m.lines <= FILE_LINE_LIMIT && m.functions.every((f) => f.length <= FUNCTION_LINE_LIMIT);
}

async function fileFindings(set: ChangedSet, file: ChangedFile, signal: AbortSignal): Promise<string[]> {
  const bytes = await contentAfter(set, file);
  if (bytes === undefined || bytes.includes(0)) return [];
  const after = bytes.toString('utf8');
  if (withinLimits(file.path, after)) return [];
  const before = await contentBefore(set, file, signal);
  return sizeFindings({ path: file.path, before, after }).map((f) => describe(file.path, f));
}

/**
 * quality::constructor-pattern on return: the changed files only (not the whole repository),
 * by the same size rule as the live gate: no file past 200 lines, no function the change
 * touched past 30, and what was already over a limit may not grow.
 */
export async function verifyConstructorPattern(ctx: VerifyContext): Promise<VerifyOutcome> {
  const set = await changedSetFor(ctx);
  const files = presentFiles(set);
  if (files.length === 0) return { status: 'pass', summary: 'no changed file to measure', evidence: [] };
  const found = (await Promise.all(files.map((f) => fileFindings(set, f, ctx.signal)))).flat();
  if (found.length > 0) {
    return { status: 'fail', summary: `${plural(found.length, 'size limit')} exceeded in the changed files`, evidence: capped(found) };
  }
  return { status: 'pass', summary: `${plural(files.length, 'changed file')} within ${FILE_LINE_LIMIT} lines and ${FUNCTION_LINE_LIMIT} per function`, evidence: [] };
}
