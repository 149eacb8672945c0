import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEI_BIN } from '../helpers/hook-process.js';
import { tempDir } from '../helpers/gate.js';

function explain(...args: string[]) {
  return spawnSync(process.execPath, [KEI_BIN, 'explain', ...args], { encoding: 'utf8', cwd: tempDir(), env: { ...process.env, KEI_STATE_DIR: tempDir() } });
}

describe('kei explain', () => {
  it('shows what the shell analysis saw, each capability, and the deny for `bash -c "git push"`', () => {
    const result = explain('--agent', 'kei-modal-runner', '--tool', 'Bash', '--', 'bash -c "git push"');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('agent kei-modal-runner (role edit-local)');
    expect(result.stdout).toMatch(/runs: git push\s+\[.*shell-c.*\]/);
    expect(result.stdout).toMatch(/policy::no-git-ops: deny — .*git push/);
    expect(result.stdout).toContain('"permissionDecision":"deny"');
  });

  it('takes a full payload with --input', () => {
    const file = join(tempDir(), 'payload.json');
    writeFileSync(file, JSON.stringify({ session_id: 's', cwd: '/tmp', agent_id: 'a1', agent_type: 'kei-critic', tool_name: 'Write', tool_input: { file_path: '/tmp/x', content: 'x' } }));
    const result = explain('--input', file);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/tools::deny-tools: deny — kei-critic \(role read-only\) may use only .*`Write` is not one of them/);
  });

  it('says an ungoverned agent passes without a word', () => {
    const result = explain('--agent', 'general-purpose', '--tool', 'Bash', '--', 'git push');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('is not governed');
  });

  it('is a usage error without --agent and --tool', () => {
    const result = explain('--', 'git push');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--agent and --tool are required');
  });
});
