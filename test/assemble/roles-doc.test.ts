/** docs/AGENT-ROLES.md: one row per agent, gates and verifies read from capability.yaml. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { assembleAll } from '../../src/assemble/index.js';
import { copyKit, REPO_ROOT } from './kit.js';

const doc = (root: string): string => assembleAll(root).get(join(root, 'docs', 'AGENT-ROLES.md'))!;
const agentRows = (text: string): string[][] =>
  text.split('\n').filter((l) => /^\| `kei-/.test(l)).map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));

function setCapability(root: string, path: string, change: (meta: Record<string, unknown>) => void): void {
  const file = join(root, 'capabilities', path, 'capability.yaml');
  const meta = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(meta);
  writeFileSync(file, stringify(meta));
}

it('has a 12-row agent table: agent, role, tools, capabilities, gates, verifies', () => {
  const text = readFileSync(join(REPO_ROOT, 'docs', 'AGENT-ROLES.md'), 'utf8');
  expect(text).toContain('| Agent | Role | Tools | Capabilities | Gates | Verifies |');
  const rows = agentRows(text);
  expect(rows).toHaveLength(12);
  expect(rows.filter((r) => r[1] === 'read-only')).toHaveLength(7);
  expect(rows.filter((r) => r[1] === 'edit-local')).toHaveLength(5);
  expect(rows.find((r) => r[0] === '`kei-modal-runner`')![2]).toBe('Glob, Grep, Read, Edit, Write, Bash, Agent');
});

it('derives the gates column from capability.yaml hooks and verifies from verify: true', () => {
  const root = copyKit();
  setCapability(root, 'safety/kill-guard', (m) => void (m.hooks = [{ event: 'PreToolUse', tools: ['Bash'] }], m.verify = false));
  setCapability(root, 'policy/no-git-ops', (m) => void (m.hooks = [{ event: 'PreToolUse', tools: ['Bash'] }]));
  setCapability(root, 'output/report-format', (m) => void (m.hooks = [], m.verify = true));
  const rows = agentRows(doc(root));
  const modal = rows.find((r) => r[0] === '`kei-modal-runner`')!;
  expect(modal[4]).toContain('`policy::no-git-ops`');
  expect(modal[4]).toContain('`safety::kill-guard`');
  expect(modal[5]).toContain('`output::report-format`');
  expect(modal[5]).not.toContain('kill-guard');
  const critic = rows.find((r) => r[0] === '`kei-critic`')!;
  expect(critic[4]).toContain('`policy::no-git-ops`');
  expect(critic[4]).not.toContain('kill-guard');
  expect(doc(root)).toContain('| `safety::kill-guard` |');
  expect(doc(root)).toMatch(/\| `safety::kill-guard` \| .* \| PreToolUse \(Bash\) \| no \|/);
});

it('a capability with neither hooks nor verify shows a dash in both columns', () => {
  const root = copyKit();
  for (const path of ['tools/deny-tools', 'policy/no-git-ops', 'tools/bash-read-only', 'output/report-format', 'output/severity-grade']) {
    setCapability(root, path, (m) => void ((m.hooks = []), (m.verify = false)));
  }
  const critic = agentRows(doc(root)).find((r) => r[0] === '`kei-critic`')!;
  expect(critic.slice(4)).toEqual(['—', '—']);
});
