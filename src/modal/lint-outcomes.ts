/**
 * Script lint findings as outcomes: after an edit every finding is a warning the agent reads;
 * at launch `.map(` and an uncommitted volume stop the launch, the rest warn.
 */
import type { LaunchScan } from './launch.js';
import { cachedScriptFacts } from './script-facts.js';
import { lintScript, LAUNCH_BLOCKING, type LintFinding } from './lint.js';
import { readScriptSource } from './script-source.js';
import { shownPath } from './prelaunch-check.js';
import type { ModalOutcome } from './outcome.js';

function outcome(finding: LintFinding, file: string, atLaunch: boolean): ModalOutcome {
  const kind = atLaunch && LAUNCH_BLOCKING.has(finding.rule) ? 'deny' : 'warn';
  return { kind, message: finding.rule, data: { file, line: finding.line, ...finding.data } };
}

/** PostToolUse Write/Edit: findings in a Python file that imports modal. */
export function editedScriptFindings(path: string, cwd: string): ModalOutcome[] {
  if (!path.endsWith('.py')) return [];
  const source = readScriptSource(path);
  if (!source.ok) return [];
  return lintScript(cachedScriptFacts(source.text)).map((f) => outcome(f, shownPath(cwd, path), false));
}

/** PreToolUse of a launch: findings in each launched script (or inline code). */
export function launchFindings(scan: LaunchScan, cwd: string): ModalOutcome[] {
  return scan.launches.flatMap((launch) => {
    if (launch.code !== undefined) return lintScript(cachedScriptFacts(launch.code)).map((f) => outcome(f, 'the inline code', true));
    const script = launch.script;
    if (!script?.path || !script.source?.ok) return [];
    return lintScript(cachedScriptFacts(script.source.text)).map((f) => outcome(f, shownPath(cwd, script.path!), true));
  });
}
