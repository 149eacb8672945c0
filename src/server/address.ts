/**
 * Where a hook server takes calls. One server answers for one installation (runtime bundle, Node
 * binary) and one environment: the server runs with the environment of the hook that started it,
 * so every variable the runtime reads is part of the name. Calls from a different environment
 * (another state dir, another HOME) get a server of their own.
 */
import { join } from 'node:path';

/** Environment variables the runtime reads (directly or through a child it runs). */
const KEYED_PREFIXES = ['KEI_'];
const KEYED_NAMES = ['HOME', 'PATH', 'TMPDIR', 'CLAUDE_CONFIG_DIR'];

/** FNV-1a, 64 bits, over UTF-16 code units: a name, not a secret, and loading node:crypto costs more than the hash. */
function fnv64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * prime) & mask;
  return hash.toString(16).padStart(16, '0');
}

function keyedEnv(env: NodeJS.ProcessEnv): string[] {
  const names = Object.keys(env).filter((name) => KEYED_NAMES.includes(name) || KEYED_PREFIXES.some((p) => name.startsWith(p)));
  return names.sort().map((name) => `${name}=${env[name] ?? ''}`);
}

export interface ServerIdentity {
  runtimeId: string;
  nodeVersion: string;
  execPath: string;
  env: NodeJS.ProcessEnv;
}

export function serverKey(id: ServerIdentity): string {
  return fnv64([id.runtimeId, id.nodeVersion, id.execPath, ...keyedEnv(id.env)].join('\0'));
}

/** The server's mailbox: a private directory holding its door (a FIFO) and the calls in flight. */
export function mailboxFor(stateDir: string, id: ServerIdentity): string {
  return join(stateDir, 'run', `hook-${serverKey(id)}`);
}
