/** The kit: at least 12 agents (the seed's floor), split 7 read-only / 5 edit-local, each complete. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { assembleAll, capabilitiesOf, loadKitSources } from '../../src/assemble/index.js';
import { compilePolicy } from '../../src/policy/compile.js';
import { headingKey, items, sections, splitFrontmatter } from './markdown.js';
import { REPO_ROOT } from './kit.js';

const sources = loadKitSources(REPO_ROOT);
const manifests = [...sources.manifests.values()];
const byRole = (role: string): string[] => manifests.filter((m) => m.substrate_role === role).map((m) => m.name).sort();
const agentFile = (name: string): string => readFileSync(join(REPO_ROOT, 'agents', `${name}.md`), 'utf8');
const section = (name: string, key: string): string => sections(splitFrontmatter(agentFile(name)).body).find((s) => headingKey(s.heading) === key)!.body;

it('has at least 12 agents (the seed floor)', () => {
  expect(manifests.length).toBeGreaterThanOrEqual(12);
});

it('splits 7 read-only / 5 edit-local, by name', () => {
  expect(byRole('read-only')).toEqual(['kei-architect', 'kei-cost-guardian', 'kei-critic', 'kei-ml-researcher', 'kei-researcher', 'kei-security-auditor', 'kei-validator']);
  expect(byRole('edit-local')).toEqual(['kei-code-implementer', 'kei-fal-ai-runner', 'kei-infra-implementer', 'kei-ml-implementer', 'kei-modal-runner']);
});

it('compiles into the policy bundle the hooks read', () => {
  expect(Object.keys(compilePolicy(sources).agents)).toHaveLength(manifests.length);
});

it('has a generated file for every manifest and nothing else', () => {
  const agents = [...assembleAll(REPO_ROOT).keys()].filter((p) => p.startsWith(join(REPO_ROOT, 'agents')));
  expect(agents.map((p) => p.slice(REPO_ROOT.length + 1)).sort()).toEqual(manifests.map((m) => `agents/${m.name}.md`).sort());
});

it('gives every agent its own role text, description and domain', () => {
  for (const key of ['role', 'description'] as const) expect(new Set(manifests.map((m) => m[key])).size).toBe(manifests.length);
  expect(new Set(manifests.map((m) => m.domain_in.join('|'))).size).toBe(manifests.length);
});

it.each(byRole('read-only'))('%s: its report asks for severity-graded findings (output::severity-grade)', (name) => {
  expect(capabilitiesOf(name, sources)).toContain('output::severity-grade');
  const report = section(name, 'OUTPUT FORMAT');
  expect(report).toMatch(/^Findings: .*\[HIGH\] \| \[MEDIUM\] \| \[LOW\]/m);
});

it.each(manifests.map((m) => m.name))('%s: has every section, a banner and handoffs to kit agents', (name) => {
  const keys = sections(splitFrontmatter(agentFile(name)).body).map((s) => headingKey(s.heading));
  expect(keys.slice(0, 3)).toEqual(['ROLE', 'AGENT SUBSTRATE', 'BASELINE']);
  expect(keys.slice(-5)).toEqual(['DOMAIN SCOPE', 'HANDOFFS', 'OUTPUT FORMAT', 'FORBIDDEN', 'REFERENCES']);
  expect(section(name, 'OUTPUT FORMAT')).toContain(`=== ${name.toUpperCase()} REPORT ===`);
  for (const target of items(section(name, 'HANDOFFS')).map((i) => i.split(' — ')[0]!)) {
    expect(sources.manifests.has(target), `${name} hands off to ${target}`).toBe(true);
    expect(target).not.toBe(name);
  }
});

it('kei-modal-runner adds the kill guard and the modal capabilities and has a default scope', () => {
  const modal = sources.manifests.get('kei-modal-runner')!;
  expect(modal.capabilities).toEqual(['safety::kill-guard', 'modal::cost-line', 'modal::prelaunch', 'modal::script-lint']);
  expect(modal.default_scope?.['files-whitelist']).toEqual(expect.arrayContaining(['**/*.py', 'configs/**']));
  expect(modal.default_scope?.['files-denylist']).toEqual(expect.arrayContaining(['**/*.lock', '.github/**', '**/.claude/**', '**/.env*']));
});

it('only kei-modal-runner carries a default scope; the other edit-local agents need a bound task', () => {
  expect(manifests.filter((m) => m.default_scope).map((m) => m.name)).toEqual(['kei-modal-runner']);
});
