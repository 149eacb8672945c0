/** Asking hook servers who they are, over the real protocol (for `kei doctor` and tests). */
import { readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { ACK, STATUS_REQUEST, type ServerStatus } from './protocol.js';

/** The server's status, or undefined when nothing answers on the socket within `ms`. */
export function serverStatus(socketPath: string, ms = 2000): Promise<ServerStatus | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    let text = '';
    let acked = false;
    const finish = (status: ServerStatus | undefined): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(status);
    };
    const timer = setTimeout(() => finish(undefined), ms);
    socket.setEncoding('utf8');
    socket.on('error', () => finish(undefined));
    socket.on('data', (chunk: string) => {
      if (!acked && chunk.startsWith(ACK)) {
        acked = true;
        socket.end(`${STATUS_REQUEST}\n`);
        chunk = chunk.slice(ACK.length);
      }
      text += chunk;
    });
    socket.on('end', () => {
      try {
        finish(JSON.parse(text) as ServerStatus);
      } catch {
        finish(undefined);
      }
    });
  });
}

export function serverSockets(stateDir: string): string[] {
  try {
    return readdirSync(join(stateDir, 'run'))
      .filter((name) => name.endsWith('.sock'))
      .map((name) => join(stateDir, 'run', name));
  } catch {
    return [];
  }
}

/** Every server that answers in the state dir, with its socket. */
export async function liveServers(stateDir: string): Promise<{ socket: string; status: ServerStatus }[]> {
  const found = await Promise.all(serverSockets(stateDir).map(async (socket) => ({ socket, status: await serverStatus(socket) })));
  return found.filter((f): f is { socket: string; status: ServerStatus } => f.status !== undefined);
}
