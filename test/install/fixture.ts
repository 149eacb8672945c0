import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, tempDir } from '../helpers/gate.js';

export const AGENT_A = '---\nname: kei-alpha\ndescription: first fixture agent\ntools: Read, Bash\n---\nAlpha body.\n';
export const AGENT_B = '---\nname: kei-beta\ndescription: second fixture agent\ntools: Read\n---\nBeta body.\n';

/**
 * A package laid out like kei-substrate (the repo's own settings.json snippet, a dist/ with a
 * bundle and a policy, generated agents), in a temp dir so tests can change its agents freely.
 */
export function fixturePackage(agents: Record<string, string> = { 'kei-alpha.md': AGENT_A, 'kei-beta.md': AGENT_B }): string {
  const root = tempDir('kei-pkg-');
  cpSync(join(REPO_ROOT, 'settings.json'), join(root, 'settings.json'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'kei-substrate' }));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'kei.cjs'), '// bundle\n');
  writeFileSync(join(root, 'dist', 'policy.json'), JSON.stringify({ version: 1, agents: {}, capabilities: {} }));
  mkdirSync(join(root, 'agents', 'manifests'), { recursive: true });
  writeFileSync(join(root, 'agents', 'manifests', 'kei-alpha.yaml'), 'name: kei-alpha\n');
  for (const [file, text] of Object.entries(agents)) writeFileSync(join(root, 'agents', file), text);
  return root;
}

export function targetDir(settings?: string): string {
  const target = tempDir('kei-target-');
  if (settings !== undefined) writeFileSync(join(target, 'settings.json'), settings);
  return target;
}

export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Every file under a dir with its bytes, to prove a run wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

export const USER_SETTINGS = {
  model: 'opus',
  permissions: { allow: ['Bash(npm test)'] },
  hooks: {
    PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: '/home/u/bin/audit.sh' }] }],
    Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }],
  },
};
