import { liveServers } from '../server/status.js';
import { ok, type CheckLine } from './check.js';

/** Whether tool calls are decided by a warm hook server: information, never a failure. */
export async function checkHookServer(stateDir: string, env: NodeJS.ProcessEnv): Promise<CheckLine> {
  if (env.KEI_HOOK_SERVER === 'off') return ok('hook server: off (KEI_HOOK_SERVER=off); governed tool calls are decided in each hook process');
  const servers = liveServers(stateDir);
  if (servers.length === 0) return ok('hook server: none running; the next governed tool call starts one');
  const list = servers.map((s) => `pid ${s.status.pid}, ${s.status.served} calls since ${s.status.startedAt}`).join('; ');
  return ok(`hook server: ${servers.length} running (${list})`);
}
