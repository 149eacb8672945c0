/** Asking hook servers who they are, through their mailboxes (for `kei doctor` and tests). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { askServer } from './client.js';
import { encodeRequest, STATUS_REQUEST, type ServerStatus } from './protocol.js';

/** The server's status, or undefined when no server takes the request within `ms`. */
export function serverStatus(mailbox: string, ms = 1000): ServerStatus | undefined {
  const reply = askServer({ mailbox, request: encodeRequest(STATUS_REQUEST, ''), takeMs: ms, answerMs: ms + 1000 });
  if (reply.kind !== 'answer') return undefined;
  try {
    return JSON.parse(reply.text) as ServerStatus;
  } catch {
    return undefined;
  }
}

export function serverMailboxes(stateDir: string): string[] {
  const run = join(stateDir, 'run');
  try {
    return readdirSync(run)
      .filter((name) => name.startsWith('hook-') && statSync(join(run, name)).isDirectory())
      .map((name) => join(run, name));
  } catch {
    return [];
  }
}

/** Every server that answers in the state dir, with its mailbox. */
export function liveServers(stateDir: string): { mailbox: string; status: ServerStatus }[] {
  return serverMailboxes(stateDir)
    .map((mailbox) => ({ mailbox, status: serverStatus(mailbox) }))
    .filter((f): f is { mailbox: string; status: ServerStatus } => f.status !== undefined);
}
