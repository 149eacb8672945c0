import { spawnSync } from 'node:child_process';
import { fail, ok, warn, type CheckLine } from './check.js';

type Version = [number, number, number];

/** Claude Code versions whose features the installed hooks rely on. */
export const NEEDS = {
  agentType: [2, 1, 69] as Version,
  execForm: [2, 1, 139] as Version,
  onFailure: [2, 1, 295] as Version,
};

export function parseVersion(text: string): Version | undefined {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function atLeast(v: Version, min: Version): boolean {
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i]! > min[i]!;
  return true;
}

const show = (v: Version) => v.join('.');
const UPGRADE = 'upgrade Claude Code: `claude update` or `npm install -g @anthropic-ai/claude-code@latest`';

/** What the Claude Code on PATH can do for the installed hooks. */
export function claudeVersionLine(env: NodeJS.ProcessEnv): CheckLine {
  const run = spawnSync('claude', ['--version'], { env, encoding: 'utf8', timeout: 15_000 });
  if (run.error || run.status !== 0) {
    return fail('Claude Code: `claude` is not on PATH (or `claude --version` failed)', `install Claude Code >= ${show(NEEDS.agentType)} and put \`claude\` on PATH`);
  }
  const version = parseVersion(run.stdout);
  if (!version) return fail(`Claude Code: cannot read a version from \`claude --version\` (${run.stdout.trim()})`, UPGRADE);
  const v = show(version);
  if (!atLeast(version, NEEDS.agentType)) {
    return fail(`Claude Code ${v}: hook input names the calling agent (agent_type) only from ${show(NEEDS.agentType)}, so no agent is governed`, UPGRADE);
  }
  if (!atLeast(version, NEEDS.execForm)) {
    return fail(`Claude Code ${v}: exec-form hooks (command + args) need ${show(NEEDS.execForm)}; the installed hooks would not run`, UPGRADE);
  }
  if (!atLeast(version, NEEDS.onFailure)) {
    return warn(`Claude Code ${v}: \`onFailure: "block"\` needs ${show(NEEDS.onFailure)}; a hook that cannot start lets the call through (the hook still blocks on its own errors)`, UPGRADE);
  }
  return ok(`Claude Code ${v} (agent_type in hook input, exec-form hooks, onFailure: block)`);
}

/** The installed hooks run `node`: it must resolve on the PATH Claude Code passes on. */
export function nodeLine(env: NodeJS.ProcessEnv): CheckLine {
  const run = spawnSync('node', ['--version'], { env, encoding: 'utf8', timeout: 15_000 });
  if (run.error || run.status !== 0) return fail('node is not on PATH; the hooks run `node <bundle>`', 'install Node.js >= 20 and put `node` on the PATH Claude Code starts with');
  const version = parseVersion(run.stdout);
  if (version && version[0] < 20) return fail(`node ${run.stdout.trim()} on PATH is older than 20`, 'install Node.js >= 20');
  return ok(`node ${run.stdout.trim()} on PATH (runs the hooks)`);
}
