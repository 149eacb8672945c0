import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fanOutCalls, launchesRemoteWork, scriptFacts } from '../../src/modal/script-facts.js';
import { parseGpuString } from '../../src/modal/gpu-request.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'modal');
const fixture = (name: string) => scriptFacts(readFileSync(join(FIXTURES, name), 'utf8'));
const gpusOf = (decorator: string) =>
  scriptFacts(`import modal\napp = modal.App()\nGPU = "B200"\n${decorator}\ndef f():\n    pass\n`).modal.functions[0]!.gpus.map((g) => `${g.type}:${g.count}`);

const CASES_1 = [
  ['@app.function(gpu="H100")', ['H100:1']],
  ['@app.function(gpu="h100:8")', ['H100:8']],
  ["@app.function(gpu='A10G', timeout=60)", ['A10G:1']],
  ['@app.function(gpu=["H100", "A100-80GB:2"])', ['H100:1', 'A100-80GB:2']],
  ['@app.function(gpu=modal.gpu.H100(count=2))', ['H100:2']],
  ['@app.function(gpu=modal.gpu.A100(size="80GB"))', ['A100-80GB:1']],
  ['@app.function(gpu=GPU)', ['B200:1']],
  ['@app.function(gpu="H100!")', ['H100!:1']],
  ['@app.function(gpu=f"{GPU}")', []],
  ['@app.function(gpu=pick_gpu())', []],
  ['@app.function()', []],
  ['@app.cls(gpu="L40S")', ['L40S:1']],
] as const;

const CASES_2 = [
  ['H100:0', undefined],
  ['H100:two', undefined],
  ['a:b:c', undefined],
  ['any', { type: 'ANY', count: 1, line: 1 }],
] as const;

describe('GPU requests', () => {
  it.each(CASES_1)('%s', (decorator, expected) => {
    expect(gpusOf(decorator)).toEqual(expected);
  });

  it.each(CASES_2)('parseGpuString(%j)', (text, expected) => {
    expect(parseGpuString(text, 1)).toEqual(expected);
  });
});

describe('Modal definitions in the fixtures', () => {
  it('reads functions, retries and entrypoints', () => {
    const good = fixture('train_good.py');
    expect(good.modal.functions.map((f) => [f.name, f.kind, f.retries, f.gpus.map((g) => g.type)])).toEqual([['train', 'function', true, ['H100']]]);
    expect(good.modal.entrypoints.map((e) => e.name)).toEqual(['main']);
    expect(good.trainingFunctions.map((f) => f.name)).toEqual(['train']);
  });

  it('reads class methods as Modal functions', () => {
    const cls = fixture('inference_cls.py');
    expect(cls.modal.functions.map((f) => `${f.kind}:${f.name}`)).toEqual(['cls:Embedder', 'method:embed', 'method:mark_done']);
    expect(cls.modal.functions[0]!.gpus).toEqual([{ type: 'A100-80GB', count: 2, line: 9 }]);
  });
});

const CASES_3 = [
  ['train_good.py', true],
  ['launch_remote.py', true],
  ['sweep.py', true],
] as const;

const CASES_4 = [
  ['no modal import', 'x = train.remote(1)\n', false],
  ['dataset.map is not a Modal function', 'import modal\nimport datasets\nds = datasets.load_dataset("x").map(tok)\n', false],
  ['looked-up function', 'import modal\nf = modal.Function.from_name("app", "train")\nf.remote(1)\n', true],
  ['remote only inside a string', 'import modal\nDOC = "train.remote(1)"\n', false],
] as const;

const CASES_5 = [
  ['sweep.py', 'main', [36]],
  ['sweep.py', 'single', []],
  ['sweep.py', 'train_variant', []],
  ['sweep.py', undefined, [36]],
  ['train_good.py', undefined, []],
  ['train_bad.py', undefined, [29]],
  ['inference_cls.py', 'main', [30]],
] as const;

describe('remote work and fan-out', () => {
  it.each(CASES_3)('%s launches remote work: %s', (name, expected) => {
    expect(launchesRemoteWork(fixture(name))).toBe(expected);
  });

  it.each(CASES_4)('%s → %s', (_name, src, expected) => {
    expect(launchesRemoteWork(scriptFacts(src))).toBe(expected);
  });

  it.each(CASES_5)('%s::%s fans out at %j', (name, entry, lines) => {
    expect(fanOutCalls(fixture(name), entry).map((c) => c.line)).toEqual(lines);
  });

  it('sees comprehension and gather fan-outs', () => {
    const src = 'import modal\nasync def main(cfgs):\n    calls = [train.spawn(c) for c in cfgs]\n    await asyncio.gather(*(train.spawn.aio(c) for c in cfgs))\n';
    expect(fanOutCalls(scriptFacts(src), undefined).map((c) => c.line)).toEqual([3, 4]);
  });
});

describe('volumes', () => {
  it('follows a mount path through constants, Path() and f-strings', () => {
    const src = [
      'import modal, torch',
      'from pathlib import Path',
      'vol = modal.Volume.from_name("ckpt")',
      'ROOT = "/ckpt"',
      '@app.function(volumes={ROOT: vol})',
      'def train():',
      '    out = Path(ROOT) / "run1"',
      '    torch.save(model.state_dict(), out / "a.pt")',
      '    save_checkpoint(model, f"{ROOT}/b.pt")',
      '    open("/tmp/x.txt", "w").write("not the volume")',
      '    open(f"{ROOT}/log.txt").read()',
    ].join('\n');
    const facts = scriptFacts(src);
    expect(facts.volumes.writes.map((w) => [w.line, w.api, w.volume])).toEqual([
      [8, 'torch.save', 'vol'],
      [9, 'save_checkpoint', 'vol'],
    ]);
    expect(facts.volumes.commits.size).toBe(0);
  });

  it('counts commits on the volume variable', () => {
    expect([...fixture('train_good.py').volumes.commits]).toEqual(['vol']);
    expect([...fixture('sweep.py').volumes.commits]).toEqual(['ckpt']);
  });
});

describe('bounded work', () => {
  it('a pathological script at the size limit is analysed in bounded time', () => {
    const src = 'import modal\nx = ' + 'f('.repeat(60_000) + ')'.repeat(60_000) + '\n' + 'print("a", 1)\n'.repeat(5_000);
    const start = performance.now();
    scriptFacts(src);
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
