import { join } from 'node:path';
import { withoutKei } from './merge.js';
import { readSettings, renderSettings, SettingsError } from './settings-file.js';
import { kitAgents, planAgentRemoval, type RemoveAction } from './agents.js';
import { readRecord, recordPath } from './record.js';
import { readFileOrNull, settingsFileOf } from './write.js';

export interface UninstallPlan {
  target: string;
  settingsPath: string;
  before: string | null;
  after: string | null;
  removedEntries: number;
  agents: RemoveAction[];
  recordPath: string;
  problems: string[];
}

/** Works out what uninstall removes: our hook entries and the agents still as install wrote them. */
export function planUninstall({ packageRoot, target }: { packageRoot: string; target: string }): UninstallPlan {
  const settingsPath = settingsFileOf(target);
  const problems: string[] = [];
  let before: string | null = null;
  let after: string | null = null;
  let removedEntries = 0;
  try {
    const settings = readSettings(settingsPath);
    before = settings.text;
    const stripped = withoutKei(settings.data);
    removedEntries = stripped.removed;
    after = removedEntries === 0 ? before : renderSettings(stripped.settings, settings.indent);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    before = after = readFileOrNull(settingsPath);
    problems.push(`${error.message}; it was left as it is. Remove the kei hook entries by hand, or fix the file and run uninstall again`);
  }
  const agents = planAgentRemoval(kitAgents(packageRoot), join(target, 'agents'), readRecord(target));
  return { target, settingsPath, before, after, removedEntries, agents, recordPath: recordPath(target), problems };
}
