import { resolveStateDir } from '../state/state-dir.js';
import type { CheckLine } from './check.js';
import { claudeVersionLine, nodeLine } from './versions.js';
import { checkHooks } from './hooks-check.js';
import { checkAgents, checkKitAssembled } from './agents-check.js';
import { checkStateDir } from './state-check.js';
import { checkHookServer } from './server-check.js';
import { runSelfTests } from './self-test.js';

export interface DoctorOptions {
  target: string;
  packageRoot: string;
  env: NodeJS.ProcessEnv;
}

/** Every doctor line, in the order a user would fix them. */
export async function runDoctor({ target, packageRoot, env }: DoctorOptions): Promise<CheckLine[]> {
  const hooks = checkHooks(target, packageRoot);
  const lines: CheckLine[] = [nodeLine(env), claudeVersionLine(env), ...hooks.lines];
  lines.push(checkKitAssembled(packageRoot), ...checkAgents(target, packageRoot, hooks.plugin && !hooks.settingsHooks));
  const stateDir = resolveStateDir({ ...env, CLAUDE_CONFIG_DIR: target });
  lines.push(checkStateDir(stateDir), await checkHookServer(stateDir, env));
  lines.push(...(await runSelfTests(hooks.bundle, env)));
  return lines;
}
