import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/shell/parse/list.js';
import { newShared } from '../../src/shell/parse/state.js';

/** Shell scripts that ship with the system: real-world syntax our parser must accept. */
function systemScripts(): string[] {
  try {
    const found = execFileSync('find', ['/etc', '/usr/share', '/usr/lib', '-name', '*.sh', '-type', 'f', '-size', '-200k'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 << 20 });
    return found.trim().split('\n').filter(Boolean).slice(0, 400);
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '').trim().split('\n').filter(Boolean).slice(0, 400);
  }
}

function bashAccepts(path: string): boolean {
  try {
    execFileSync('bash', ['-n', path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('real scripts', () => {
  it('parses every system shell script that bash -n accepts', { timeout: 300_000 }, () => {
    const rejected: string[] = [];
    let checked = 0;
    for (const path of systemScripts()) {
      const text = readFileSync(path, 'utf8');
      if (!/^#!.*\b(ba)?sh\b/.test(text) || !bashAccepts(path)) continue;
      checked += 1;
      try {
        parseProgram(text, newShared());
      } catch (error) {
        rejected.push(`${path}: ${(error as Error).message}`);
      }
    }
    console.log(`real scripts: ${checked} parsed by bash -n, ${rejected.length} rejected by us`);
    expect(rejected).toEqual([]);
  });
});
