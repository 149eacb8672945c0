import { afterEach, describe, expect, it } from 'vitest';
import { verifyConstructorPattern } from '../../src/verify/checks/constructor-pattern.js';
import { testAgent } from '../helpers/gate.js';
import { addWorktree, makeRepo, writeFiles, type TestRepo } from './helpers/repo.js';

let repo: TestRepo;
let wt: string;
afterEach(() => repo?.cleanup());

function setup(base: Record<string, string> = {}): void {
  repo = makeRepo({ 'README.md': 'x\n', ...base });
  wt = addWorktree(repo);
}

function ctx() {
  const capability = { name: 'quality::constructor-pattern', title: 't', description: 'd', hooks: [], params: [], verify: true, messages: {} };
  return { worktree: wt, base: 'main', agent: testAgent(), capability, task: undefined, report: undefined, signal: new AbortController().signal };
}

/** A Rust function spanning `lines` lines, signature through closing brace. */
function rustFn(name: string, lines: number): string {
  return [`fn ${name}() {`, ...Array.from({ length: lines - 2 }, (_, i) => `    let _v${i} = ${i};`), '}'].join('\n') + '\n';
}

/** A file of `lines` lines holding only short functions. */
function rustFile(lines: number): string {
  const chunks: string[] = [];
  let used = 0;
  while (used + 5 <= lines) {
    chunks.push(rustFn(`f${used}`, 5));
    used += 5;
  }
  return chunks.join('') + '// pad\n'.repeat(lines - used);
}

describe('quality::constructor-pattern on return', () => {
  it('fails a 201-line file', async () => {
    setup();
    writeFiles(wt, { 'src/big.rs': rustFile(201) });
    expect(await verifyConstructorPattern(ctx())).toEqual({ status: 'fail', summary: '1 size limit exceeded in the changed files', evidence: ['src/big.rs: 201 lines (limit 200)'] });
  });

  it('fails a 31-line function, naming it and its line', async () => {
    setup();
    writeFiles(wt, { 'src/lib.rs': `// header\n${rustFn('long_one', 31)}${rustFn('short_one', 5)}` });
    expect(await verifyConstructorPattern(ctx())).toEqual({ status: 'fail', summary: '1 size limit exceeded in the changed files', evidence: ['src/lib.rs:2 function long_one: 31 lines (limit 30)'] });
  });

  it('passes a 200-line file with a 30-line function, and ignores non-code files', async () => {
    setup();
    writeFiles(wt, { 'src/edge.rs': rustFn('exactly', 30) + rustFile(170), 'docs/long.md': 'line\n'.repeat(500) });
    expect(await verifyConstructorPattern(ctx())).toEqual({ status: 'pass', summary: '2 changed files within 200 lines and 30 per function', evidence: [] });
  });

  it('measures only the changed files, not the whole repository', async () => {
    setup({ 'src/legacy.rs': rustFile(400) });
    writeFiles(wt, { 'src/small.rs': rustFn('ok', 4) });
    expect((await verifyConstructorPattern(ctx())).status).toBe('pass');
  });

  it('lets a file already over the limit shrink, but not grow', async () => {
    setup({ 'src/legacy.rs': rustFile(250) });
    writeFiles(wt, { 'src/legacy.rs': rustFile(240) });
    expect((await verifyConstructorPattern(ctx())).status).toBe('pass');
    writeFiles(wt, { 'src/legacy.rs': rustFile(260) });
    expect((await verifyConstructorPattern(ctx())).evidence).toEqual(['src/legacy.rs: 260 lines, was 250 (already over 200, may not grow)']);
  });
});

describe('the capability carries this verify', () => {
  it('wires quality::constructor-pattern to it', async () => {
    const { CAPABILITY_MODULES } = await import('../../src/capabilities/registry.js');
    expect(CAPABILITY_MODULES.get('quality::constructor-pattern')?.verify).toBe(verifyConstructorPattern);
  });
});
