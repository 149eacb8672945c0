import { isAbsolute, relative, resolve } from 'node:path';
import type { CapabilityModule, GateContext, GateOutcome } from '../types.js';
import type { SizeFinding } from '../../measure/size-limits.js';
import { applyFileTool, classify, hasExtension, maxMeasuredChars, readCurrent, sizeFindings } from '../../hook/parts/file-edits.js';
import { fileToolPath } from '../../paths/index.js';
import { verifyConstructorPattern } from '../../hook/parts/verify-checks.js';

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
  const target = FILE_TOOLS.has(tool) ? fileToolPath(tool, ctx.toolInput) : undefined;
  if (!target) return PASS;
  if (target.path === undefined) return deny('invalid-input', { tool, problem: `no ${target.field}` });
  const path = resolve(ctx.input.cwd, target.path);
  if (hasExtension(path) && !classify(path, '').code) return PASS;
  const file = shownPath(ctx, path);
  const current = readCurrent(path, 4 * maxMeasuredChars());
  if ('error' in current) return deny('unreadable', { file, error: current.error });
  const result = applyFileTool(tool, ctx.toolInput, current.content);
  if (result.kind === 'invalid') return deny('invalid-input', { tool, problem: result.reason });
  if (result.kind === 'not-applied') return PASS;
  const findings = sizeFindings({ path, before: current.content, after: result.after, touched: result.touched });
  return findings.length === 0 ? PASS : findings.map((finding) => toOutcome(finding, file));
}

const capability: CapabilityModule = {
  name: 'quality::constructor-pattern',
  verify: verifyConstructorPattern,
  gate: checkSizeOfEdit,
};
export default capability;
