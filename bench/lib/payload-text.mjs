// The text of the benchmark's tool calls: a benign 200-byte Bash command and a Rust file.

/** What a modal runner typically runs to look at a job: reads, greps, listings, no writes. */
export const BASH_200 = (() => {
  const base = 'ls -la checkpoints/ | head -n 20 && grep -rn "learning_rate" configs/ train/ | wc -l && tail -n 50 logs/train.log && modal app list && du -sh data/ 2>/dev/null; echo "checked run';
  const padded = base + '.'.repeat(Math.max(0, 199 - base.length)) + '"';
  return padded;
})();

function rustFunction(i) {
  return [
    `/// Applies step ${i} of the schedule to the weights.`,
    `pub fn step_${i}(weights: &mut [f32], lr: f32) -> f32 {`,
    '    let mut total = 0.0_f32;',
    '    for w in weights.iter_mut() {',
    `        let grad = (*w * ${i}.0).sin() * 0.5;`,
    '        *w -= lr * grad;',
    '        total += grad.abs();',
    '    }',
    '    if total.is_nan() {',
    '        return 0.0;',
    '    }',
    '    total / weights.len().max(1) as f32',
    '}',
    '',
  ];
}

/** A Rust file of exactly `lines` lines, every function well under 30 lines. */
export function rustFile(lines) {
  const out = ['//! Model update steps for the forge trainer.', '', 'use std::f32;', ''];
  for (let i = 0; out.length < lines; i++) out.push(...rustFunction(i));
  out.length = lines;
  // Do not leave a function cut in half: close with a complete item.
  while (out.length > 0 && out[out.length - 1] !== '' && out[out.length - 1] !== '}') out.pop();
  while (out.length < lines) out.push('// end of schedule');
  return out.join('\n') + '\n';
}
