/**
 * The runtime's parts load through the same V8 code cache loader as the runtime itself
 * (src/hook/code-cache.ts): once per process, never through Node's own loader as well (two
 * copies of a module would be two caches and two classes), each with a cache of its own named
 * after the runtime's build.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFileFor, partCacheFile, readCache, requireWithCodeCache } from '../../src/hook/code-cache.js';
import { tempDir } from '../helpers/gate.js';

interface Runtime {
  count(): number;
  part(): number;
}

/** Counts how often each file's top level ran, in this process. */
const COUNTER = `const runs = (globalThis.__keiCacheTestRuns ??= {}); runs[__filename] = (runs[__filename] ?? 0) + 1;`;
const runs = (file: string): number => ((globalThis as Record<string, any>).__keiCacheTestRuns ?? {})[file] ?? 0;

/** An entry, a shared file both the entry and a part require, and the part, loaded on first call. */
function runtimeDir(): { dir: string; entry: string; shared: string; part: string; cacheFile: string } {
  const dir = tempDir('kei-cc-parts-');
  const entry = join(dir, 'hook-runtime.cjs');
  const shared = join(dir, 'hook-runtime-shared-1.cjs');
  const part = join(dir, 'hook-runtime-part-1.cjs');
  writeFileSync(shared, `"use strict";${COUNTER} let n = 0; exports.count = () => ++n;`);
  writeFileSync(part, `"use strict";${COUNTER} const shared = require("./hook-runtime-shared-1.cjs"); exports.value = () => shared.count();`);
  writeFileSync(entry, `"use strict";${COUNTER} const shared = require("./hook-runtime-shared-1.cjs"); exports.count = () => shared.count(); exports.part = () => require("./hook-runtime-part-1.cjs").value();`);
  return { dir, entry, shared, part, cacheFile: cacheFileFor(join(dir, 'cache'), 'build1') };
}

describe('the parts of the runtime, through the code cache', () => {
  it('loads each file once, shares it between the entry and the parts, and never through Node', () => {
    const r = runtimeDir();
    const runtime = requireWithCodeCache<Runtime>(r.entry, r.cacheFile).exports;
    expect(runs(r.part)).toBe(0);
    expect([runtime.count(), runtime.part(), runtime.part(), runtime.count()]).toEqual([1, 2, 3, 4]);
    expect([runs(r.entry), runs(r.shared), runs(r.part)]).toEqual([1, 1, 1]);
    expect(Object.keys(createRequire(r.entry).cache).filter((key) => key.startsWith(r.dir))).toEqual([]);
  });

  it('saves a cache for every file it loaded, under the runtime build, and uses them next time', () => {
    const r = runtimeDir();
    const first = requireWithCodeCache<Runtime>(r.entry, r.cacheFile);
    first.exports.part();
    first.persist();
    const caches = [r.cacheFile, partCacheFile(r.cacheFile, 'hook-runtime-shared-1.cjs'), partCacheFile(r.cacheFile, 'hook-runtime-part-1.cjs')];
    for (const file of caches) expect(readCache(file)).toBeInstanceOf(Buffer);
    expect(readdirSync(join(r.dir, 'cache')).sort()).toEqual(caches.map((file) => file.slice(join(r.dir, 'cache').length + 1)).sort());
    const second = requireWithCodeCache<Runtime>(r.entry, r.cacheFile);
    expect(second.exports.part()).toBe(1);
  });

  it('survives a damaged cache of a part and writes it again', () => {
    const r = runtimeDir();
    const first = requireWithCodeCache<Runtime>(r.entry, r.cacheFile);
    first.exports.part();
    first.persist();
    const partCache = partCacheFile(r.cacheFile, 'hook-runtime-part-1.cjs');
    const bytes = readFileSync(partCache);
    for (let i = 40; i < bytes.length / 2; i += 7) bytes[i]! ^= 0x5a;
    writeFileSync(partCache, bytes);
    expect(readCache(partCache)).toBeUndefined();
    const second = requireWithCodeCache<Runtime>(r.entry, r.cacheFile);
    expect(second.exports.part()).toBe(1);
    second.persist();
    expect(readCache(partCache)).toBeInstanceOf(Buffer);
  });

  it('throws on every call while a part is missing, and loads it once it is there', () => {
    const r = runtimeDir();
    const text = readFileSync(r.part, 'utf8');
    rmSync(r.part);
    const runtime = requireWithCodeCache<Runtime>(r.entry, r.cacheFile).exports;
    expect(() => runtime.part()).toThrow(/hook-runtime-part-1\.cjs/);
    expect(() => runtime.part()).toThrow(/hook-runtime-part-1\.cjs/);
    writeFileSync(r.part, text);
    expect(runtime.part()).toBe(1);
  });

  it('drops the caches of other builds and keeps every cache of its own', () => {
    const r = runtimeDir();
    const first = requireWithCodeCache<Runtime>(r.entry, r.cacheFile);
    first.exports.part();
    first.persist();
    const other = cacheFileFor(join(r.dir, 'cache'), 'build0');
    writeFileSync(other, 'old');
    writeFileSync(partCacheFile(other, 'hook-runtime-part-0.cjs'), 'old');
    const next = cacheFileFor(join(r.dir, 'cache'), 'build2');
    const second = requireWithCodeCache<Runtime>(r.entry, next);
    second.exports.part();
    second.persist();
    expect(readdirSync(join(r.dir, 'cache')).every((name) => name.startsWith('hook-runtime-build2-'))).toBe(true);
    expect(readdirSync(join(r.dir, 'cache'))).toHaveLength(3);
  });
});
