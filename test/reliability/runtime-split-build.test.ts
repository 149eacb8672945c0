/**
 * Build checks of the split hook runtime (scripts/runtime-split.mjs): every module of ours is in
 * exactly one file (two copies in one process would be two caches and two classes), each call
 * loads only the code its event and tool need, and dist/ holds exactly the files of one build.
 * The runtime is rebuilt in memory here, with the options of the real build, to read its
 * metafile; the same checks also run on every build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/gate.js';
import { runtimeFiles } from '../../src/doctor/runtime-files.js';

interface Output {
  inputs: Record<string, unknown>;
  imports: { path: string; kind: string; external?: boolean }[];
}
interface Metafile {
  outputs: Record<string, Output>;
}

const script = async <T>(name: string): Promise<T> => (await import(join(REPO_ROOT, 'scripts', name))) as T;
let metafile: Metafile;
let checkSplit: (m: Metafile) => void;
let loadSet: (m: Metafile, output: string) => string[];

beforeAll(async () => {
  const { common } = await script<{ common: object }>('esbuild-common.mjs');
  const { lazyBuiltins } = await script<{ lazyBuiltins: object }>('lazy-builtins.mjs');
  const { lazyModules } = await script<{ lazyModules: (root: string, common: object) => { plugin: object } }>('lazy-modules.mjs');
  const { buildRuntime } = await script<{ buildRuntime: (...args: unknown[]) => Promise<{ metafile: Metafile }> }>('runtime-split.mjs');
  ({ checkSplit, loadSet } = await script<{ checkSplit: typeof checkSplit; loadSet: typeof loadSet }>('split-checks.mjs'));
  ({ metafile } = await buildRuntime(REPO_ROOT, common, { plugins: [lazyBuiltins, lazyModules(REPO_ROOT, common).plugin] }));
}, 60_000);

const outputNamed = (m: Metafile, stem: string): string => Object.keys(m.outputs).find((p) => p.replace(/^dist\//, '').replace(/-[0-9a-f]{12}\.cjs$|\.cjs$/, '') === stem)!;
const modulesLoadedBy = (stem: string): string[] => loadSet(metafile, outputNamed(metafile, stem)).flatMap((p) => Object.keys(metafile.outputs[p]!.inputs)).filter((i) => i.startsWith('src/'));

describe('the split hook runtime', () => {
  it('has every module of ours in exactly one file', () => {
    const homes = new Map<string, string[]>();
    for (const [path, output] of Object.entries(metafile.outputs)) {
      for (const input of Object.keys(output.inputs).filter((i) => i.startsWith('src/'))) homes.set(input, [...(homes.get(input) ?? []), path]);
    }
    expect(homes.size).toBeGreaterThan(200);
    expect([...homes].filter(([, paths]) => paths.length > 1)).toEqual([]);
  });

  it('loads for every call only the runtime, for Bash no measurer or verifier, for the file tools no shell parser', () => {
    const under = (modules: string[], folder: string) => modules.filter((m) => m.startsWith(folder));
    const core = modulesLoadedBy('hook-runtime');
    for (const folder of ['src/shell/', 'src/measure/', 'src/modal/', 'src/verify/', 'src/deps/commands/']) expect(under(core, folder)).toEqual([]);
    const bash = modulesLoadedBy('hook-runtime-bash');
    expect(under(bash, 'src/shell/').length).toBeGreaterThan(50);
    for (const folder of ['src/measure/', 'src/modal/', 'src/verify/']) expect(under(bash, folder)).toEqual([]);
    const edits = modulesLoadedBy('hook-runtime-file-edits');
    expect(under(edits, 'src/measure/').length).toBeGreaterThan(20);
    for (const folder of ['src/shell/', 'src/modal/', 'src/verify/']) expect(under(edits, folder)).toEqual([]);
    expect(under(modulesLoadedBy('hook-runtime-verify'), 'src/verify/').length).toBeGreaterThan(20);
  });

  it('refuses a build that holds a module twice, or loads code a call does not need', () => {
    expect(() => checkSplit(metafile)).not.toThrow();
    const core = outputNamed(metafile, 'hook-runtime');
    const bash = outputNamed(metafile, 'hook-runtime-bash');
    const twice = structuredClone(metafile);
    twice.outputs[core]!.inputs['src/shell/index.ts'] = {};
    expect(() => checkSplit(twice)).toThrow(/src\/shell\/index\.ts is in both/);
    const leaky = structuredClone(metafile);
    leaky.outputs[bash]!.inputs['src/verify/subagent-stop.ts'] = {};
    delete leaky.outputs[outputNamed(leaky, 'hook-runtime-verify')]!.inputs['src/verify/subagent-stop.ts'];
    expect(() => checkSplit(leaky)).toThrow(/hook-runtime-bash loads src\/verify\/subagent-stop\.ts/);
  });
});

describe('dist/ as built', () => {
  const dist = join(REPO_ROOT, 'dist');
  const { present, missing } = runtimeFiles(dist);
  const buildOf = (file: string) => /-([0-9a-f]{12})\.cjs$/.exec(file)?.[1];

  it('holds every file the runtime requires, all of one build, and at most the build before it', () => {
    expect(missing).toEqual([]);
    expect(present.map(buildOf).filter((id, i) => i > 0 && id !== buildOf(present[1]!))).toEqual([]);
    const builds = new Set(readdirSync(dist).filter((f) => f.startsWith('hook-runtime-')).map(buildOf));
    expect(builds.size).toBeLessThanOrEqual(2);
    expect(present.filter((f) => /^hook-runtime-(bash|file-edits|modal-scan|modal-checks|verify)-/.test(f))).toHaveLength(5);
  });

  it('keeps the files of the build it replaced, which a running process may still load, and no older ones', async () => {
    type Stale = (names: string[], previous: string | undefined, files: { path: string }[]) => string[];
    const { staleRuntimeFiles } = await script<{ staleRuntimeFiles: Stale }>('runtime-split.mjs');
    const names = ['hook-runtime.cjs', 'cli.cjs', 'hook-runtime-bash-aaaaaaaaaaaa.cjs', 'hook-runtime-bash-bbbbbbbbbbbb.cjs', 'hook-runtime-bash-cccccccccccc.cjs'];
    const previous = 'require("./hook-runtime-shared-X-bbbbbbbbbbbb.cjs")';
    expect(staleRuntimeFiles(names, previous, [{ path: '/d/dist/hook-runtime-bash-cccccccccccc.cjs' }])).toEqual(['hook-runtime-bash-aaaaaaaaaaaa.cjs']);
    expect(staleRuntimeFiles(names, undefined, [{ path: '/d/dist/hook-runtime-bash-cccccccccccc.cjs' }])).toHaveLength(2);
  });

  it('is strict mode CommonJS, as the ESM it was built from', () => {
    for (const f of present) expect(readFileSync(join(dist, f), 'utf8').startsWith('"use strict";')).toBe(true);
  });
});
