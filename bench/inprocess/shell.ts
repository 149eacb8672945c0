/** In-process timing of analyseShell (bundled and run by bench/lib/inprocess.mjs). */
import { analyseShell } from '../../src/shell/index.js';
import { shellInputs } from './shell-inputs.js';
import { time, type Timing } from './timing.js';

const results: (Timing & { targetMs: number; judge: 'median' | 'max' })[] = [];
for (const input of shellInputs()) {
  const run = () => {
    const analysis = analyseShell(input.text, { cwd: '/tmp' });
    return `${analysis.status}, ${analysis.commands.length} commands`;
  };
  results.push({ ...time(input.label, Buffer.byteLength(input.text), run), targetMs: input.targetMs, judge: input.judge });
}
process.stdout.write(JSON.stringify(results));
