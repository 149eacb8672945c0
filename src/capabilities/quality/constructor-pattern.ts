import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import { applyFileTool } from '../../measure/edit-result.js';
import { classify, hasExtension } from '../../measure/language.js';
import { MAX_MEASURED_CHARS } from '../../measure/index.js';
import { sizeFindings, type SizeFinding } from '../../measure/size-limits.js';

const FILE_TOOLS = new Set(['Edit', 'Write', 'MultiEdit']);
const PASS: GateOutcome = { kind: 'pass' };

function deny(message: string, data: Record<string, string | number>): GateOutcome {
  return { kind: 'deny', message, data };
}

/** The path as the agent knows it: relative to the worktree when inside it. */
function shownPath(ctx: GateContext, path: string): string {
  const inside = relative(ctx.worktree(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

type Current = { content: string | undefined } | { error: string };

/** The file as it is now (undefined when it does not exist); too large or unreadable is an error. */
function readCurrent(path: string): Current {
  try {
    const size = statSync(path).size;
    if (size > 4 * MAX_MEASURED_CHARS) return { error: `${size} bytes, too large to measure` };
    return { content: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { content: undefined } : { error: code ?? (error as Error).message };
  }
}

function toOutcome(finding: SizeFinding, file: string): GateOutcome {
  switch (finding.kind) {
    case 'file-too-long':
      return deny('file-too-long', { file, lines: finding.lines, limit: finding.limit });
    case 'file-grew':
      return deny('file-grew', { file, lines: finding.lines, before: finding.before, limit: finding.limit });
    case 'too-large':
      return deny('too-large', { file, chars: finding.chars, limit: finding.limit });
    default: {
      const { fn } = finding;
      const data = { file, function: fn.name, start: fn.startLine, end: fn.endLine, length: fn.length, limit: finding.limit };
      return finding.kind === 'function-grew' ? deny('function-grew', { ...data, before: finding.before }) : deny('function-too-long', data);
    }
  }
}

/**
 * PreToolUse Edit|Write|MultiEdit: computes the file as the call would leave it and denies when
 * it would pass 200 lines or a function the call touches would pass 30 lines (see
 * measure/size-limits.ts for the rule, measure/ for how lines and functions are counted).
 */
function checkSizeOfEdit(ctx: GateContext): GateOutcome | GateOutcome[] {
  const tool = ctx.toolName ?? '';
  if (!FILE_TOOLS.has(tool)) return PASS;
  const filePath = ctx.toolInput.file_path;
  if (typeof filePath !== 'string' || filePath === '') return deny('invalid-input', { tool, problem: 'no file_path' });
  const path = resolve(ctx.input.cwd, filePath);
  if (hasExtension(path) && !classify(path, '').code) return PASS;
  const file = shownPath(ctx, path);
  const current = readCurrent(path);
  if ('error' in current) return deny('unreadable', { file, error: current.error });
  const result = applyFileTool(tool, ctx.toolInput, current.content);
  if (result.kind === 'invalid') return deny('invalid-input', { tool, problem: result.reason });
  if (result.kind === 'not-applied') return PASS;
  const findings = sizeFindings({ path, before: current.content, after: result.after, touched: result.touched });
  return findings.length === 0 ? PASS : findings.map((finding) => toOutcome(finding, file));
}

const capability: CapabilityModule = {
  name: 'quality::constructor-pattern',
  gate: checkSizeOfEdit,
};
export default capability;
