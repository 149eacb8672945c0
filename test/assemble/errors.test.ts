/**
 * Every class of bad input is an error that names the file, the key and what was expected, and
 * nothing is written. Table-driven: each row breaks one thing in a copy of the kit.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { assembleAll } from '../../src/assemble/index.js';
import { runAssemble } from '../../src/cli/commands/assemble.js';
import { captureIo, copyKit, manifest, snapshot, writeManifest } from './kit.js';

const manifests = (root: string): string => join(root, 'agents', 'manifests');

function editManifest(root: string, name: string, change: (m: Record<string, unknown>) => void): void {
  const file = join(manifests(root), `${name}.yaml`);
  const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(data);
  writeFileSync(file, stringify(data));
}

function errorOf(root: string): string {
  try {
    assembleAll(root);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the sources to be rejected');
}

interface Case {
  label: string;
  breakIt(root: string): void;
  expected: string[];
}

const CASES: Case[] = [
  {
    label: 'a block with no file',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.blocks = ['baseline', 'evidence-grading', 'memory-protocol', 'no-such-block'])),
    expected: ['agents/manifests/kei-critic.yaml', "blocks: no block 'no-such-block' (expected agents/blocks/no-such-block.md; known: baseline,"],
  },
  {
    label: 'a required block left out',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.blocks = ['evidence-grading', 'memory-protocol'])),
    expected: ['agents/manifests/kei-critic.yaml', "blocks: must include 'baseline'"],
  },
  {
    label: 'an unknown capability',
    breakIt: (root) => editManifest(root, 'kei-modal-runner', (m) => void (m.capabilities = ['modal::cost-line', 'modal::teleport'])),
    expected: ['agents/manifests/kei-modal-runner.yaml', "capabilities: unknown capability 'modal::teleport' (expected a folder capabilities/<category>/<name>/)"],
  },
  {
    label: 'a capability name without a category',
    breakIt: (root) => editManifest(root, 'kei-modal-runner', (m) => void (m.capabilities = ['cost-line'])),
    expected: ['agents/manifests/kei-modal-runner.yaml', 'capabilities.0:'],
  },
  {
    label: 'a capability the role already has',
    breakIt: (root) => editManifest(root, 'kei-modal-runner', (m) => void (m.capabilities = ['policy::no-git-ops'])),
    expected: ['agents/manifests/kei-modal-runner.yaml', "capabilities: 'policy::no-git-ops' is already in role 'edit-local'"],
  },
  {
    label: 'a handoff to an agent with no manifest',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.handoffs = [{ target: 'kei-ghost', trigger: 'never' }])),
    expected: ['agents/manifests/kei-critic.yaml', "handoffs: no manifest for target 'kei-ghost' (expected agents/manifests/kei-ghost.yaml)"],
  },
  {
    label: 'a domain_out entry to an agent with no manifest',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.domain_out = [{ target: 'kei-ghost', trigger: 'never' }])),
    expected: ['agents/manifests/kei-critic.yaml', "domain_out: no manifest for target 'kei-ghost'"],
  },
  {
    label: 'a tool the role does not allow',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.tools = ['Read', 'Write'])),
    expected: ['agents/manifests/kei-critic.yaml', "tools: 'Write' is not allowed for role 'read-only' (allowed: Read, Glob, Grep, WebFetch, WebSearch, Bash)"],
  },
  {
    label: 'a tool listed twice',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.tools = ['Read', 'Read'])),
    expected: ['agents/manifests/kei-critic.yaml', "tools: 'Read' is listed twice"],
  },
  {
    label: 'an unsafe agent name (../x)',
    breakIt: (root) => writeManifest(manifests(root), manifest('../x'), 'x.yaml'),
    expected: ['agents/manifests/x.yaml', 'name: lower-case kebab name, no path characters'],
  },
  {
    label: 'an unsafe handoff target (../x)',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.handoffs = [{ target: '../x', trigger: 'escape' }])),
    expected: ['agents/manifests/kei-critic.yaml', 'handoffs.0.target: an agent name (lower-case kebab, no path characters)'],
  },
  {
    label: 'an unsafe block name (../baseline)',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.blocks = ['../baseline'])),
    expected: ['agents/manifests/kei-critic.yaml', 'blocks.0: a block name (lower-case kebab, no path characters)'],
  },
  {
    label: 'an unknown key',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.colour = 'red')),
    expected: ['agents/manifests/kei-critic.yaml', "unknown key 'colour' at (top level)"],
  },
  {
    label: 'an unknown key inside a handoff',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.handoffs = [{ target: 'kei-architect', trigger: 'x', when: 'now' }])),
    expected: ['agents/manifests/kei-critic.yaml', "unknown key 'when' at handoffs.0"],
  },
  {
    label: 'a missing required key',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void delete m.forbidden),
    expected: ['agents/manifests/kei-critic.yaml', 'forbidden:'],
  },
  {
    label: 'a name that is not the file name',
    breakIt: (root) => writeManifest(manifests(root), manifest('kei-other'), 'kei-one.yaml'),
    expected: ['agents/manifests/kei-one.yaml', "name: 'kei-other' must match the file name 'kei-one'"],
  },
  {
    label: 'a manifest named .yml',
    breakIt: (root) => writeManifest(manifests(root), manifest('kei-new'), 'kei-new.yml'),
    expected: ['agents/manifests/kei-new.yml', 'manifests must be named <agent>.yaml'],
  },
  {
    label: 'a manifest that is not YAML',
    breakIt: (root) => writeFileSync(join(manifests(root), 'kei-broken.yaml'), 'name: [unclosed\n'),
    expected: ['agents/manifests/kei-broken.yaml', 'not valid YAML'],
  },
  {
    label: 'a role with an unknown substrate_role',
    breakIt: (root) => editManifest(root, 'kei-critic', (m) => void (m.substrate_role = 'admin')),
    expected: ['agents/manifests/kei-critic.yaml', 'substrate_role:'],
  },
  {
    label: 'a capability text with a top-level heading',
    breakIt: (root) => writeFileSync(join(root, 'capabilities', 'tools', 'deny-tools', 'text.md'), '# Tools\n\nUse only your tools.\n'),
    expected: ['capabilities/tools/deny-tools/text.md', 'use ## headings'],
  },
  {
    label: 'a block without its heading',
    breakIt: (root) => writeFileSync(join(root, 'agents', 'blocks', 'pre-dev-gate.md'), 'Check for analogues first.\n'),
    expected: ['agents/blocks/pre-dev-gate.md', 'a block starts with its own # heading'],
  },
];

it.each(CASES)('$label: names the file, the key and the expectation', ({ breakIt, expected }) => {
  const root = copyKit();
  breakIt(root);
  const message = errorOf(root);
  for (const part of expected) expect(message).toContain(part);
});

it.each(CASES.slice(0, 3))('$label: kei assemble exits 1 and writes nothing', async ({ breakIt }) => {
  const root = copyKit();
  breakIt(root);
  const before = snapshot(root);
  const { err, io } = captureIo();
  expect(await runAssemble(['--root', root, '--kit-only'], io)).toBe(1);
  expect(err.join('')).toContain('the sources are invalid; nothing was written');
  expect(snapshot(root)).toEqual(before);
});

it('lists every broken manifest in one run', () => {
  const root = copyKit();
  CASES[0]!.breakIt(root);
  editManifest(root, 'kei-architect', (m) => void (m.tools = ['Read', 'Edit']));
  const message = errorOf(root);
  expect(message).toContain('agents/manifests/kei-critic.yaml: blocks:');
  expect(message).toContain("agents/manifests/kei-architect.yaml: tools: 'Edit' is not allowed");
});

it("names a user manifest by its absolute path", () => {
  const root = copyKit();
  const config = join(root, 'config');
  mkdirSync(config);
  const file = writeManifest(join(config, 'kei', 'manifests'), manifest('my-agent', { tools: ['Read', 'Write'] }));
  expect(() => assembleAll(root, { configDir: config })).toThrow(`${file}: tools: 'Write' is not allowed for role 'read-only'`);
});
