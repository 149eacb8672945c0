import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePath, desiredHooks } from './hook-snippet.js';
import { withKei } from './merge.js';
import { readSettings, renderSettings, SettingsError } from './settings-file.js';
import { kitAgents, planAgentCopy, type CopyAction } from './agents.js';
import { readRecord, recordPath, renderRecord, type InstallRecord } from './record.js';
import { readFileOrNull, settingsFileOf } from './write.js';

export interface InstallPlan {
  target: string;
  settingsPath: string;
  /** Settings text before and after; equal when nothing changes. */
  before: string | null;
  after: string;
  agents: CopyAction[];
  recordPath: string;
  recordText: string;
  /** Reasons install must not run (malformed settings, agent conflicts, missing bundle). */
  problems: string[];
}

export interface PlanOptions {
  packageRoot: string;
  target: string;
}

function bundleProblems(packageRoot: string): string[] {
  const needed = [bundlePath(packageRoot), join(packageRoot, 'dist', 'policy.json')];
  return needed.filter((f) => !existsSync(f)).map((f) => `${f} is missing: build the package first (npm run build)`);
}

function conflictProblems(actions: CopyAction[], agentsDir: string): string[] {
  return actions
    .filter((a) => a.kind === 'conflict')
    .map((a) => `${join(agentsDir, a.agent.file)} exists and is not the copy kei installed; move it away (or delete it) and run install again`);
}

/** The record after install: the kit's agents, plus agents an earlier kit installed (uninstall still owns them). */
function nextRecord(packageRoot: string, agents: CopyAction[], previous: InstallRecord | undefined): InstallRecord {
  const installed = agents.filter((a) => a.kind !== 'conflict' && a.kind !== 'user-override').map((a) => [a.agent.file, a.agent.sha] as const);
  return { version: 1, packageRoot, agents: { ...(previous?.agents ?? {}), ...Object.fromEntries(installed) } };
}

/** Works out everything install would do, without writing anything. */
export function planInstall({ packageRoot, target }: PlanOptions): InstallPlan {
  const settingsPath = settingsFileOf(target);
  const agentsDir = join(target, 'agents');
  const problems = bundleProblems(packageRoot);
  const record = readRecord(target);
  const agents = planAgentCopy(kitAgents(packageRoot), agentsDir, record);
  problems.push(...conflictProblems(agents, agentsDir));
  let before: string | null = null;
  let after = '';
  try {
    const settings = readSettings(settingsPath);
    before = settings.text;
    const merged = withKei(settings.data, desiredHooks(packageRoot));
    after = merged === settings.data && before !== null ? before : renderSettings(merged, settings.indent);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    before = readFileOrNull(settingsPath);
    after = before ?? '';
    problems.push(`${error.message}; it was left as it is. Fix it by hand, then run install again`);
  }
  const next = nextRecord(packageRoot, agents, record);
  return { target, settingsPath, before, after, agents, recordPath: recordPath(target), recordText: renderRecord(next), problems };
}
