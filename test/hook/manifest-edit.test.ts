import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, tempDir } from '../helpers/gate.js';

/** A throwaway copy of the built package, so regeneration never touches the repo's own files. */
function packageCopy(): string {
  const root = tempDir('kei-pkg-');
  for (const part of ['package.json', 'agents', 'capabilities', 'dist', 'docs']) cpSync(join(REPO_ROOT, part), join(root, part), { recursive: true });
  return root;
}

function postToolUse(root: string, filePath: string, env: Record<string, string>) {
  const payload = { session_id: 's', cwd: root, hook_event_name: 'PostToolUse', tool_name: 'Edit', tool_input: { file_path: filePath, old_string: 'a', new_string: 'b' }, tool_response: {}, tool_use_id: 't' };
  return spawnSync(process.execPath, [join(root, 'dist', 'kei.cjs'), 'hook', 'PostToolUse'], { input: JSON.stringify(payload), env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('PostToolUse on an agent manifest', () => {
  it("regenerates a user manifest's agent and compiles it into the hooks' policy", () => {
    const root = packageCopy();
    const config = tempDir('kei-config-');
    const state = join(config, 'kei');
    const manifests = join(config, 'kei', 'manifests');
    mkdirSync(manifests, { recursive: true });
    const source = readFileSync(join(root, 'agents', 'manifests', 'kei-critic.yaml'), 'utf8').replace(/^name: .*$/m, 'name: my-critic');
    writeFileSync(join(manifests, 'my-critic.yaml'), source);
    const result = postToolUse(root, join(manifests, 'my-critic.yaml'), { CLAUDE_CONFIG_DIR: config, KEI_STATE_DIR: state });
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.hookSpecificOutput.additionalContext).toContain("regenerated");
    expect(out.hookSpecificOutput.additionalContext).toContain("my-critic's manifest");
    expect(readFileSync(join(config, 'agents', 'my-critic.md'), 'utf8')).toContain('name: my-critic');
    expect(JSON.parse(readFileSync(join(state, 'policy.json'), 'utf8')).agents['my-critic'].role).toBe('read-only');
  });

  it('leaves the agent file alone and says why when the manifest is invalid', () => {
    const root = packageCopy();
    const config = tempDir('kei-config-');
    const manifests = join(config, 'kei', 'manifests');
    mkdirSync(manifests, { recursive: true });
    writeFileSync(join(manifests, 'my-bad.yaml'), 'name: my-bad\ncolour: red\n');
    const result = postToolUse(root, join(manifests, 'my-bad.yaml'), { CLAUDE_CONFIG_DIR: config, KEI_STATE_DIR: join(config, 'kei') });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).hookSpecificOutput.additionalContext).toMatch(/my-bad's manifest is invalid.*colour/s);
    expect(existsSync(join(config, 'agents', 'my-bad.md'))).toBe(false);
  });

  it('says nothing for an edit of any other YAML file', () => {
    const root = packageCopy();
    const config = tempDir('kei-config-');
    const result = postToolUse(root, join(root, 'other', 'manifests', 'x.yaml'), { CLAUDE_CONFIG_DIR: config, KEI_STATE_DIR: join(config, 'kei') });
    expect(result).toMatchObject({ status: 0, stdout: '' });
  });
});
