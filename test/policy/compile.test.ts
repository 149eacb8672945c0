import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePolicy, loadSources } from '../../src/policy/compile.js';
import { SourceError } from '../../src/schemas/errors.js';
import { REPO_ROOT, tempDir } from '../helpers/gate.js';

/** A copy of the kit's sources with one manifest of our own, so each test can break one thing. */
function kitWith(manifest: string, name = 'kei-x'): string {
  const root = tempDir();
  cpSync(join(REPO_ROOT, 'capabilities'), join(root, 'capabilities'), { recursive: true });
  cpSync(join(REPO_ROOT, 'agents', 'roles'), join(root, 'agents', 'roles'), { recursive: true });
  mkdirSync(join(root, 'agents', 'manifests'), { recursive: true });
  writeFileSync(join(root, 'agents', 'manifests', `${name}.yaml`), manifest);
  return root;
}

const VALID = `name: kei-x
description: test agent
tools: [Read, Bash]
model: sonnet
substrate_role: read-only
role: Reads things.
domain_in: [reading]
handoffs: [{ target: kei-x, trigger: never }]
forbidden: [writing]
`;

function compileError(root: string): SourceError {
  try {
    compilePolicy(loadSources(root));
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('compilePolicy', () => {
  it('compiles a valid manifest into an agent policy with its role capabilities', () => {
    const policy = compilePolicy(loadSources(kitWith(VALID)));
    const role = readFileSync(join(REPO_ROOT, 'agents/roles/read-only.yaml'), 'utf8');
    expect(policy.agents['kei-x']).toMatchObject({ name: 'kei-x', role: 'read-only', tools: ['Read', 'Bash'], bashReadOnly: true, reportName: 'KEI-X' });
    expect(role).toContain(policy.agents['kei-x']!.capabilities[0]!);
  });

  it.each([
    ['an unknown key, named', VALID + 'colour: red\n', "unknown key 'colour'"],
    ['a tool the role does not allow, naming both', VALID.replace('[Read, Bash]', '[Read, Write]'), "tools: 'Write' is not allowed for role 'read-only'"],
    ['an unknown capability', VALID + 'capabilities: [policy::nope]\n', "unknown capability 'policy::nope'"],
    ['a handoff to an agent with no manifest', VALID.replace('target: kei-x', 'target: kei-ghost'), "no manifest for target 'kei-ghost'"],
    ['a wrong type', VALID.replace('tools: [Read, Bash]', 'tools: Read'), 'tools'],
  ])('rejects %s with the file named', (_label, manifest, expected) => {
    const error = compileError(kitWith(manifest));
    expect(error.file).toBe('agents/manifests/kei-x.yaml');
    expect(error.message).toContain(expected);
  });

  it('rejects a name that does not match its file', () => {
    const error = compileError(kitWith(VALID.replace('name: kei-x', 'name: ../x')));
    expect(error.message).toMatch(/name/);
  });
});
