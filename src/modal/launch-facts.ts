/**
 * What the pre-launch checklist remembers between calls, as one small file per fact:
 * agent-scoped (its `modal app list`, the files it read back, its last launch) and
 * session-scoped (file edits, scripts whose single-variant run succeeded).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readRegular } from '../state/regular-file.js';
import { join } from 'node:path';
import type { HookInput } from '../protocol/hook-input.js';
import { readJsonFile, writeFileAtomic } from '../state/files.js';
import { agentDir, sessionDir } from '../state/session.js';

export interface FactScope {
  agent: string;
  session: string;
}

const HASH_LIMIT = 4 * 1024 * 1024;

export function factScope(input: HookInput, stateDir: string): FactScope {
  return {
    agent: join(agentDir(stateDir, input.session_id, input.agent_id), 'modal'),
    session: join(sessionDir(stateDir, input.session_id), 'modal'),
  };
}

function key(path: string): string {
  return createHash('sha1').update(path).digest('hex').slice(0, 20);
}

function readFact<T>(file: string): T | undefined {
  try {
    return readJsonFile<T>(file);
  } catch {
    return undefined;
  }
}

/** Content hash of a file (undefined when it cannot be read). */
export function fileHash(path: string): string | undefined {
  try {
    if (statSync(path).size > HASH_LIMIT) return `size:${statSync(path).size}:${statSync(path).mtimeMs}`;
    // Not a plain read: a FIFO would block the hook (state/regular-file.ts).
    const read = readRegular(path, HASH_LIMIT);
    return read.ok ? createHash('sha1').update(read.data).digest('hex') : undefined;
  } catch {
    return undefined;
  }
}

export function recordAppList(scope: FactScope, now: Date): void {
  writeFileAtomic(join(scope.agent, 'app-list.json'), JSON.stringify({ at: now.toISOString() }));
}

export function appListAt(scope: FactScope): Date | undefined {
  const fact = readFact<{ at: string }>(join(scope.agent, 'app-list.json'));
  return fact ? new Date(fact.at) : undefined;
}

export function recordEdit(scope: FactScope, path: string, now: Date): void {
  writeFileAtomic(join(scope.session, 'edits', `${key(path)}.json`), JSON.stringify({ path, at: now.getTime() }));
}

export function recordRead(scope: FactScope, path: string, now: Date): void {
  writeFileAtomic(join(scope.agent, 'reads', `${key(path)}.json`), JSON.stringify({ path, at: now.getTime(), hash: fileHash(path) }));
}

export interface FileFacts {
  editedAt: number | undefined;
  readAt: number | undefined;
  readHash: string | undefined;
}

export function fileFacts(scope: FactScope, path: string): FileFacts {
  const edit = readFact<{ at: number }>(join(scope.session, 'edits', `${key(path)}.json`));
  const read = readFact<{ at: number; hash?: string }>(join(scope.agent, 'reads', `${key(path)}.json`));
  return { editedAt: edit?.at, readAt: read?.at, readHash: read?.hash };
}

export function recordSingleVariant(scope: FactScope, scriptPath: string, now: Date): void {
  writeFileAtomic(join(scope.session, 'single-variant', `${key(scriptPath)}.json`), JSON.stringify({ path: scriptPath, at: now.toISOString() }));
}

export function singleVariantPassed(scope: FactScope, scriptPath: string): boolean {
  return readFact(join(scope.session, 'single-variant', `${key(scriptPath)}.json`)) !== undefined;
}

export function recordLastLaunch(scope: FactScope, toolUseId: string, now: Date): void {
  writeFileAtomic(join(scope.agent, 'last-launch.json'), JSON.stringify({ toolUseId, at: now.toISOString() }));
}

export function lastLaunch(scope: FactScope): string | undefined {
  return readFact<{ toolUseId: string }>(join(scope.agent, 'last-launch.json'))?.toolUseId;
}
