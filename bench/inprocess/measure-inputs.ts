/** 5,000-line source files for the function-length timing, one per language with boundaries. */
// @ts-expect-error plain .mjs module shared with the process benchmark
import { rustFile } from '../lib/payload-text.mjs';

function tsFile(lines: number): string {
  const out: string[] = ["import { readFileSync } from 'node:fs';", ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `/** Step ${i}: scales and clamps. */`,
      `export function step${i}(values: number[], factor = ${i}): number[] {`,
      '  const out: number[] = [];',
      '  for (const v of values) {',
      "    const scaled = v * factor + (typeof v === 'number' ? 0 : 1);",
      '    out.push(Math.min(1e6, Math.max(-1e6, scaled)));',
      '  }',
      '  return out.filter((x) => !Number.isNaN(x));',
      '}',
      '',
      `export class Model${i} {`,
      '  constructor(private readonly weights: number[]) {}',
      `  run(input: number[]): number { return input.reduce((a, b, k) => a + b * (this.weights[k] ?? 0), ${i}); }`,
      '}',
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function pythonFile(lines: number): string {
  const out: string[] = ['import math', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(`def step_${i}(values, factor=${i}):`, '    """Scales and clamps."""', '    out = []', '    for v in values:', '        out.append(min(1e6, max(-1e6, v * factor)))', '    return [x for x in out if not math.isnan(x)]', '');
  }
  return out.slice(0, lines).join('\n') + '\n';
}

export const MEASURE_INPUTS: { label: string; path: string; text: string }[] = [
  { label: '5,000-line Rust file', path: 'src/model.rs', text: rustFile(5000) },
  { label: '5,000-line TypeScript file', path: 'src/model.ts', text: tsFile(5000) },
  { label: '5,000-line Python file', path: 'train/model.py', text: pythonFile(5000) },
  { label: '150-line Rust file (the Write scenario)', path: 'src/model.rs', text: rustFile(150) },
];
