import { join } from 'node:path';
import type { InstallPlan } from './plan-install.js';
import type { UninstallPlan } from './plan-uninstall.js';
import type { Applied } from './apply.js';
import { unifiedDiff } from './diff.js';

const COPY_WORDS = { add: 'add', update: 'update', same: 'unchanged', 'user-override': 'kept (built from your own manifest)', conflict: 'CONFLICT' } as const;
const REMOVE_WORDS = { remove: 'remove', 'keep-changed': 'keep (changed since install)', missing: 'already gone' } as const;

function settingsLines(path: string, before: string | null, after: string | null, dryRun: boolean, applied?: Applied): string[] {
  if (after === null || before === after) return [`settings.json: unchanged (${path})`];
  const verb = dryRun ? 'would change' : 'changed';
  const lines = [`settings.json: ${verb} (${path})`];
  if (applied?.backup) lines.push(`  previous version saved as ${applied.backup}`);
  else if (dryRun && before !== null) lines.push('  a backup of the current file is written first');
  if (dryRun) lines.push(unifiedDiff(before ?? '', after, `${path}${before === null ? ' (new file)' : ''}`, `${path} (after)`).trimEnd());
  return lines;
}

export function describeInstall(plan: InstallPlan, dryRun: boolean, applied?: Applied): string {
  const head = dryRun ? `kei install → ${plan.target} (dry run: nothing written)` : `kei install → ${plan.target}`;
  const lines = [head];
  if (plan.problems.length > 0) {
    lines.push('Nothing was changed:', ...plan.problems.map((p) => `  - ${p}`));
    return lines.join('\n') + '\n';
  }
  lines.push(...settingsLines(plan.settingsPath, plan.before, plan.after, dryRun, applied));
  lines.push(plan.agents.length === 0 ? 'agents: the package has no generated agents (agents/*.md)' : `agents (${join(plan.target, 'agents')}):`);
  for (const a of plan.agents) lines.push(`  ${COPY_WORDS[a.kind].padEnd(9)} ${a.agent.file}`);
  if (!dryRun) lines.push('Done. Check it with: kei doctor');
  return lines.join('\n') + '\n';
}

export function describeUninstall(plan: UninstallPlan, dryRun: boolean, applied?: Applied): string {
  const lines = [dryRun ? `kei uninstall ← ${plan.target} (dry run: nothing written)` : `kei uninstall ← ${plan.target}`];
  lines.push(...plan.problems.map((p) => `problem: ${p}`));
  lines.push(...settingsLines(plan.settingsPath, plan.before, plan.after, dryRun, applied));
  if (plan.removedEntries > 0) lines.push(`  ${plan.removedEntries} kei hook entr${plan.removedEntries === 1 ? 'y' : 'ies'} ${dryRun ? 'to remove' : 'removed'}`);
  for (const a of plan.agents) lines.push(`  ${REMOVE_WORDS[a.kind].padEnd(9)} agents/${a.file}`);
  const kept = plan.agents.filter((a) => a.kind === 'keep-changed');
  if (kept.length > 0) lines.push(`${kept.length} agent file(s) changed since install were left in place; delete them yourself if you no longer want them.`);
  return lines.join('\n') + '\n';
}
