/**
 * The pre-launch checklist, in the seed's order: a fresh `modal app list`, the launched script
 * read back after its last edit, and one single-variant run before a fan-out. Each deny says
 * exactly what to run.
 */
import { relative, isAbsolute } from 'node:path';
import type { LaunchScan, ModalLaunch } from './launch.js';
import { appListAt, fileFacts, fileHash, singleVariantPassed, type FactScope } from './launch-facts.js';
import { cachedScriptFacts, fanOutCalls } from './script-facts.js';
import { APP_LIST_FRESH_MINUTES } from './tiers.js';
import type { ModalOutcome } from './outcome.js';

export const INLINE_CODE_KEY = 'inline-code';

/** A path as the agent would type it: relative to the call's cwd when inside it. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function appListOutcome(scope: FactScope, now: Date): ModalOutcome[] {
  const at = appListAt(scope);
  if (!at) return [{ kind: 'deny', message: 'no-app-list', data: { limit: APP_LIST_FRESH_MINUTES } }];
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes >= APP_LIST_FRESH_MINUTES) return [{ kind: 'deny', message: 'stale-app-list', data: { minutes, limit: APP_LIST_FRESH_MINUTES } }];
  return [];
}

function readBackOutcome(scope: FactScope, path: string, file: string): ModalOutcome[] {
  const facts = fileFacts(scope, path);
  if (facts.editedAt === undefined) return [];
  const readAfterEdit = facts.readAt !== undefined && facts.readAt >= facts.editedAt;
  const unchanged = facts.readHash === undefined || facts.readHash === fileHash(path);
  if (readAfterEdit && unchanged) return [];
  const why = readAfterEdit ? 'changed after you last read it' : 'was edited and not read back since';
  return [{ kind: 'deny', message: 'script-not-read', data: { file, why } }];
}

function fanOutOutcome(scope: FactScope, key: string, source: string, entry: string | undefined, file: string): ModalOutcome[] {
  const calls = fanOutCalls(cachedScriptFacts(source), entry);
  const first = calls[0];
  if (!first || singleVariantPassed(scope, key)) return [];
  const target = key === INLINE_CODE_KEY ? 'a script that calls it once' : `${file}::${first.receiver ?? '<function>'}`;
  const run = key === INLINE_CODE_KEY ? `put the code in a script and run one variant first (${target})` : `modal run ${target} with one variant's arguments`;
  return [{ kind: 'deny', message: 'fan-out-first', data: { file, line: first.line, call: `${first.receiver ?? ''}.${first.method}(...)`, run } }];
}

function scriptOutcomes(launch: ModalLaunch, scope: FactScope, cwd: string): ModalOutcome[] {
  if (launch.code !== undefined) return fanOutOutcome(scope, INLINE_CODE_KEY, launch.code, undefined, 'the inline code');
  const script = launch.script;
  if (!script) return [];
  if (script.path === undefined) return [{ kind: 'deny', message: 'script-unknown', data: { script: script.shown } }];
  const file = shownPath(cwd, script.path);
  if (!script.source?.ok) return [{ kind: 'deny', message: 'script-unreadable', data: { file, why: script.source?.why ?? 'it cannot be read' } }];
  const readBack = script.writtenByCall
    ? [{ kind: 'deny' as const, message: 'script-not-read', data: { file, why: 'is written by this same call' } }]
    : readBackOutcome(scope, script.path, file);
  return [...readBack, ...fanOutOutcome(scope, script.path, script.source.text, script.entry, file)];
}

/** Every failed checklist item for the launches of this call, in checklist order. */
export function prelaunchOutcomes(scan: LaunchScan, scope: FactScope, cwd: string, now: Date): ModalOutcome[] {
  if (scan.launches.length === 0) return [];
  const perScript = scan.launches.flatMap((l) => scriptOutcomes(l, scope, cwd));
  const order = ['script-unknown', 'script-unreadable', 'script-not-read', 'fan-out-first'];
  perScript.sort((a, b) => order.indexOf(a.message) - order.indexOf(b.message));
  return [...appListOutcome(scope, now), ...perScript];
}
