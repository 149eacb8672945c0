/** In-process timing of function lengths (bundled and run by bench/lib/inprocess.mjs). */
import { measureSource } from '../../src/measure/index.js';
import { MEASURE_INPUTS } from './measure-inputs.js';
import { time, type Timing } from './timing.js';

const results: (Timing & { targetMs: number; judge: 'median' | 'max' })[] = [];
for (const input of MEASURE_INPUTS) {
  const run = () => {
    const measure = measureSource(input.path, input.text);
    return `${measure.functions.length} functions, ${measure.lines} lines`;
  };
  // Target: function lengths of a 5,000-line file <= 30 ms (a typical call: median); nothing over 100 ms.
  results.push({ ...time(input.label, Buffer.byteLength(input.text), run), targetMs: 30, judge: 'median' });
}
process.stdout.write(JSON.stringify(results));
