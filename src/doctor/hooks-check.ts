import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleOf, bundlePath, desiredHooks, isKeiHandler, type HooksBlock, type MatcherGroup } from '../install/hook-snippet.js';
import { readSettings, SettingsError } from '../install/settings-file.js';
import { fail, ok, warn, type CheckLine } from './check.js';
import { runtimeFiles } from './runtime-files.js';

export interface HookFindings {
  lines: CheckLine[];
  /** The bundle the registered hooks run (or the package's when the plugin provides them). */
  bundle: string;
  /** True when the kei-substrate plugin is enabled in these settings. */
  plugin: boolean;
  /** True when settings.json registers kei hooks itself. */
  settingsHooks: boolean;
}

function pluginEnabled(settings: Record<string, unknown>): boolean {
  const enabled = settings.enabledPlugins;
  if (enabled === null || typeof enabled !== 'object') return false;
  return Object.entries(enabled).some(([key, on]) => key.split('@')[0] === 'kei-substrate' && on === true);
}

function keiGroups(hooks: HooksBlock, event: string): MatcherGroup[] {
  return (hooks[event] ?? []).filter((g) => g.hooks.some(isKeiHandler));
}

function eventProblems(event: string, found: MatcherGroup[], wanted: MatcherGroup, file: string): CheckLine[] {
  if (found.length === 0) return [fail(`hooks: ${event} has no kei entry in ${file}`, 'run `kei install`')];
  const lines: CheckLine[] = [];
  if (found.length > 1) lines.push(warn(`hooks: ${event} has ${found.length} kei entries (each call runs the hook more than once)`, 'run `kei install` to keep exactly one'));
  const group = found[0]!;
  if (group.matcher !== wanted.matcher) lines.push(warn(`hooks: ${event} matcher is ${JSON.stringify(group.matcher)}, the kit uses ${JSON.stringify(wanted.matcher)}`, 'run `kei install` to restore it'));
  const handler = group.hooks.find(isKeiHandler)!;
  const bundle = bundleOf(handler);
  if (!bundle || !existsSync(bundle)) lines.push(fail(`hooks: ${event} runs ${bundle ?? '(no bundle path)'}, which does not exist`, 'run `npm run build` in the package, then `kei install`'));
  if (event === 'PreToolUse' && handler.onFailure !== 'block') lines.push(warn('hooks: PreToolUse has no `onFailure: "block"`; a hook that cannot start lets calls through', 'run `kei install`'));
  return lines;
}

function bundleFilesLine(bundle: string): CheckLine {
  const dir = dirname(bundle);
  const lazy = existsSync(join(dir, 'lazy')) ? [] : ['lazy/'];
  const missing = ['kei.cjs', 'hook-runtime.cjs', 'cli.cjs', 'manifest-edit.cjs', 'policy.json'].filter((f) => !existsSync(join(dir, f))).concat(lazy, runtimeFiles(dir).missing);
  if (missing.length > 0) return fail(`bundle: ${dir} lacks ${missing.join(', ')}`, 'run `npm run build` in the package');
  return ok(`bundle: ${bundle}`);
}

/** Are our hooks registered (settings.json or plugin), once, and do they run a bundle that exists? */
export function checkHooks(target: string, packageRoot: string): HookFindings {
  const file = join(target, 'settings.json');
  let settings: Record<string, unknown>;
  try {
    settings = readSettings(file).data;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { lines: [fail(`hooks: ${error.message}`, 'fix the JSON by hand, then run `kei install`')], bundle: bundlePath(packageRoot), plugin: false, settingsHooks: false };
  }
  if (settings.disableAllHooks === true) {
    return { lines: [fail(`hooks: ${file} sets "disableAllHooks": true, so no hook runs`, 'remove that setting (or set it to false)')], bundle: bundlePath(packageRoot), plugin: false, settingsHooks: false };
  }
  const hooks = (settings.hooks ?? {}) as HooksBlock;
  const desired = desiredHooks(packageRoot);
  const plugin = pluginEnabled(settings);
  const events = Object.keys(desired);
  const settingsHooks = events.some((e) => keiGroups(hooks, e).length > 0);
  if (plugin && !settingsHooks) {
    const bundle = bundlePath(packageRoot);
    return { lines: [ok('hooks: provided by the enabled kei-substrate plugin'), bundleFilesLine(bundle)], bundle, plugin, settingsHooks };
  }
  const lines = events.flatMap((e) => eventProblems(e, keiGroups(hooks, e), desired[e]![0]!, file));
  const first = events.map((e) => keiGroups(hooks, e)[0]?.hooks.find(isKeiHandler)).find((h) => h !== undefined);
  const bundle = (first && bundleOf(first)) ?? bundlePath(packageRoot);
  if (plugin && settingsHooks) lines.push(warn('hooks: registered both by settings.json and by the enabled plugin (every call is checked twice)', 'keep one: `kei uninstall`, or disable the plugin'));
  if (!lines.some((l) => l.status === 'FAIL')) lines.unshift(ok(`hooks: ${events.join(', ')} registered in ${file}`));
  if (existsSync(bundle)) lines.push(bundleFilesLine(bundle));
  return { lines, bundle, plugin, settingsHooks };
}
