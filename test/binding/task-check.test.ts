import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as task } from '../../src/cli/commands/task.js';
import { capture } from '../install/capture.js';
import { scratchDir } from './transcript-fixture.js';

const ISSUE_BLOCK = `\`\`\`kei-task
role: edit-local
scope:
  files-whitelist: ["_primitives/_rust/kei-forge/**"]
  files-denylist: ["**/Cargo.toml", "**/Cargo.lock", ".github/**"]
verification:
  cargo-test-crates: [kei-forge]
  test-count-min: 44
output:
  report-fields-required: [files-written, cargo-check, cargo-test, loc-delta]
\`\`\``;

function file(name: string, content: string): string {
  const path = join(scratchDir('kei-check-'), name);
  writeFileSync(path, content);
  return path;
}

describe('kei task check', () => {
  it('prints a valid spec from a prompt file, resolved, with each glob explained', async () => {
    const prompt = file('prompt.md', `Build the forge.\n\n${ISSUE_BLOCK}\n`);
    const out = await capture(() => task(['check', prompt]));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`${prompt}: valid task spec`);
    expect(out.stdout).toContain('"test-count-min": 44');
    expect(out.stdout).toContain('  _primitives/_rust/kei-forge/**  — lists files or directories (and all they hold) from the worktree root');
    expect(out.stdout).toContain('  **/Cargo.lock  — lists files or directories (and all they hold) at any depth');
  });

  it('reads a plain YAML file and judges the paths it is given', async () => {
    const spec = file('task.yaml', 'scope:\n  files-whitelist: ["src/**", "!src/gen/**"]\n  files-denylist: [".env"]\n');
    const out = await capture(() => task(['check', spec, 'src/a.ts', 'src/gen/b.ts', 'src/.env', 'lib/c.ts', '.git/config']));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('  src/a.ts: allowed by whitelist glob `src/**`');
    expect(out.stdout).toContain('  src/gen/b.ts: denied: taken back out by `!src/gen/**`');
    expect(out.stdout).toContain('  src/.env: denied by denylist glob `.env`');
    expect(out.stdout).toContain('  lib/c.ts: denied: no whitelist glob matches');
    expect(out.stdout).toContain('  .git/config: denied: under `/.git`, which no task may change');
  });

  it('fills the lists from an agent default scope with --agent', async () => {
    const spec = file('task.yaml', 'scope:\n  files-whitelist: ["train/**"]\n');
    const out = await capture(() => task(['check', spec, '--agent', 'kei-modal-runner']));
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/"files-denylist": \[\s*"/);
  });

  it.each([
    ['an unknown key', 'task.yaml', 'scope:\n  files-whitelst: ["x"]\n', "unknown key 'files-whitelst' at scope"],
    ['a wrong type', 'task.yaml', 'verification:\n  test-count-min: many\n', 'verification.test-count-min:'],
    ['bad YAML', 'task.yaml', 'scope: [\n', 'not valid YAML'],
    ['a prompt without a block', 'prompt.md', 'Just prose.\n', 'no ```kei-task block'],
    ['a bad glob', 'task.yaml', 'scope:\n  files-denylist: ["/"]\n', "scope.files-denylist.0: '/' names no path"],
  ])('exits 1 naming the field for %s', async (_what, name, content, expected) => {
    const path = file(name, content);
    const out = await capture(() => task(['check', path]));
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`kei task check: invalid task spec (${path}`);
    expect(out.stderr).toContain(expected);
  });

  it.each([
    ['no subcommand', []],
    ['an unknown subcommand', ['lint', 'x']],
    ['no file', ['check']],
    ['an unknown option', ['check', 'x.yaml', '--frobnicate']],
    ['a file that does not exist', ['check', '/nonexistent/kei/task.yaml']],
    ['an unknown agent', ['check', 'AGENT_FILE', '--agent', 'nobody']],
  ])('exits 2 with usage for %s', async (_what, args) => {
    const spec = file('task.yaml', 'role: edit-local\n');
    const out = await capture(() => task(args.map((a) => (a === 'AGENT_FILE' ? spec : a))));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('usage: kei task check <file>');
  });
});
