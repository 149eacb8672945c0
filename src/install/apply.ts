import { existsSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { InstallPlan } from './plan-install.js';
import type { UninstallPlan } from './plan-uninstall.js';
import { backup, readFileOrNull, writeAtomic } from './write.js';

export interface Applied {
  /** Where the previous settings.json was copied before it was changed. */
  backup?: string;
}

function replaceSettings(path: string, before: string | null, after: string, now: Date): Applied {
  const saved = before !== null ? backup(path, now) : undefined;
  writeAtomic(path, after);
  return saved ? { backup: saved } : {};
}

/** Carries out an install plan that has no problems. */
export function applyInstall(plan: InstallPlan, now: Date = new Date()): Applied {
  if (plan.problems.length > 0) throw new Error(`install refused: ${plan.problems.join('; ')}`);
  for (const action of plan.agents) {
    if (action.kind === 'add' || action.kind === 'update') writeAtomic(join(plan.target, 'agents', action.agent.file), action.agent.bytes);
  }
  const applied = plan.after !== plan.before ? replaceSettings(plan.settingsPath, plan.before, plan.after, now) : {};
  if (readFileOrNull(plan.recordPath) !== plan.recordText) writeAtomic(plan.recordPath, plan.recordText);
  return applied;
}

/** Carries out an uninstall plan; a malformed settings file is left alone (the plan says so). */
export function applyUninstall(plan: UninstallPlan, now: Date = new Date()): Applied {
  for (const action of plan.agents) {
    if (action.kind === 'remove') unlinkSync(join(plan.target, 'agents', action.file));
  }
  const applied = plan.after !== null && plan.after !== plan.before ? replaceSettings(plan.settingsPath, plan.before, plan.after, now) : {};
  if (existsSync(plan.recordPath)) unlinkSync(plan.recordPath);
  const keiDir = dirname(plan.recordPath);
  if (existsSync(keiDir) && readdirSync(keiDir).length === 0) rmdirSync(keiDir);
  return applied;
}
