/**
 * PostToolUse bookkeeping for the pre-launch checklist: a successful `modal app list`, files
 * read back (Read tool or cat/head/sed -n…), files edited (Edit/Write or a Bash write), and
 * single-variant launches that succeeded.
 */
import type { HookInput } from '../protocol/hook-input.js';
import type { ShellAnalysis } from '../shell/types.js';
import { launchesOf } from './launch.js';
import { pythonFileAccess } from './file-access.js';
import { cachedScriptFacts, fanOutCalls } from './script-facts.js';
import { recordAppList, recordEdit, recordRead, recordSingleVariant, type FactScope } from './launch-facts.js';
import { INLINE_CODE_KEY } from './prelaunch-check.js';

const EDIT_TOOLS = new Set(['Edit', 'Write', 'MultiEdit']);

function filePath(input: HookInput): string | undefined {
  const path = input.tool_input?.file_path;
  return typeof path === 'string' ? path : undefined;
}

/** Read / Edit / Write of a Python file. */
export function recordFileTool(input: HookInput, scope: FactScope, now: Date): void {
  const path = filePath(input);
  if (!path?.endsWith('.py')) return;
  if (input.tool_name === 'Read') recordRead(scope, path, now);
  else if (EDIT_TOOLS.has(input.tool_name ?? '')) recordEdit(scope, path, now);
}

function recordSingleVariants(analysis: ShellAnalysis, command: string, cwd: string, scope: FactScope, now: Date): void {
  for (const launch of launchesOf(analysis, command, cwd).launches) {
    if (launch.code !== undefined) {
      if (fanOutCalls(cachedScriptFacts(launch.code), undefined).length === 0) recordSingleVariant(scope, INLINE_CODE_KEY, now);
      continue;
    }
    const script = launch.script;
    if (!script?.path || !script.source?.ok) continue;
    if (fanOutCalls(cachedScriptFacts(script.source.text), script.entry).length === 0) recordSingleVariant(scope, script.path, now);
  }
}

/** A Bash call that succeeded: app list, reads, writes, and single-variant launches. */
export function recordBash(analysis: ShellAnalysis, command: string, cwd: string, scope: FactScope, now: Date): void {
  if (analysis.status !== 'ok') return;
  const access = pythonFileAccess(analysis, cwd);
  access.read.forEach((path) => recordRead(scope, path, now));
  access.written.forEach((path) => recordEdit(scope, path, now));
  if (launchesOf(analysis, command, cwd).appList) recordAppList(scope, now);
  recordSingleVariants(analysis, command, cwd, scope, now);
}
