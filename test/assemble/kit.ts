/** Temp copies of the kit and small manifest builders for assembler tests. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { assembleAll, writeAssembled } from '../../src/assemble/index.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export function tempDir(prefix = 'kei-assemble-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A copy of the kit's sources in a fresh temp dir, its generated files rebuilt from those
 * sources (so a test never depends on whether the committed ones are current); returns its root.
 */
export function copyKit(): string {
  const root = tempDir('kei-kit-');
  for (const dir of ['agents', 'capabilities']) cpSync(join(REPO_ROOT, dir), join(root, dir), { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  writeAssembled(assembleAll(root));
  return root;
}

/** Every file under dir, by path relative to dir, with its content. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

/** A valid manifest for a new read-only agent; overrides replace keys (undefined deletes one). */
export function manifest(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name,
    description: `Test agent ${name}.`,
    tools: ['Read', 'Grep'],
    model: 'sonnet',
    substrate_role: 'read-only',
    role: `You are ${name}.`,
    blocks: ['baseline', 'evidence-grading', 'memory-protocol'],
    domain_in: ['reading things'],
    handoffs: [{ target: 'kei-critic', trigger: 'a review is needed' }],
    forbidden: ['writing things'],
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

export function writeManifest(dir: string, data: Record<string, unknown>, file = `${String(data.name)}.yaml`): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, stringify(data));
  return path;
}

/** Captured output of runAssemble. */
export function captureIo(): { out: string[]; err: string[]; io: { out(t: string): void; err(t: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t) } };
}
