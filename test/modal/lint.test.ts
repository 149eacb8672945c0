import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptFacts } from '../../src/modal/script-facts.js';
import { lintScript, lineList } from '../../src/modal/lint.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'modal');
const lint = (src: string) => lintScript(scriptFacts(src));
const lintFixture = (name: string) => lint(readFileSync(join(FIXTURES, name), 'utf8'));
const rules = (src: string) => lint(src).map((f) => `${f.rule}@${f.line}`);

describe('lint on realistic training scripts', () => {
  it('train_good.py holds every invariant', () => {
    expect(lintFixture('train_good.py')).toEqual([]);
  });

  it('sweep.py (spawn loop, commits, retries, state_dict) holds every invariant', () => {
    expect(lintFixture('sweep.py')).toEqual([]);
  });

  it('train_bad.py breaks all five, each with its line', () => {
    expect(lintFixture('train_bad.py')).toEqual([
      { rule: 'map-call', line: 29, data: { call: 'train.map(...)', effect: 'one failing input cancels the whole batch (return_exceptions=False)' } },
      { rule: 'print-no-flush', line: 20, data: { lines: '20, 30', count: 2 } },
      { rule: 'volume-no-commit', line: 21, data: { volume: 'results', lines: '21', commit: 'results.commit()' } },
      { rule: 'no-retries', line: 10, data: { function: 'train' } },
      { rule: 'no-checkpoint', line: 10, data: { function: 'train' } },
    ]);
  });

  it('inference_cls.py: .map on a class method and an uncommitted cache volume', () => {
    expect(lintFixture('inference_cls.py').map((f) => [f.rule, f.line, f.data.effect ?? f.data.volume])).toEqual([
      ['map-call', 30, 'failures come back mixed into the results instead of being retried one by one'],
      ['volume-no-commit', 23, 'cache'],
    ]);
  });

  it('tricky_strings.py: calls, prints and gpu= inside strings and comments are not code', () => {
    expect(lintFixture('tricky_strings.py')).toEqual([]);
  });
});

const head = 'import modal\napp = modal.App()\n';
const CASES_1 = [
  ['print with flush=True', `${head}print("x", flush=True)\n`, []],
  ['print without flush', `${head}print("x")\n`, ['print-no-flush@3']],
  ['print with flush=False', `${head}print("x", flush=False)\n`, ['print-no-flush@3']],
  ['print passing **kwargs', `${head}print("x", **kw)\n`, []],
  ['print rebound with flush', `${head}import functools\nprint = functools.partial(print, flush=True)\nprint("x")\n`, []],
  ['a method called print is not print', `${head}logger.print("x")\n`, []],
  ['no modal import: not linted', 'print("x")\n', []],
  ['map on a Modal function', `${head}@app.function()\ndef f(x): ...\nlist(f.map([1]))\n`, ['map-call@5']],
  ['starmap on a Modal function', `${head}@app.function()\ndef f(x, y): ...\nlist(f.starmap([(1, 2)]))\n`, ['map-call@5']],
  ['map on a dataset is fine', `${head}ds = load().map(tokenize)\n`, []],
  ['map on a looked-up function', `${head}f = modal.Function.from_name("a", "f")\nlist(f.map([1]))\n`, ['map-call@4']],
  ['retries=0 is no retries', `${head}@app.function(gpu="H100", retries=0)\ndef train(): torch.save(m.state_dict(), "x")\n`, ['no-retries@4']],
  ['retries=1 counts', `${head}@app.function(gpu="H100", retries=1)\ndef train(): torch.save(m.state_dict(), "x")\n`, []],
  ['GPU function of an optimizer script without checkpoint', `${head}@app.function(gpu="A10G", retries=modal.Retries(max_retries=1))\ndef run():\n    loss.backward()\n`, ['no-checkpoint@4']],
  ['inference GPU function is not training', `${head}@app.function(gpu="A10G")\ndef embed(x):\n    return model(x)\n`, []],
] as const;

describe('lint rules, case by case', () => {
  it.each(CASES_1)('%s', (_name, src, expected) => {
    expect(rules(src)).toEqual(expected);
  });

  it('map with return_exceptions=True still fans out, with a different effect', () => {
    const [finding] = lint(`${head}@app.function()\ndef f(x): ...\nlist(f.map([1], return_exceptions=True))\n`);
    expect(finding!.data.effect).toBe('failures come back mixed into the results instead of being retried one by one');
  });

  it('lists many print lines briefly', () => {
    expect(lineList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe('1, 2, 3, 4, 5, 6, 7, 8 and 2 more');
  });
});
