import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyseShell } from '../../src/shell/index.js';
import { readScript } from '../shell/support.js';
import { CORPUS_DIR, FIXTURES, loadCorpus } from './corpus.js';
import { loadShSyntax, loadTreeSitter, ourNames, ourStatements, shSyntaxStatements, treeSitterNames } from './oracles.js';

interface Accepted {
  command: string;
  reason: string;
}
const accepted = parse(readFileSync(join(CORPUS_DIR, 'oracle-disagreements.yaml'), 'utf8')) as Record<'tree-sitter' | 'sh-syntax', Accepted[]>;
const commands = [...new Set(loadCorpus().map((entry) => entry.command))];

describe('differential: our command extraction against parser oracles on the whole corpus', () => {
  it('agrees with tree-sitter-bash on the command names, except the listed cases', { timeout: 300_000 }, async () => {
    const parser = await loadTreeSitter();
    const disagreements: string[] = [];
    let parsed = 0;
    for (const command of commands) {
      const theirs = treeSitterNames(parser, command);
      if (theirs === undefined) continue;
      parsed += 1;
      const ours = ourNames(analyseShell(command, { cwd: FIXTURES, readScript }));
      if (JSON.stringify(theirs) !== JSON.stringify(ours)) disagreements.push(command);
    }
    console.log(`tree-sitter-bash parsed ${parsed}/${commands.length} corpus commands; ${disagreements.length} accepted disagreements`);
    expect(parsed).toBeGreaterThan(commands.length * 0.95);
    expect(disagreements.sort()).toEqual(accepted['tree-sitter'].map((a) => a.command).sort());
  });

});

describe('differential: against mvdan/sh', () => {
  it('agrees with sh-syntax (mvdan/sh) on what is valid shell and on the top-level statements', { timeout: 600_000 }, async () => {
    const sh = loadShSyntax();
    const disagreements: string[] = [];
    for (const command of commands) {
      if ((await shSyntaxStatements(sh, command)) !== ourStatements(command)) disagreements.push(command);
    }
    console.log(`sh-syntax checked ${commands.length} corpus commands; ${disagreements.length} accepted disagreements`);
    expect(disagreements.sort()).toEqual(accepted['sh-syntax'].map((a) => a.command).sort());
  });

});

describe('accepted disagreements', () => {
  it('lists a reason for every accepted disagreement', () => {
    for (const entry of [...accepted['tree-sitter'], ...accepted['sh-syntax']]) {
      expect(commands).toContain(entry.command);
      expect(entry.reason.length).toBeGreaterThan(20);
    }
  });
});
