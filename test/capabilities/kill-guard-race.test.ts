import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordPrompt } from '../../src/state/confirmations.js';
import { tempDir } from '../helpers/gate.js';

const run = promisify(execFile);
let script: string;

/** A separate process that tries to take the stop confirmation, as a racing hook would. */
beforeAll(() => {
  const dir = tempDir('kei-race-');
  const entry = join(dir, 'take.ts');
  script = join(dir, 'take.cjs');
  const source = resolve(import.meta.dirname, '../../src/state/confirmations.ts');
  buildSync({
    stdin: { contents: `import { takeStopConfirmation } from ${JSON.stringify(source)};\nconst [state, session] = process.argv.slice(2);\nprocess.stdout.write(takeStopConfirmation(state, session, undefined, new Date(), { agentId: String(process.pid), command: 'kill 1' }) ? 'took' : 'denied');\n`, resolveDir: dir, sourcefile: entry, loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error',
  });
});

describe('two racing stop commands', () => {
  it.each([1, 2, 3])('round %i: exactly one takes the confirmation', async () => {
    const state = tempDir('kei-race-state-');
    recordPrompt(state, 'sess-race', 'yes, stop it', new Date());
    const results = await Promise.all([0, 1, 2, 3].map(() => run(process.execPath, [script, state, 'sess-race']).then((r) => r.stdout)));
    expect(results.filter((r) => r === 'took')).toHaveLength(1);
    expect(results.filter((r) => r === 'denied')).toHaveLength(3);
  });
});
