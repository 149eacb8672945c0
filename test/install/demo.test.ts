import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/gate.js';

/** `npm run demo` as a user runs it: the seed's checklist through the installed hooks. */
function runDemo(): { code: number | null; out: string } {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'demo.mjs')], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', KEI_DEMO_NO_BUILD: '1' }, timeout: 120_000 });
  const root = /Everything lives under (\S+);/.exec(run.stdout)?.[1];
  if (root) rmSync(root, { recursive: true, force: true });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('npm run demo', () => {
  it('plays the checklist and every forbidden call, each answered as the seed requires', () => {
    const { code, out } = runDemo();
    const order = ['modal app list', 'read the script back', 'Launch with no dollar estimate', 'cost line stated first', 'publish the branch', 'stop the running training app', 'literal confirmation', 'outside the task whitelist', '40-line function', 'without the required `blockers:` field', 'complete report'];
    let at = 0;
    for (const title of order) {
      const found = out.indexOf(title, at);
      expect(found, `step "${title}" missing or out of order`).toBeGreaterThan(at);
      at = found;
    }
    expect(out).toMatch(/Bash {2}\$ git push origin main\n\s+PreToolUse → DENY {2}kei-substrate blocked this call\.\n\s+\[policy::no-git-ops\]/);
    expect(out).toMatch(/SubagentStop → BLOCK .*\n(.*\n)*?.*blockers: missing/);
    const notYet = out.split('\n').filter((l) => l.startsWith('  not yet: '));
    expect(notYet, "steps whose answer differs from the seed's rules").toEqual([]);
    expect(out).not.toContain('✗');
    expect(out).toMatch(/\n14 of 14 calls answered as the seed's rules require\.\n/);
    expect(code).toBe(0);
  });
});
