import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `kei install` put into a Claude config dir, so `kei uninstall` removes exactly that. */
export interface InstallRecord {
  version: 1;
  /** The package whose bundle the hook entries run. */
  packageRoot: string;
  /** Agent file name → sha256 of the bytes install wrote. */
  agents: Record<string, string>;
}

export function recordPath(target: string): string {
  return join(target, 'kei', 'install.json');
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The record of an earlier install; undefined when there is none or it is unreadable. */
export function readRecord(target: string): InstallRecord | undefined {
  const file = recordPath(target);
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as InstallRecord;
    if (record?.version !== 1 || typeof record.agents !== 'object' || record.agents === null) return undefined;
    return record;
  } catch {
    return undefined;
  }
}

export function renderRecord(record: InstallRecord): string {
  const agents = Object.fromEntries(Object.entries(record.agents).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ ...record, agents }, null, 2) + '\n';
}
